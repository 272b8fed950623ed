import {
  INTEGER,
  isBlank,
  isJsonObject,
  isUnset,
  LIST,
  OBJECT,
  read,
  readField,
  readObjects,
  readStringMap,
  STRING,
  typeError,
} from '../../lib/rules/json';
import type { ValidationError } from '../../lib/rules/problem';

describe('read', () => {
  test.each<[string, Record<string, unknown>, unknown, ValidationError[]]>([
    ['fails a number where a string is expected', { v: 1 }, undefined, [typeError('f', 1, 'a string')]],
    ['fails a list where a string is expected', { v: ['a'] }, undefined, [typeError('f', ['a'], 'a string')]],
  ])('%s', (_, obj, expected, errors) => {
    const out: ValidationError[] = [];
    expect(read(obj, 'v', 'f', STRING, out)).toEqual(expected);
    expect(out).toEqual(errors);
  });

  test.each<[string, Record<string, unknown>, unknown]>([
    ['an absent key as unset', {}, undefined],
    ['null as unset', { v: null }, undefined],
    ['a string', { v: 'x' }, 'x'],
  ])('passes %s', (_, obj, expected) => {
    const out: ValidationError[] = [];
    expect(read(obj, 'v', 'f', STRING, out)).toEqual(expected);
    expect(out).toEqual([]);
  });

  test('never reads inherited properties', () => {
    const out: ValidationError[] = [];
    expect(read({}, 'constructor', 'f', STRING, out)).toBeUndefined();
    expect(out).toEqual([]);
  });

  test('type error wording', () => {
    expect(typeError('spec.ports', 'x', 'a list')).toEqual({
      rule: 'field-type-invalid',
      severity: 'error',
      field: 'spec.ports',
      value: 'x',
      message: 'must be a list; the API server cannot decode a string into this field',
      fix: 'Set spec.ports to a list, or remove it.',
    });
    expect(typeError('f', [1], 'a string').message).toBe(
      'must be a string; the API server cannot decode an array into this field',
    );
  });
});

describe('expectations', () => {
  test.each<[string, (v: unknown) => boolean, unknown, boolean]>([
    ['INTEGER accepts 80', INTEGER.test, 80, true],
    ['INTEGER rejects 80.5', INTEGER.test, 80.5, false],
    ['INTEGER rejects "80"', INTEGER.test, '80', false],
    ['OBJECT rejects arrays', OBJECT.test, [], false],
    ['OBJECT rejects null', OBJECT.test, null, false],
    ['LIST accepts arrays', LIST.test, [], true],
    ['isJsonObject accepts {}', isJsonObject, {}, true],
  ])('%s', (_, test, value, expected) => {
    expect(test(value)).toBe(expected);
  });

  test('isUnset and isBlank', () => {
    expect([isUnset({}, 'a'), isUnset({ a: null }, 'a'), isUnset({ a: '' }, 'a')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isBlank({ a: '' }, 'a'), isBlank({ a: 'x' }, 'a'), isBlank({ a: 0 }, 'a')]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('readObjects and readStringMap', () => {
  test('fails entries that are not objects, keeping the others with their paths', () => {
    const out: ValidationError[] = [];
    expect(readObjects({ l: [{ a: 1 }, 'x'] }, 'l', 'spec.l', out)).toEqual([
      { path: 'spec.l[0]', item: { a: 1 } },
    ]);
    expect(out).toEqual([typeError('spec.l[1]', 'x', 'an object')]);
  });

  test('fails map values that are not strings; null reads as ""', () => {
    const out: ValidationError[] = [];
    expect(readStringMap({ m: { a: 'x', b: 1, c: null } }, 'm', 'metadata.labels', out)).toEqual([
      ['a', 'x'],
      ['c', ''],
    ]);
    expect(out).toEqual([typeError('metadata.labels[b]', 1, 'a string')]);
  });
});

describe('readField: reads like read, and names the field <parent>.<key> only for a problem', () => {
  test.each<[string, Record<string, unknown>, unknown, ValidationError[]]>([
    ['fails a number where a string is expected', { v: 1 }, undefined, [typeError('spec.v', 1, 'a string')]],
    [
      'fails an object where a string is expected',
      { v: {} },
      undefined,
      [typeError('spec.v', {}, 'a string')],
    ],
    ['passes an absent key as unset', {}, undefined, []],
    ['passes null as unset', { v: null }, undefined, []],
    ['passes a string', { v: 'x' }, 'x', []],
    ['passes over an inherited property', Object.create({ v: 'inherited' }), undefined, []],
  ])('%s', (_, obj, expected, errors) => {
    const out: ValidationError[] = [];
    expect(readField(obj, 'v', 'spec', STRING, out)).toEqual(expected);
    expect(out).toEqual(errors);
  });
});
