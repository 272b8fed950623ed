import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod } from './fixtures';

const tolerate = (...tolerations: Record<string, unknown>[]) => pod({ tolerations });
const T = 'spec.tolerations[0]';

describe('tolerations (upstream ValidateTolerations)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a key that is not a label key',
      tolerate({ key: 'node role', operator: 'Exists' }),
      [
        err(
          'toleration-key-invalid',
          `${T}.key`,
          'node role',
          MSG.qualifiedNamePart,
          `Set ${T}.key to the taint's key: a label key such as node-role.kubernetes.io/control-plane.`,
        ),
      ],
    ],
    [
      'fails an empty key with the Equal operator',
      tolerate({ operator: 'Equal', value: 'x' }),
      [
        err(
          'toleration-operator-exists-required',
          `${T}.operator`,
          'Equal',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
          `Set ${T}.key, or set ${T}.operator to Exists to tolerate every taint.`,
        ),
      ],
    ],
    [
      'fails tolerationSeconds without NoExecute',
      tolerate({ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }),
      [
        err(
          'toleration-seconds-effect-mismatch',
          `${T}.effect`,
          'NoSchedule',
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
          `Set ${T}.effect to NoExecute, or remove ${T}.tolerationSeconds.`,
        ),
      ],
    ],
    [
      'fails a value with Exists, reported at the operator with the whole toleration',
      tolerate({ key: 'k', operator: 'Exists', value: 'v' }),
      [
        err(
          'toleration-value-forbidden',
          `${T}.operator`,
          { key: 'k', operator: 'Exists', value: 'v' },
          "value must be empty when `operator` is 'Exists'",
          `Remove ${T}.value, or set ${T}.operator to Equal.`,
        ),
      ],
    ],
    [
      'fails a value that is not a label value, reported at the operator',
      tolerate({ key: 'k', value: 'a b' }),
      [
        err(
          'toleration-value-invalid',
          `${T}.operator`,
          'a b',
          MSG.labelValue,
          `Set ${T}.value to the taint's value: at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
        ),
      ],
    ],
    [
      'fails a lower-case operator and effect',
      tolerate({ key: 'k', operator: 'exists', effect: 'noschedule' }),
      [
        err(
          'toleration-operator-unsupported',
          `${T}.operator`,
          'exists',
          'Unsupported value: supported values: "Equal", "Exists"',
          `Set ${T}.operator to Equal or Exists.`,
        ),
        err(
          'toleration-effect-unsupported',
          `${T}.effect`,
          'noschedule',
          'Unsupported value: supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
          `Set ${T}.effect to NoSchedule, PreferNoSchedule or NoExecute, or remove it to match every effect.`,
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['tolerate everything', tolerate({ operator: 'Exists' })],
    [
      'a key with Exists and no effect',
      tolerate({ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }),
    ],
    [
      'a key and value without operator (Equal)',
      tolerate({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }),
    ],
    ['an empty value with Equal', tolerate({ key: 'dedicated', operator: 'Equal' })],
    [
      'tolerationSeconds with NoExecute',
      tolerate({
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
