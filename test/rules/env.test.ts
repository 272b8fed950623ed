import fc from 'fast-check';
import { validateEnv } from '../../lib/rules/env';
import type { ValidationError } from '../../lib/rules/problem';
import { MSG } from './fixtures';

const PATH = 'spec.containers[0]';
const INVALID_FIX =
  "Rename the variable to letters, digits, '_', '-' or '.', not starting with a digit or '..'.";

describe('validateEnv', () => {
  test.each<[string, unknown[], ValidationError[]]>([
    [
      'fails a name starting with a digit',
      [{ name: '1FOO', value: 'x' }],
      [
        {
          rule: 'env-var-name-invalid',
          severity: 'error',
          field: 'spec.containers[0].env[0].name',
          value: '1FOO',
          message: MSG.envVarName,
          fix: INVALID_FIX,
        },
      ],
    ],
    [
      'fails the name ..',
      [{ name: '..' }],
      [
        {
          rule: 'env-var-name-invalid',
          severity: 'error',
          field: 'spec.containers[0].env[0].name',
          value: '..',
          message: "must not be '..'",
          fix: INVALID_FIX,
        },
      ],
    ],
    [
      'fails a name starting with .. and holding a space',
      [{ name: '..a b' }],
      [
        {
          rule: 'env-var-name-invalid',
          severity: 'error',
          field: 'spec.containers[0].env[0].name',
          value: '..a b',
          message: `${MSG.envVarName}; must not start with '..'`,
          fix: INVALID_FIX,
        },
      ],
    ],
    [
      'fails an empty name',
      [{ name: '', value: 'x' }],
      [
        {
          rule: 'env-var-name-required',
          severity: 'error',
          field: 'spec.containers[0].env[0].name',
          value: '',
          message: 'Required value',
          fix: "Set spec.containers[0].env[0].name to the variable's name.",
        },
      ],
    ],
    [
      'fails a missing name',
      [{ value: 'x' }],
      [
        {
          rule: 'env-var-name-required',
          severity: 'error',
          field: 'spec.containers[0].env[0].name',
          value: undefined,
          message: 'Required value',
          fix: "Set spec.containers[0].env[0].name to the variable's name.",
        },
      ],
    ],
    [
      'fails a duplicate name',
      [{ name: 'A', value: '1' }, { name: 'B' }, { name: 'A', value: '2' }],
      [
        {
          rule: 'env-var-name-duplicate',
          severity: 'error',
          field: 'spec.containers[0].env[2].name',
          value: 'A',
          message:
            'Duplicate value: environment variable "A" is already defined at spec.containers[0].env[0]; env is a list keyed by name, so server-side apply rejects duplicate keys and other clients keep only one of the values',
          fix: 'Remove one of the two "A" entries.',
        },
      ],
    ],
  ])('%s', (_, env, expected) => {
    expect(validateEnv({ env }, PATH)).toEqual(expected);
  });

  test.each<[string, unknown[]]>([
    ['my.env-name and _FOO', [{ name: 'my.env-name' }, { name: '_FOO', value: '1' }]],
    ['names that differ only in case', [{ name: 'foo' }, { name: 'FOO' }]],
    ['a name starting with a single dot', [{ name: '.config' }]],
  ])('passes %s', (_, env) => {
    expect(validateEnv({ env }, PATH)).toEqual([]);
  });

  test('property: names with a leading digit are always rejected', () => {
    const name = fc.stringMatching(/^[0-9][A-Z_]{0,10}$/);
    fc.assert(
      fc.property(name, n => validateEnv({ env: [{ name: n }] }, PATH).length === 1),
      { numRuns: 200 },
    );
  });
});
