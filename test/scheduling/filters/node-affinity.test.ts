import { nodeAffinity, preFilterNodeNames } from '../../../lib/scheduling/filters/node-affinity';
import { node, pod, state } from '../fixtures';

const REASON = "node(s) didn't match Pod's node affinity/selector";
const LABELS = { disk: 'ssd', zone: 'a', cores: '8', role: 'db' };

type Json = Record<string, unknown>;
const required = (...terms: Json[]): Json => ({
  affinity: {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
  },
});
const expr = (key: string, operator: string, values?: string[]): Json => ({
  key,
  operator,
  ...(values ? { values } : {}),
});

describe('NodeAffinity', () => {
  test.each<[string, Json]>([
    ['a nodeSelector label the node lacks', { nodeSelector: { hostname: 'worker-node2' } }],
    ['a nodeSelector value that differs', { nodeSelector: { disk: 'hdd' } }],
    ['one nodeSelector pair of two', { nodeSelector: { disk: 'ssd', zone: 'b' } }],
    ['In without the value', required({ matchExpressions: [expr('disk', 'In', ['hdd', 'nvme'])] })],
    ['NotIn with the value', required({ matchExpressions: [expr('disk', 'NotIn', ['ssd'])] })],
    ['Exists on a missing label', required({ matchExpressions: [expr('gpu', 'Exists')] })],
    ['DoesNotExist on a present label', required({ matchExpressions: [expr('disk', 'DoesNotExist')] })],
    ['Gt not greater', required({ matchExpressions: [expr('cores', 'Gt', ['8'])] })],
    ['Lt not less', required({ matchExpressions: [expr('cores', 'Lt', ['8'])] })],
    ['Gt on a non-integer label', required({ matchExpressions: [expr('role', 'Gt', ['1'])] })],
    ['Gt on a missing label', required({ matchExpressions: [expr('memory-gb', 'Gt', ['1'])] })],
    [
      'expressions ANDed, one failing',
      required({ matchExpressions: [expr('disk', 'In', ['ssd']), expr('zone', 'In', ['b'])] }),
    ],
    [
      'every term failing',
      required(
        { matchExpressions: [expr('zone', 'In', ['b'])] },
        { matchExpressions: [expr('zone', 'In', ['c'])] },
      ),
    ],
    ['matchFields naming another node', required({ matchFields: [expr('metadata.name', 'In', ['n2'])] })],
    ['matchFields NotIn this node', required({ matchFields: [expr('metadata.name', 'NotIn', ['n1'])] })],
    [
      'a term with an invalid requirement (In without values)',
      required({ matchExpressions: [expr('disk', 'In', [])] }),
    ],
    ['a term with an unknown operator', required({ matchExpressions: [expr('disk', 'Matches', ['ssd'])] })],
    ['a term with Exists and values', required({ matchExpressions: [expr('disk', 'Exists', ['ssd'])] })],
    [
      'a term with Gt and a non-integer value',
      required({ matchExpressions: [expr('cores', 'Gt', ['eight'])] }),
    ],
    ['a term with an invalid key', required({ matchExpressions: [expr('-disk', 'Exists')] })],
    ['only empty terms, which match nothing', required({})],
    ['no terms at all', required()],
    [
      'a matching affinity with a failing nodeSelector',
      { nodeSelector: { zone: 'b' }, ...required({ matchExpressions: [expr('disk', 'Exists')] }) },
    ],
  ])('fails %s', (_, spec) => {
    expect(nodeAffinity(pod(spec), state(node('n1', { labels: LABELS })))).toEqual({
      plugin: 'NodeAffinity',
      code: 'UnschedulableAndUnresolvable',
      reasons: [REASON],
    });
  });

  test.each<[string, Json]>([
    ['no selector or affinity', {}],
    ['an empty nodeSelector', { nodeSelector: {} }],
    ['a matching nodeSelector', { nodeSelector: { disk: 'ssd', zone: 'a' } }],
    ['In with the value', required({ matchExpressions: [expr('disk', 'In', ['hdd', 'ssd'])] })],
    ['NotIn on a missing label', required({ matchExpressions: [expr('gpu', 'NotIn', ['a100'])] })],
    ['Exists', required({ matchExpressions: [expr('disk', 'Exists')] })],
    ['DoesNotExist', required({ matchExpressions: [expr('gpu', 'DoesNotExist')] })],
    ['Gt', required({ matchExpressions: [expr('cores', 'Gt', ['4'])] })],
    ['Lt', required({ matchExpressions: [expr('cores', 'Lt', ['16'])] })],
    [
      'one term of two (ORed)',
      required(
        { matchExpressions: [expr('zone', 'In', ['b'])] },
        { matchExpressions: [expr('zone', 'In', ['a'])] },
      ),
    ],
    [
      'an invalid term next to a matching one',
      required(
        { matchExpressions: [expr('disk', 'In', [])] },
        { matchExpressions: [expr('disk', 'Exists')] },
      ),
    ],
    ['matchFields naming this node', required({ matchFields: [expr('metadata.name', 'In', ['n1'])] })],
    [
      'matchFields and expressions of one term',
      required({
        matchFields: [expr('metadata.name', 'In', ['n1'])],
        matchExpressions: [expr('disk', 'In', ['ssd'])],
      }),
    ],
    ['an empty term next to a matching one', required({}, { matchExpressions: [expr('disk', 'Exists')] })],
    [
      'only preferred affinity',
      {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: { matchExpressions: [expr('zone', 'In', ['b'])] } },
            ],
          },
        },
      },
    ],
  ])('passes %s', (_, spec) => {
    expect(nodeAffinity(pod(spec), state(node('n1', { labels: LABELS })))).toBeUndefined();
  });
});

describe('the NodeAffinity PreFilter', () => {
  test.each<[string, Json, string[] | undefined]>([
    ['no affinity: every node', {}, undefined],
    [
      'a term without matchFields: every node',
      required({ matchExpressions: [expr('disk', 'Exists')] }),
      undefined,
    ],
    ['one name', required({ matchFields: [expr('metadata.name', 'In', ['n1'])] }), ['n1']],
    [
      'names of every term, united',
      required(
        { matchFields: [expr('metadata.name', 'In', ['n1'])] },
        { matchFields: [expr('metadata.name', 'In', ['n2'])] },
      ),
      ['n1', 'n2'],
    ],
    [
      'a term with no name restriction lets every node through',
      required(
        { matchFields: [expr('metadata.name', 'In', ['n1'])] },
        { matchExpressions: [expr('disk', 'Exists')] },
      ),
      undefined,
    ],
    [
      'disjoint names within one term: a conflict',
      required({ matchFields: [expr('metadata.name', 'In', ['n1']), expr('metadata.name', 'In', ['n2'])] }),
      [],
    ],
  ])('%s', (_, spec, names) => {
    const result = preFilterNodeNames(pod(spec));
    expect(result === undefined ? undefined : [...result].sort()).toEqual(names);
  });
});
