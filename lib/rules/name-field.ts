import type { JsonObject } from './json';
import { read, STRING } from './json';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/** How a name-like string field is checked and what to tell the author. */
export interface NameRule {
  /** Rule id reported when the value is invalid. */
  readonly rule: string;
  /** Upstream name predicate: the reasons the value is invalid, `[]` when valid. */
  readonly check: (value: string) => string[];
  /** Imperative fix sentence. */
  readonly fix: string;
}

/**
 * Checks `obj[key]` with an upstream name predicate, the way `ValidatePodSpec` does for `hostname`,
 * `nodeName`, `priorityClassName` and the like: an unset or empty value is not checked unless
 * `checkEmpty` (a pointer field such as `runtimeClassName`, where `""` is a value).
 */
export function checkNameField(
  obj: JsonObject,
  key: string,
  field: string,
  rule: NameRule,
  out: ValidationError[],
  checkEmpty = false,
): void {
  const value = read(obj, key, field, STRING, out);
  if (value === undefined || (value === '' && !checkEmpty)) return;
  checkName(value, field, rule, out);
}

/** Reports `value` at `field` when the predicate of `rule` finds reasons. */
export function checkName(value: string, field: string, rule: NameRule, out: ValidationError[]): void {
  const found = rule.check(value);
  if (found.length > 0) out.push(error(rule.rule, field, value, reasons(found), rule.fix));
}
