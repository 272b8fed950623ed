import { formatPlacement } from '../../lib/cli/format-placement';
import type { Placement } from '../../lib/scheduling/placement';

/** A placement written out by hand: a GPU Pod, a Pod without requests, one Pending, and an empty node. */
const PLACEMENT: Placement = {
  pods: [
    {
      index: 0,
      kind: 'Pod',
      namespace: 'ml',
      name: 'train',
      replica: 0,
      pod: 'train',
      node: 'gpu-1',
      requests: { cpu: '1', memory: '8Gi', 'nvidia.com/gpu': '1' },
    },
    {
      index: 1,
      kind: 'DaemonSet',
      namespace: 'kube-system',
      name: 'agent',
      replica: 0,
      pod: 'agent-0',
      node: 'gpu-1',
      requests: {},
    },
    {
      index: 2,
      kind: 'Job',
      namespace: 'ml',
      name: 'eval',
      replica: 0,
      pod: 'eval-0',
      node: null,
      requests: { 'nvidia.com/gpu': '2' },
      reason: '0/2 nodes are available: 2 Insufficient nvidia.com/gpu.',
    },
  ],
  nodes: [
    {
      node: 'gpu-1',
      allocatable: { cpu: '8', memory: '32Gi', 'nvidia.com/gpu': '1', pods: '110' },
      requested: { cpu: '1', memory: '8Gi', 'nvidia.com/gpu': '1', pods: '2' },
      free: { cpu: '7', memory: '24Gi', 'nvidia.com/gpu': '0', pods: '108' },
      pods: ['train', 'agent-0'],
    },
    {
      node: 'small',
      allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
      requested: { pods: '0' },
      free: { cpu: '2', memory: '4Gi', pods: '110' },
      pods: [],
    },
  ],
};

describe('formatPlacement', () => {
  test('one row per Pod by node, Pending last with its reason, a column per requested resource, then the nodes', () => {
    expect(formatPlacement(PLACEMENT)).toEqual([
      'Placement on 2 nodes: 2 Pods placed, 1 Pending',
      '  NODE     POD                  KIND       CPU  MEMORY  NVIDIA.COM/GPU',
      '  gpu-1    ml/train             Pod        1    8Gi     1',
      '  gpu-1    kube-system/agent-0  DaemonSet  -    -       -',
      '  Pending  ml/eval-0            Job        -    -       2',
      '           0/2 nodes are available: 2 Insufficient nvidia.com/gpu.',
      '',
      '  NODE   PODS      CPU     MEMORY       NVIDIA.COM/GPU',
      '  gpu-1  2 of 110  1 of 8  8Gi of 32Gi  1 of 1',
      '  small  0 of 110  0 of 2  0 of 4Gi     0 of -',
    ]);
  });

  test('styles the title and the lines of a Pending Pod', () => {
    const lines = formatPlacement(PLACEMENT, (style, line) => `<${style}>${line}`);

    expect(lines.filter(line => line.startsWith('<'))).toEqual([
      '<title>Placement on 2 nodes: 2 Pods placed, 1 Pending',
      '<pending>  Pending  ml/eval-0            Job        -    -       2',
      '<pending>           0/2 nodes are available: 2 Insufficient nvidia.com/gpu.',
    ]);
  });

  test('lists the nodes alone when there is no Pod to place', () => {
    expect(formatPlacement({ pods: [], nodes: [PLACEMENT.nodes[1]] })).toEqual([
      'Placement on 1 node: 0 Pods placed, 0 Pending',
      '  NODE   PODS      CPU     MEMORY',
      '  small  0 of 110  0 of 2  0 of 4Gi',
    ]);
  });
});
