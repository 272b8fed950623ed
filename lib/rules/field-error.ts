/*
 * The wording of apimachinery's `field.Error` types (pkg/util/validation/field/errors.go, 1.28) for
 * messages that carry no value: the value is reported next to the message, as everywhere in these rules.
 */

/** `field.Required` with an optional detail: `Required value` or `Required value: <detail>`. */
export function required(detail = ''): string {
  return detail === '' ? 'Required value' : `Required value: ${detail}`;
}

/** `field.Forbidden`: `Forbidden: <detail>`. */
export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}

/** `field.Duplicate` of a string value, which Go prints quoted (`%q`): `Duplicate value: "x"`. */
export function duplicateValue(value: string): string {
  return `Duplicate value: ${JSON.stringify(value)}`;
}

/** `field.TooLong` as 1.28 words it (1.30 changed it to "may not be more than N bytes"). */
export function tooLong(maxBytes: number): string {
  return `Too long: must have at most ${maxBytes} bytes`;
}
