/*
 * Upstream `field.Error` wordings (apimachinery `pkg/util/validation/field/errors.go`), without the
 * value, which every problem carries separately. `field.Invalid` has no prefix: its detail is the
 * whole message.
 */

/** `field.Required`: `Required value`, with its detail when there is one. */
export function required(detail = ''): string {
  return detail === '' ? 'Required value' : `Required value: ${detail}`;
}

/** `field.Forbidden`: `Forbidden: <detail>`. */
export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}

/** `field.NotFound`, which takes no detail. */
export const NOT_FOUND = 'Not found';

/** `field.Duplicate`, which takes no detail. */
export const DUPLICATE = 'Duplicate value';

/** `field.TooLong` (1.28 counts bytes). */
export function tooLong(max: number): string {
  return `Too long: must have at most ${max} bytes`;
}

/**
 * `field.Duplicate` of a string value, as `kubectl` prints the whole error (`Duplicate value: "x"`):
 * for rules whose only detail is which value repeats.
 */
export function duplicateValue(value: string): string {
  return `${DUPLICATE}: ${JSON.stringify(value)}`;
}
