import fc from 'fast-check';
import { validateLabels } from '../../lib/rules/labels';
import type { ValidationError } from '../../lib/rules/problem';
import { MSG, repeat } from './fixtures';

const keyError = (key: string, message: string): ValidationError => ({
  rule: 'label-key-invalid',
  severity: 'error',
  field: 'metadata.labels',
  value: key,
  message,
  fix: `Rename key ${JSON.stringify(key)} to an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
});
const valueError = (key: string, value: string, message: string): ValidationError => ({
  rule: 'label-value-invalid',
  severity: 'error',
  field: 'metadata.labels',
  value,
  message,
  fix: `Change the value of ${JSON.stringify(key)} to at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or to "".`,
});

describe('validateLabels', () => {
  test.each<[string, unknown, ValidationError[]]>([
    ['fails a key with a space', { 'my app': 'x' }, [keyError('my app', MSG.qualifiedNamePart)]],
    [
      'fails a key with two slashes',
      { 'a/b/c': 'x' },
      [
        keyError(
          'a/b/c',
          `a qualified name ${MSG.qualifiedNamePart.replace('name part ', '')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        ),
      ],
    ],
    [
      'fails a key with an upper-case prefix',
      { 'Example.com/app': 'x' },
      [keyError('Example.com/app', `prefix part ${MSG.dns1123Subdomain}`)],
    ],
    [
      'fails a key with an empty name part',
      { 'example.com/': 'x' },
      [keyError('example.com/', `name part must be non-empty; ${MSG.qualifiedNamePart}`)],
    ],
    ['fails a value with a slash', { app: 'a/b' }, [valueError('app', 'a/b', MSG.labelValue)]],
    [
      'fails a 64-char value',
      { app: repeat('a', 64) },
      [valueError('app', repeat('a', 64), 'must be no more than 63 characters')],
    ],
    ['fails a value ending in -', { app: 'web-' }, [valueError('app', 'web-', MSG.labelValue)]],
    [
      'fails a map that is a list',
      ['app'],
      [
        {
          rule: 'field-type-invalid',
          severity: 'error',
          field: 'metadata.labels',
          value: ['app'],
          message: 'must be an object; the API server cannot decode an array into this field',
          fix: 'Set metadata.labels to an object, or remove it.',
        },
      ],
    ],
  ])('%s', (_, labels, expected) => {
    expect(validateLabels({ labels }, 'labels', 'metadata.labels')).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['empty label values', { app: '', 'example.com/tier': '' }],
    ['no labels', undefined],
    ['a 63-char value and name part', { [`example.com/${repeat('k', 63)}`]: repeat('v', 63) }],
    ['upper case, _ and . in keys and values', { 'App_Name.v1': 'My_Value.2' }],
  ])('passes %s', (_, labels) => {
    expect(validateLabels({ labels }, 'labels', 'metadata.labels')).toEqual([]);
  });

  test('property: keys with a character outside [-A-Za-z0-9_./] are always rejected', () => {
    const bad = fc
      .tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom('!', ' ', '@', ':', '=', 'é', '*'))
      .map(([s, c]) => `${s}${c}${s}`);
    fc.assert(
      fc.property(bad, key =>
        validateLabels({ labels: { [key]: 'v' } }, 'labels', 'metadata.labels').some(
          e => e.rule === 'label-key-invalid',
        ),
      ),
      { numRuns: 200 },
    );
  });

  test('property: well-formed keys and values are always accepted', () => {
    const part = fc.stringMatching(/^([A-Za-z0-9][-A-Za-z0-9_.]{0,20})?[A-Za-z0-9]$/);
    const prefix = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?(\.[a-z0-9]{1,5}){0,3}$/);
    const key = fc.tuple(fc.option(prefix), part).map(([p, n]) => (p ? `${p}/${n}` : n));
    fc.assert(
      fc.property(
        fc.dictionary(
          key,
          fc.option(part).map(v => v ?? ''),
        ),
        labels => validateLabels({ labels }, 'labels', 'metadata.labels').length === 0,
      ),
      { numRuns: 200 },
    );
  });
});
