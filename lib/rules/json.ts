import type { ValidationError } from './problem';
import { error } from './report';

/** A decoded JSON object, as found in a rendered manifest. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** What a field must hold, and how to say so in a message. */
export interface Expected<T> {
  /** Noun phrase for messages, e.g. `a string`. */
  readonly noun: string;
  /** Type guard for the expected JSON type. */
  readonly test: (value: unknown) => value is T;
}

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON string. */
export const STRING: Expected<string> = { noun: 'a string', test: (v): v is string => typeof v === 'string' };
/** A JSON number without a fraction (Kubernetes ports are int32). */
export const INTEGER: Expected<number> = {
  noun: 'an integer',
  test: (v): v is number => Number.isInteger(v),
};
/** A JSON object. */
export const OBJECT: Expected<JsonObject> = { noun: 'an object', test: isJsonObject };
/** A JSON array. */
export const LIST: Expected<readonly unknown[]> = {
  noun: 'a list',
  test: (v): v is readonly unknown[] => Array.isArray(v),
};

// typeof only: interpolating an arbitrary value could throw (symbols) or be huge.
const describe = (value: unknown): string => {
  const type = Array.isArray(value) ? 'array' : typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
};

/** Reports a value of the wrong JSON type, which the API server would fail to decode. */
export function typeError(field: string, value: unknown, noun: string): ValidationError {
  return error(
    'field-type-invalid',
    field,
    value,
    `must be ${noun}; the API server cannot decode ${describe(value)} into this field`,
    `Set ${field} to ${noun}, or remove it.`,
  );
}

/**
 * Reads `obj[key]`, reporting a wrongly typed value instead of throwing.
 *
 * Absent and `null` both read as unset: the API server decodes `null` as the field's zero value.
 * Only own properties count, so a key like `constructor` never reads the prototype.
 */
export function read<T>(
  obj: JsonObject,
  key: string,
  field: string,
  expected: Expected<T>,
  out: ValidationError[],
): T | undefined {
  return readTyped(obj, key, expected, out, field, '');
}

/**
 * `read(obj, key, `${parent}.${key}`, expected, out)`, with the field path built only when a
 * wrongly typed value is reported: most reads find the field absent or well typed.
 */
export function readField<T>(
  obj: JsonObject,
  key: string,
  parent: string,
  expected: Expected<T>,
  out: ValidationError[],
): T | undefined {
  return readTyped(obj, key, expected, out, undefined, parent);
}

/** `read` and `readField`: the problem's field is `field`, else `<parent>.<key>`. */
function readTyped<T>(
  obj: JsonObject,
  key: string,
  expected: Expected<T>,
  out: ValidationError[],
  field: string | undefined,
  parent: string,
): T | undefined {
  // Absent fields are the common case, and reading one costs V8 more than asking whether it is there.
  if (!Object.hasOwn(obj, key)) return undefined;
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  // `expected.test(value)`, with the built-in types tested inline: reads run for every field of every object.
  const typed: Expected<unknown> = expected;
  const ok =
    typed === STRING
      ? typeof value === 'string'
      : typed === OBJECT
        ? typeof value === 'object' && !Array.isArray(value)
        : typed === INTEGER
          ? Number.isInteger(value)
          : expected.test(value);
  if (ok) return value as T;
  out.push(typeError(field ?? `${parent}.${key}`, value, expected.noun));
  return undefined;
}

/** Reads a list of objects, reporting entries that are not objects; returns each object with its field path. */
export function readObjects(
  obj: JsonObject,
  key: string,
  field: string,
  out: ValidationError[],
): { readonly path: string; readonly item: JsonObject }[] {
  const list = read(obj, key, field, LIST, out);
  if (list === undefined) return [];
  // Sized up front (a list grown by push starts at 16 slots), and a plain loop: this runs for
  // every list of every object at every synth.
  const objects = new Array<{ readonly path: string; readonly item: JsonObject }>(list.length);
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const path = `${field}[${i}]`;
    if (isJsonObject(item)) objects[count++] = { path, item };
    else out.push(typeError(path, item, OBJECT.noun));
  }
  objects.length = count;
  return objects;
}

/** Reads a string-to-string map (labels, selectors), reporting non-string values. */
export function readStringMap(
  obj: JsonObject,
  key: string,
  field: string,
  out: ValidationError[],
): [string, string][] {
  const map = read(obj, key, field, OBJECT, out);
  if (map === undefined) return [];
  const keys = Object.keys(map);
  // Sized up front: a list grown by push starts at 16 slots.
  const entries = new Array<[string, string]>(keys.length);
  let count = 0;
  for (const k of keys) {
    const v = map[k];
    if (typeof v === 'string') entries[count++] = [k, v];
    // null values decode to "" in Go maps.
    else if (v === null) entries[count++] = [k, ''];
    else out.push(typeError(`${field}[${k}]`, v, STRING.noun));
  }
  entries.length = count;
  return entries;
}

/**
 * `obj[key]` when it is the object's own field, else undefined (also when there is no object).
 * Asks first: many manifest objects (metadata, labels, security contexts) have a hidden class of
 * their own, and reading a field they lack costs V8 several times more than asking.
 */
export function ownField(obj: JsonObject | undefined, key: string): unknown {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Whether `obj[key]` is absent or null. */
export function isUnset(obj: JsonObject, key: string): boolean {
  if (!Object.hasOwn(obj, key)) return true;
  const value = obj[key];
  return value === undefined || value === null;
}

/** Whether `obj[key]` is absent, null or `""`: what the API server treats as "not set" for a string field. */
export function isBlank(obj: JsonObject, key: string): boolean {
  return isUnset(obj, key) || obj[key] === '';
}
