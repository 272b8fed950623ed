import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod } from './fixtures';

const NA = 'spec.affinity.nodeAffinity';
const REQ = `${NA}.requiredDuringSchedulingIgnoredDuringExecution`;
const PREF = `${NA}.preferredDuringSchedulingIgnoredDuringExecution`;
const required = (...nodeSelectorTerms: unknown[]) =>
  pod({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
  });
const expr = (matchExpressions: unknown[]) => ({ matchExpressions });
const KEY_FIX = (field: string) =>
  `Set ${field} to a label key: an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`;

describe('node affinity (upstream validateNodeAffinity, ValidateNodeSelector*)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a required selector without terms',
      required(),
      [
        err(
          'node-affinity-terms-required',
          `${REQ}.nodeSelectorTerms`,
          [],
          'Required value: must have at least one node selector term',
          `Add a term to ${REQ}.nodeSelectorTerms, or remove ${REQ}.`,
        ),
      ],
    ],
    [
      'fails In without values and Exists with values',
      required(
        expr([
          { key: 'disk', operator: 'In' },
          { key: 'gpu', operator: 'Exists', values: ['true'] },
        ]),
      ),
      [
        err(
          'node-selector-values-required',
          `${REQ}.nodeSelectorTerms[0].matchExpressions[0].values`,
          undefined,
          "Required value: must be specified when `operator` is 'In' or 'NotIn'",
          `Add at least one value to ${REQ}.nodeSelectorTerms[0].matchExpressions[0].values, or use the Exists operator.`,
        ),
        err(
          'node-selector-values-forbidden',
          `${REQ}.nodeSelectorTerms[0].matchExpressions[1].values`,
          ['true'],
          "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          `Remove ${REQ}.nodeSelectorTerms[0].matchExpressions[1].values, or use the In or NotIn operator.`,
        ),
      ],
    ],
    [
      'fails Gt with two values, an unknown operator and a bad key',
      required(
        expr([
          { key: 'cpu', operator: 'Gt', values: ['2', '4'] },
          { key: 'a b', operator: 'Equals', values: ['x'] },
        ]),
      ),
      [
        err(
          'node-selector-values-single-required',
          `${REQ}.nodeSelectorTerms[0].matchExpressions[0].values`,
          ['2', '4'],
          "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
          `Give ${REQ}.nodeSelectorTerms[0].matchExpressions[0].values exactly one value, an integer to compare the node label with.`,
        ),
        err(
          'node-selector-operator-invalid',
          `${REQ}.nodeSelectorTerms[0].matchExpressions[1].operator`,
          'Equals',
          'not a valid selector operator',
          `Set ${REQ}.nodeSelectorTerms[0].matchExpressions[1].operator to In, NotIn, Exists, DoesNotExist, Gt or Lt.`,
        ),
        err(
          'label-key-invalid',
          `${REQ}.nodeSelectorTerms[0].matchExpressions[1].key`,
          'a b',
          MSG.qualifiedNamePart,
          KEY_FIX(`${REQ}.nodeSelectorTerms[0].matchExpressions[1].key`),
        ),
      ],
    ],
    [
      'fails match fields on another field, with two names, or with Exists',
      required({
        matchFields: [
          { key: 'metadata.namespace', operator: 'In', values: ['a'] },
          { key: 'metadata.name', operator: 'In', values: ['a', 'b'] },
          { key: 'metadata.name', operator: 'Exists' },
        ],
      }),
      [
        err(
          'node-field-selector-key-invalid',
          `${REQ}.nodeSelectorTerms[0].matchFields[0].key`,
          'metadata.namespace',
          'not a valid field selector key',
          `Set ${REQ}.nodeSelectorTerms[0].matchFields[0].key to metadata.name, the only node field a Pod can select on.`,
        ),
        err(
          'node-field-selector-values-single-required',
          `${REQ}.nodeSelectorTerms[0].matchFields[1].values`,
          ['a', 'b'],
          "Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
          `Give ${REQ}.nodeSelectorTerms[0].matchFields[1].values exactly one node name.`,
        ),
        err(
          'node-selector-operator-invalid',
          `${REQ}.nodeSelectorTerms[0].matchFields[2].operator`,
          'Exists',
          'not a valid selector operator',
          `Set ${REQ}.nodeSelectorTerms[0].matchFields[2].operator to In or NotIn.`,
        ),
      ],
    ],
    [
      'fails a match field naming an invalid node',
      required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['Node_1'] }] }),
      [
        err(
          'node-field-selector-value-invalid',
          `${REQ}.nodeSelectorTerms[0].matchFields[0].values[0]`,
          'Node_1',
          MSG.dns1123Subdomain,
          'Use the name of a node: a lower-case DNS subdomain.',
        ),
      ],
    ],
    [
      'fails preferred terms weighing 0 (unset) and 101',
      pod({
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { preference: expr([{ key: 'disk', operator: 'Exists' }]) },
              { weight: 101, preference: {} },
            ],
          },
        },
      }),
      [
        err(
          'affinity-weight-invalid',
          `${PREF}[0].weight`,
          0,
          'must be in the range 1-100',
          `Set ${PREF}[0].weight to a number from 1 to 100.`,
        ),
        err(
          'affinity-weight-invalid',
          `${PREF}[1].weight`,
          101,
          'must be in the range 1-100',
          `Set ${PREF}[1].weight to a number from 1 to 100.`,
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    [
      'every operator used right',
      required(
        expr([
          { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
          { key: 'disk', operator: 'NotIn', values: ['hdd'] },
          { key: 'gpu', operator: 'Exists' },
          { key: 'spot', operator: 'DoesNotExist' },
          { key: 'cpu', operator: 'Gt', values: ['2'] },
          { key: 'mem', operator: 'Lt', values: ['not-a-number'] },
        ]),
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] },
      ),
    ],
    ['an empty term (matches no node, but is valid)', required({})],
    [
      'weights 1 and 100',
      pod({
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: {} },
              { weight: 100, preference: {} },
            ],
          },
        },
      }),
    ],
    ['an empty affinity', pod({ affinity: {} })],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
