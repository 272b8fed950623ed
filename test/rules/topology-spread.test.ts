import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod } from './fixtures';

const T = 'spec.topologySpreadConstraints';
const spread = (...topologySpreadConstraints: Record<string, unknown>[]) =>
  pod({ topologySpreadConstraints });
const ok = { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' };

describe('topology spread constraints (upstream validateTopologySpreadConstraints)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails an empty constraint: maxSkew, topologyKey and whenUnsatisfiable',
      spread({}),
      [
        err(
          'topology-spread-max-skew-invalid',
          `${T}[0].maxSkew`,
          0,
          'must be greater than zero',
          `Set ${T}[0].maxSkew to 1 or more.`,
        ),
        err(
          'topology-spread-topology-key-required',
          `${T}[0].topologyKey`,
          undefined,
          'Required value: can not be empty',
          `Set ${T}[0].topologyKey to a node label such as topology.kubernetes.io/zone.`,
        ),
        err(
          'topology-spread-when-unsatisfiable-unsupported',
          `${T}[0].whenUnsatisfiable`,
          '',
          'Unsupported value: supported values: "DoNotSchedule", "ScheduleAnyway"',
          `Set ${T}[0].whenUnsatisfiable to DoNotSchedule or ScheduleAnyway.`,
        ),
      ],
    ],
    [
      'fails minDomains 0 with ScheduleAnyway',
      spread({ ...ok, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 0 }),
      [
        err(
          'topology-spread-min-domains-invalid',
          `${T}[0].minDomains`,
          0,
          'must be greater than zero',
          `Set ${T}[0].minDomains to 1 or more.`,
        ),
        err(
          'topology-spread-min-domains-forbidden',
          `${T}[0].minDomains`,
          0,
          'can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
          `Remove ${T}[0].minDomains, or set ${T}[0].whenUnsatisfiable to DoNotSchedule.`,
        ),
      ],
    ],
    [
      'fails unknown node inclusion policies',
      spread({ ...ok, nodeAffinityPolicy: 'honor', nodeTaintsPolicy: 'Always' }),
      [
        err(
          'topology-spread-node-policy-unsupported',
          `${T}[0].nodeAffinityPolicy`,
          'honor',
          'Unsupported value: supported values: "Honor", "Ignore"',
          `Set ${T}[0].nodeAffinityPolicy to Honor or Ignore, or remove it.`,
        ),
        err(
          'topology-spread-node-policy-unsupported',
          `${T}[0].nodeTaintsPolicy`,
          'Always',
          'Unsupported value: supported values: "Honor", "Ignore"',
          `Set ${T}[0].nodeTaintsPolicy to Honor or Ignore, or remove it.`,
        ),
      ],
    ],
    [
      'fails matchLabelKeys without a labelSelector',
      spread({ ...ok, matchLabelKeys: ['pod-template-hash'] }),
      [
        err(
          'topology-spread-match-label-keys-forbidden',
          `${T}[0].matchLabelKeys`,
          ['pod-template-hash'],
          'Forbidden: must not be specified when labelSelector is not set',
          `Add ${T}[0].labelSelector, or remove ${T}[0].matchLabelKeys.`,
        ),
      ],
    ],
    [
      'fails a matchLabelKey already in the selector, and one that is no label key',
      spread({ ...ok, labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['app', 'a b'] }),
      [
        err(
          'topology-spread-match-label-key-in-selector',
          `${T}[0].matchLabelKeys[0]`,
          'app',
          'exists in both matchLabelKeys and labelSelector',
          `Remove "app" from ${T}[0].matchLabelKeys or from ${T}[0].labelSelector.`,
        ),
        err(
          'label-key-invalid',
          `${T}[0].matchLabelKeys[1]`,
          'a b',
          MSG.qualifiedNamePart,
          `Use a label key in ${T}[0].matchLabelKeys[1].`,
        ),
      ],
    ],
    [
      'fails two constraints on one {topologyKey, whenUnsatisfiable}, reported on the first',
      spread(ok, { ...ok, maxSkew: 2 }),
      [
        err(
          'topology-spread-duplicate',
          `${T}[0].{topologyKey, whenUnsatisfiable}`,
          '{topology.kubernetes.io/zone, DoNotSchedule}',
          'Duplicate value: "{topology.kubernetes.io/zone, DoNotSchedule}"',
          `Merge ${T}[0] and ${T}[1]: one constraint per topologyKey and whenUnsatisfiable.`,
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['one zone constraint', spread(ok)],
    ['one key with both actions', spread(ok, { ...ok, whenUnsatisfiable: 'ScheduleAnyway' })],
    [
      'minDomains, policies and matchLabelKeys',
      spread({
        ...ok,
        minDomains: 3,
        nodeAffinityPolicy: 'Honor',
        nodeTaintsPolicy: 'Ignore',
        labelSelector: { matchLabels: { app: 'web' } },
        matchLabelKeys: ['pod-template-hash'],
      }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
