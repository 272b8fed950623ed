import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod } from './fixtures';

const QUALIFIED =
  "an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric";

describe('readiness and scheduling gates (upstream validateReadinessGates, validateSchedulingGates)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a readiness gate condition type with a space',
      pod({ readinessGates: [{ conditionType: 'example.com/feature ready' }] }),
      [
        err(
          'pod-readiness-gate-invalid',
          'spec.readinessGates[0].conditionType',
          'example.com/feature ready',
          MSG.qualifiedNamePart,
          `Set spec.readinessGates[0].conditionType to ${QUALIFIED}.`,
        ),
      ],
    ],
    [
      'fails a scheduling gate name at the entry, and a repeated gate',
      pod({
        schedulingGates: [{ name: 'example.com/quota' }, { name: '-x' }, { name: 'example.com/quota' }],
      }),
      [
        err(
          'pod-scheduling-gate-invalid',
          'spec.schedulingGates[1]',
          '-x',
          MSG.qualifiedNamePart,
          `Name the gate with ${QUALIFIED}.`,
        ),
        err(
          'pod-scheduling-gate-duplicate',
          'spec.schedulingGates[2]',
          'example.com/quota',
          'Duplicate value: "example.com/quota"',
          'Remove the repeated scheduling gate "example.com/quota".',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test('passes qualified gate names', () => {
    expect(
      validatePod(
        pod({
          readinessGates: [{ conditionType: 'www.example.com/feature-1' }],
          schedulingGates: [{ name: 'quota' }, { name: 'example.com/quota' }],
        }),
      ),
    ).toEqual([]);
  });
});
