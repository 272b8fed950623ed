import { validateObjectMeta } from '../../lib/rules/metadata';
import { isDns1123Subdomain } from '../../lib/rules/names';
import type { ValidationError } from '../../lib/rules/problem';
import { MSG } from './fixtures';

const FORMAT = { check: isDns1123Subdomain, fix: 'Fix the name.' };

describe('validateObjectMeta', () => {
  test.each<[string, unknown, ValidationError[]]>([
    [
      'fails a missing name',
      {},
      [
        {
          rule: 'metadata-name-required',
          severity: 'error',
          field: 'metadata.name',
          value: undefined,
          message: 'Required value: name or generateName is required',
          fix: 'Set metadata.name.',
        },
      ],
    ],
    [
      'fails an empty name',
      { name: '' },
      [
        {
          rule: 'metadata-name-required',
          severity: 'error',
          field: 'metadata.name',
          value: '',
          message: 'Required value: name or generateName is required',
          fix: 'Set metadata.name.',
        },
      ],
    ],
    [
      'fails a name the format rejects',
      { name: 'Web' },
      [
        {
          rule: 'metadata-name-invalid',
          severity: 'error',
          field: 'metadata.name',
          value: 'Web',
          message: MSG.dns1123Subdomain,
          fix: 'Fix the name.',
        },
      ],
    ],
    [
      'fails a namespace with dots',
      { name: 'web', namespace: 'team.a' },
      [
        {
          rule: 'metadata-namespace-invalid',
          severity: 'error',
          field: 'metadata.namespace',
          value: 'team.a',
          message: 'must not contain dots',
          fix: 'Use a namespace of at most 63 lower-case alphanumerics or "-" that starts and ends alphanumeric.',
        },
      ],
    ],
    [
      'fails a numeric name with a type error only',
      { name: 42 },
      [
        {
          rule: 'field-type-invalid',
          severity: 'error',
          field: 'metadata.name',
          value: 42,
          message: 'must be a string; the API server cannot decode a number into this field',
          fix: 'Set metadata.name to a string, or remove it.',
        },
      ],
    ],
  ])('%s', (_, metadata, expected) => {
    expect(validateObjectMeta({ metadata }, FORMAT)).toEqual(expected);
  });

  test('fails metadata that is not an object', () => {
    expect(validateObjectMeta({ metadata: 'web' }, FORMAT).map(e => [e.rule, e.field])).toEqual([
      ['field-type-invalid', 'metadata'],
      ['metadata-name-required', 'metadata.name'],
    ]);
  });

  test('fails invalid labels', () => {
    expect(
      validateObjectMeta({ metadata: { name: 'web', labels: { 'a b': '' } } }, FORMAT).map(e => e.rule),
    ).toEqual(['label-key-invalid']);
  });

  test.each<[string, unknown]>([
    ['a valid name and namespace', { name: 'web.example', namespace: 'team-a' }],
    ['generateName instead of a name', { generateName: 'web-' }],
    ['an empty namespace', { name: 'web', namespace: '' }],
  ])('passes %s', (_, metadata) => {
    expect(validateObjectMeta({ metadata }, FORMAT)).toEqual([]);
  });
});
