import { nodeResourcesFit } from '../../../lib/scheduling/filters/node-resources-fit';
import { container, node, pod, state } from '../fixtures';

type Json = Record<string, unknown>;
const SMALL = {
  cpu: '2',
  memory: '4Gi',
  'ephemeral-storage': '10Gi',
  'nvidia.com/gpu': '1',
  'hugepages-2Mi': '64Mi',
  pods: '110',
};
const requesting = (requests: Record<string, string>): Json => ({ containers: [container(requests)] });

describe('NodeResourcesFit', () => {
  test.each<[string, Json, Json[], string[]]>([
    ['cpu', requesting({ cpu: '2100m' }), [], ['Insufficient cpu']],
    ['memory', requesting({ memory: '5Gi' }), [], ['Insufficient memory']],
    [
      'ephemeral-storage',
      requesting({ 'ephemeral-storage': '11Gi' }),
      [],
      ['Insufficient ephemeral-storage'],
    ],
    ['an extended resource', requesting({ 'nvidia.com/gpu': '2' }), [], ['Insufficient nvidia.com/gpu']],
    [
      'an extended resource the node lacks',
      requesting({ 'example.com/fpga': '1' }),
      [],
      ['Insufficient example.com/fpga'],
    ],
    ['hugepages', requesting({ 'hugepages-2Mi': '128Mi' }), [], ['Insufficient hugepages-2Mi']],
    [
      'every resource it lacks, in upstream order',
      requesting({ memory: '5Gi', cpu: '3', 'nvidia.com/gpu': '2' }),
      [],
      ['Insufficient cpu', 'Insufficient memory', 'Insufficient nvidia.com/gpu'],
    ],
    [
      'what Pods already placed took',
      requesting({ cpu: '1' }),
      [requesting({ cpu: '1500m' })],
      ['Insufficient cpu'],
    ],
    [
      'limits defaulted into requests',
      { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '3' } } }] },
      [],
      ['Insufficient cpu'],
    ],
    [
      'the overhead on top of the containers',
      { containers: [container({ cpu: '1900m' })], overhead: { cpu: '200m' } },
      [],
      ['Insufficient cpu'],
    ],
    [
      'an init container larger than the sum of containers',
      { containers: [container({ cpu: '500m' })], initContainers: [container({ cpu: '2500m' })] },
      [],
      ['Insufficient cpu'],
    ],
    [
      'sidecars added to the containers',
      {
        containers: [container({ cpu: '1' })],
        initContainers: [container({ cpu: '1100m' }, { restartPolicy: 'Always' })],
      },
      [],
      ['Insufficient cpu'],
    ],
    [
      'an init container on top of the sidecars started before it',
      {
        containers: [container({ cpu: '100m' })],
        initContainers: [container({ cpu: '1' }, { restartPolicy: 'Always' }), container({ cpu: '1100m' })],
      },
      [],
      ['Insufficient cpu'],
    ],
  ])('fails on %s', (_, spec, placed, reasons) => {
    const status = nodeResourcesFit(pod(spec), state(node('n1', { allocatable: SMALL }), ...placed.map(pod)));
    expect(status).toEqual({ plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons });
  });

  test('fails with "Too many pods" when the pod slots are taken, even for a Pod requesting nothing', () => {
    const full = state(
      node('n1', { allocatable: { cpu: '2', memory: '4Gi', pods: '1' } }),
      pod(requesting({})),
    );
    expect(nodeResourcesFit(pod(requesting({})), full)?.reasons).toEqual(['Too many pods']);
  });

  test('fails with "Too many pods" on a node that reports no pods', () => {
    expect(
      nodeResourcesFit(pod(requesting({})), state(node('n1', { allocatable: { cpu: '2' } })))?.reasons,
    ).toEqual(['Too many pods']);
  });

  test.each<[string, Json, Json[]]>([
    ['exactly the allocatable', requesting({ cpu: '2', memory: '4Gi' }), []],
    ['what is left', requesting({ cpu: '500m' }), [requesting({ cpu: '1500m' })]],
    ['no requests', requesting({}), [requesting({ cpu: '2', memory: '4Gi' })]],
    ['a zero request of a resource the node lacks', requesting({ 'example.com/fpga': '0' }), []],
    ['resources the scheduler does not track', requesting({ storage: '1Ti', cpus: '64' }), []],
    [
      'requests winning over limits',
      {
        containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '1' }, limits: { cpu: '3' } } }],
      },
      [],
    ],
    [
      'init containers that run one after another, each within the node',
      {
        containers: [container({ cpu: '500m' })],
        initContainers: [container({ cpu: '2' }), container({ cpu: '2' })],
      },
      [],
    ],
  ])('passes %s', (_, spec, placed) => {
    expect(
      nodeResourcesFit(pod(spec), state(node('n1', { allocatable: SMALL }), ...placed.map(pod))),
    ).toBeUndefined();
  });
});
