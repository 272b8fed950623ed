import type { ValidationError } from './problem';

/** Builds an error: the API server (or the running Pod) would reject or break on this. */
export function error(
  rule: string,
  field: string,
  value: unknown,
  message: string,
  fix: string,
): ValidationError {
  return { rule, severity: 'error', field, value, message, fix };
}

/** Builds a warning: accepted by the API server but likely wrong; can be silenced by rule id. */
export function warning(
  rule: string,
  field: string,
  value: unknown,
  message: string,
  fix: string,
): ValidationError {
  return { rule, severity: 'warning', field, value, message, fix };
}

/**
 * Upstream `field.NotSupported` wording: the quoted list of accepted values. Most callers upstream
 * pass a sorted set (`sorted`); some pass a literal list, whose order is kept with `'as-given'`.
 */
export function unsupported(values: readonly string[], order: 'sorted' | 'as-given' = 'sorted'): string {
  const listed = order === 'sorted' ? [...values].sort() : values;
  const quoted = listed.map(value => JSON.stringify(value));
  return `Unsupported value: supported values: ${quoted.join(', ')}`;
}

/** Joins several upstream reasons for one field into one message, keeping their wording. */
export function reasons(list: readonly string[]): string {
  return list.join('; ');
}

/** Upstream `ValidateNonnegativeField`'s message. */
export const NON_NEGATIVE = 'must be greater than or equal to 0';
