import type { JsonObject } from './json';
import { LIST, read, STRING, typeError } from './json';
import type { ValidationError } from './problem';

/** One string of a list, with its index in the list as written. */
export interface IndexedString {
  /** Position in the list as written (entries of the wrong type keep their index). */
  readonly index: number;
  /** The string, `""` for a `null` entry. */
  readonly value: string;
}

/**
 * Reads a list of strings (`nameservers`, `searches`, `externalIPs`, …), reporting entries that are
 * not strings; `null` entries decode to "" as Go does for a `[]string`.
 */
export function readStrings(
  obj: JsonObject,
  key: string,
  field: string,
  out: ValidationError[],
): IndexedString[] {
  const list = read(obj, key, field, LIST, out);
  if (list === undefined) return [];
  const strings: IndexedString[] = [];
  for (let index = 0; index < list.length; index++) {
    const value = list[index];
    if (typeof value === 'string') strings.push({ index, value });
    else if (value === null) strings.push({ index, value: '' });
    else out.push(typeError(`${field}[${index}]`, value, STRING.noun));
  }
  return strings;
}
