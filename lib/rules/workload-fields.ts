import type { JsonObject } from './json';
import { INTEGER, isUnset, read } from './json';
import { regexError } from './names';
import type { ValidationError } from './problem';
import { error, NON_NEGATIVE } from './report';

/** Upstream `ValidateNonnegativeField` for an optional integer field; returns the value read. */
export function nonNegative(
  obj: JsonObject,
  key: string,
  path: string,
  out: ValidationError[],
): number | undefined {
  const field = `${path}.${key}`;
  const value = read(obj, key, field, INTEGER, out);
  if (value !== undefined && value < 0) {
    out.push(error('field-negative', field, value, NON_NEGATIVE, `Set ${field} to 0 or more, or remove it.`));
  }
  return value;
}

const PERCENT_FMT = '[0-9]+%';
const PERCENT_RE = /^[0-9]+%$/;
const PERCENT_ERR = "a valid percent string must be a numeric string followed by an ending '%'";

/** An `IntOrString` field such as `maxSurge`, as read: its number (percent or count) and whether it is a percent. */
export interface IntOrPercent {
  readonly value: number;
  readonly percent: boolean;
}

/**
 * Upstream `ValidatePositiveIntOrPercent` and, where `atMost100Percent`, `IsNotMoreThan100Percent`
 * (pkg/apis/apps/validation).
 * Returns what `getIntOrPercentValue` makes of it (an unparsable string counts as 0), or
 * `fallback` when the field is unset (the API server's default).
 */
export function intOrPercent(
  obj: JsonObject,
  key: string,
  path: string,
  fallback: IntOrPercent,
  atMost100Percent: boolean,
  out: ValidationError[],
): IntOrPercent {
  const field = `${path}.${key}`;
  if (isUnset(obj, key)) return fallback;
  const raw = obj[key];
  if (typeof raw === 'string') {
    if (!PERCENT_RE.test(raw)) {
      out.push(
        error(
          'int-or-percent-invalid',
          field,
          raw,
          regexError(PERCENT_ERR, PERCENT_FMT, '1%', '93%'),
          `Set ${field} to a count such as 1 or a percentage such as "25%".`,
        ),
      );
      // Go's IntValue() parses the string as a plain integer, 0 when it is not one.
      const parsed = /^[+-]?\d+$/.test(raw) ? Number.parseInt(raw, 10) : 0;
      return { value: parsed, percent: false };
    }
    const value = Number.parseInt(raw, 10);
    if (atMost100Percent && value > 100) {
      out.push(
        error(
          'int-or-percent-over-100',
          field,
          raw,
          'must not be greater than 100%',
          `Set ${field} to at most "100%".`,
        ),
      );
    }
    return { value, percent: true };
  }
  const value = read(obj, key, field, { noun: 'an integer or a percentage string', test: isInteger }, out);
  if (value === undefined) return { value: 0, percent: false };
  if (value < 0) {
    out.push(error('field-negative', field, value, NON_NEGATIVE, `Set ${field} to 0 or more.`));
  }
  return { value, percent: false };
}

const isInteger = (v: unknown): v is number => Number.isInteger(v);
