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

/** Upstream `field.NotSupported` wording: the sorted, quoted list of accepted values. */
export function unsupported(values: readonly string[]): string {
  const quoted = [...values].sort().map(value => JSON.stringify(value));
  return `Unsupported value: supported values: ${quoted.join(', ')}`;
}

/** Joins several upstream reasons for one field into one message, keeping their wording. */
export function reasons(list: readonly string[]): string {
  return list.join('; ');
}
