import type { ValidationError } from '../../lib/rules/problem';
import { type IntOrPercent, intOrPercent, nonNegative } from '../../lib/rules/workload-fields';
import { err, typeError } from './fixtures';
import { negativeFix, PERCENT_MSG } from './workload-fixtures';

// Expected problems follow pkg/apis/core/validation ValidateNonnegativeField and
// pkg/apis/apps/validation ValidatePositiveIntOrPercent, IsNotMoreThan100Percent and
// getIntOrPercentValue (which reads a malformed string as intstr's IntValue: Atoi, else 0).

const F = 'spec.strategy.rollingUpdate.maxSurge';

describe('nonNegative', () => {
  const run = (value: unknown) => {
    const out: ValidationError[] = [];
    return { read: nonNegative({ replicas: value }, 'replicas', 'spec', out), out };
  };

  test.each<[string, unknown, number | undefined, ValidationError[]]>([
    [
      'fails -1, returning it',
      -1,
      -1,
      [
        err(
          'field-negative',
          'spec.replicas',
          -1,
          'must be greater than or equal to 0',
          negativeFix('spec.replicas'),
        ),
      ],
    ],
    ['fails a fraction', 1.5, undefined, [typeError('spec.replicas', 1.5, 'an integer', 'a number')]],
    ['fails a numeric string', '3', undefined, [typeError('spec.replicas', '3', 'an integer', 'a string')]],
  ])('%s', (_, value, expected, problems) => {
    expect(run(value)).toEqual({ read: expected, out: problems });
  });

  test.each<[unknown, number | undefined]>([
    [undefined, undefined],
    [null, undefined],
    [0, 0],
    [2147483647, 2147483647],
  ])('passes %j', (value, expected) => {
    expect(run(value)).toEqual({ read: expected, out: [] });
  });
});

describe('intOrPercent', () => {
  const FALLBACK: IntOrPercent = { value: 25, percent: true };
  const run = (value: unknown, atMost100 = true) => {
    const out: ValidationError[] = [];
    const read = intOrPercent(
      { maxSurge: value },
      'maxSurge',
      'spec.strategy.rollingUpdate',
      FALLBACK,
      atMost100,
      out,
    );
    return { read, out };
  };
  const invalid = (value: string) =>
    err(
      'int-or-percent-invalid',
      F,
      value,
      PERCENT_MSG,
      `Set ${F} to a count such as 1 or a percentage such as "25%".`,
    );

  test.each<[string, unknown, IntOrPercent, ValidationError[]]>([
    ['fails a word, read as 0', 'five', { value: 0, percent: false }, [invalid('five')]],
    [
      'fails a number in a string, read as that number (IntValue)',
      '5',
      { value: 5, percent: false },
      [invalid('5')],
    ],
    [
      'fails a signed number in a string, read as that number',
      '+5',
      { value: 5, percent: false },
      [invalid('+5')],
    ],
    ['fails a fractional percent, read as 0', '5.5%', { value: 0, percent: false }, [invalid('5.5%')]],
    ['fails a negative percent, read as 0', '-5%', { value: 0, percent: false }, [invalid('-5%')]],
    ['fails a percent with a space', '5 %', { value: 0, percent: false }, [invalid('5 %')]],
    [
      'fails 101% where capped',
      '101%',
      { value: 101, percent: true },
      [
        err(
          'int-or-percent-over-100',
          F,
          '101%',
          'must not be greater than 100%',
          `Set ${F} to at most "100%".`,
        ),
      ],
    ],
    [
      'fails a negative count',
      -1,
      { value: -1, percent: false },
      [err('field-negative', F, -1, 'must be greater than or equal to 0', `Set ${F} to 0 or more.`)],
    ],
    [
      'fails a fraction',
      1.5,
      { value: 0, percent: false },
      [typeError(F, 1.5, 'an integer or a percentage string', 'a number')],
    ],
    [
      'fails a boolean',
      true,
      { value: 0, percent: false },
      [typeError(F, true, 'an integer or a percentage string', 'a boolean')],
    ],
  ])('%s', (_, value, expected, problems) => {
    expect(run(value)).toEqual({ read: expected, out: problems });
  });

  test.each<[string, unknown, IntOrPercent]>([
    ['absent, as the default', undefined, FALLBACK],
    ['null, as the default', null, FALLBACK],
    ['a count', 3, { value: 3, percent: false }],
    ['zero', 0, { value: 0, percent: false }],
    ['a percentage', '30%', { value: 30, percent: true }],
    ['0%', '0%', { value: 0, percent: true }],
    ['100%', '100%', { value: 100, percent: true }],
    ['leading zeros', '007%', { value: 7, percent: true }],
  ])('passes %s', (_, value, expected) => {
    expect(run(value)).toEqual({ read: expected, out: [] });
  });

  test('passes 250% where not capped (a Deployment maxSurge)', () => {
    expect(run('250%', false)).toEqual({ read: { value: 250, percent: true }, out: [] });
  });
});
