import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod } from './fixtures';

const PA = 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution';
const PAA = 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution';
const affinity = (term: Record<string, unknown>) =>
  pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } });
const anti = (weighted: Record<string, unknown>) =>
  pod({ affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [weighted] } } });
const TOPOLOGY_FIX = (field: string) =>
  `Set ${field} to a node label such as kubernetes.io/hostname or topology.kubernetes.io/zone.`;

describe('pod (anti-)affinity (upstream validatePodAffinityTerm)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a term without topologyKey, both as required and as an invalid key',
      affinity({ labelSelector: { matchLabels: { app: 'db' } } }),
      [
        err(
          'pod-affinity-topology-key-required',
          `${PA}[0].topologyKey`,
          undefined,
          'Required value: can not be empty',
          TOPOLOGY_FIX(`${PA}[0].topologyKey`),
        ),
        err(
          'label-key-invalid',
          `${PA}[0].topologyKey`,
          '',
          `name part must be non-empty; ${MSG.qualifiedNamePart}`,
          TOPOLOGY_FIX(`${PA}[0].topologyKey`),
        ),
      ],
    ],
    [
      'fails a bad namespace, reported at `namespace` as upstream does',
      affinity({ topologyKey: 'kubernetes.io/hostname', namespaces: ['Team_A'] }),
      [
        err(
          'pod-affinity-namespace-invalid',
          `${PA}[0].namespace`,
          'Team_A',
          MSG.dns1123Label,
          `List namespace names in ${PA}[0].namespaces: lower-case DNS labels.`,
        ),
      ],
    ],
    [
      'fails a selector value that is not a label value',
      affinity({
        topologyKey: 'kubernetes.io/hostname',
        labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a b'] }] },
      }),
      [
        err(
          'label-value-invalid',
          `${PA}[0].labelSelector.matchExpressions[0].values[0]`,
          'a b',
          MSG.labelValue,
          "Use at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or \"\".",
        ),
      ],
    ],
    [
      'fails a preferred anti-affinity term weighing 0 with a namespaceSelector without values',
      anti({
        podAffinityTerm: {
          topologyKey: 'topology.kubernetes.io/zone',
          namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'NotIn' }] },
        },
      }),
      [
        err(
          'affinity-weight-invalid',
          `${PAA}[0].weight`,
          0,
          'must be in the range 1-100',
          `Set ${PAA}[0].weight to a number from 1 to 100.`,
        ),
        err(
          'label-selector-values-required',
          `${PAA}[0].podAffinityTerm.namespaceSelector.matchExpressions[0].values`,
          undefined,
          "Required value: must be specified when `operator` is 'In' or 'NotIn'",
          `Add at least one value to ${PAA}[0].podAffinityTerm.namespaceSelector.matchExpressions[0].values, or use the Exists operator.`,
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    [
      'a term with a hostname topology and a selector',
      affinity({ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }),
    ],
    [
      'a term with namespaces and an empty namespaceSelector',
      affinity({ topologyKey: 'kubernetes.io/hostname', namespaces: ['team-a'], namespaceSelector: {} }),
    ],
    [
      'a weighted anti-affinity term',
      anti({ weight: 100, podAffinityTerm: { topologyKey: 'topology.kubernetes.io/zone' } }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
