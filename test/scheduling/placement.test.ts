import { placePods } from '../../lib/scheduling/placement';
import { container, deployment, podManifest, rawNode } from './fixtures';

type Json = Record<string, unknown>;
const cpu = (amount: string, extra: Json = {}): Json => ({
  containers: [container({ cpu: amount })],
  ...extra,
});
const NODES = [
  rawNode('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
  rawNode('w1'),
  rawNode('w2'),
];
const template = (spec: Json): Json => ({ template: { metadata: { labels: { app: 'x' } }, spec } });
const where = (manifests: readonly unknown[], nodes: readonly unknown[] = NODES) =>
  placePods(manifests, nodes).pods.map(p => `${p.kind} ${p.pod} -> ${p.node}`);

describe('placePods', () => {
  test('returns plain JSON: each Pod with its node and requests, each node with what is left', () => {
    const placement = placePods(
      [podManifest('web', cpu('500m'), { namespace: 'shop' }), podManifest('huge', cpu('3'))],
      NODES,
    );
    expect(JSON.parse(JSON.stringify(placement))).toEqual(placement);
    expect(placement.pods).toEqual([
      {
        index: 0,
        kind: 'Pod',
        namespace: 'shop',
        name: 'web',
        replica: 0,
        pod: 'web',
        node: 'w1',
        requests: { cpu: '500m' },
      },
      {
        index: 1,
        kind: 'Pod',
        namespace: 'default',
        name: 'huge',
        replica: 0,
        pod: 'huge',
        node: null,
        requests: { cpu: '3' },
        reason:
          '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
      },
    ]);
    expect(placement.nodes[1]).toEqual({
      node: 'w1',
      allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
      requested: { cpu: '500m', pods: '1' },
      free: { cpu: '1500m', memory: '4Gi', pods: '109' },
      pods: ['web'],
    });
  });

  test('spreads replicas to the emptiest node, as LeastAllocated scoring does (ties: inventory order)', () => {
    expect(where([deployment('web', 3, cpu('500m'))])).toEqual([
      'Deployment web-0 -> w1',
      'Deployment web-1 -> w2',
      'Deployment web-2 -> w1',
    ]);
  });

  test('places Pods that fit on fewer nodes first, then manifest order, Pods that finish last', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'once' },
      spec: template(cpu('100m', { restartPolicy: 'Never' })),
    };
    const manifests = [
      job,
      podManifest('free', cpu('100m')),
      podManifest('pinned', cpu('100m', { nodeName: 'w2' })),
    ];
    expect(where(manifests)).toEqual(['Pod pinned -> w2', 'Pod free -> w1', 'Job once-0 -> w1']);
  });

  test.each<[string, Json, number]>([
    [
      'a Deployment without replicas: 1',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: template(cpu('1m')) },
      1,
    ],
    [
      'a StatefulSet of 3',
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 's' },
        spec: { replicas: 3, ...template(cpu('1m')) },
      },
      3,
    ],
    [
      'a ReplicaSet of 0',
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'r' },
        spec: { replicas: 0, ...template(cpu('1m')) },
      },
      0,
    ],
    [
      'a Job: parallelism',
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j' },
        spec: { parallelism: 4, ...template(cpu('1m')) },
      },
      4,
    ],
    [
      'a Job: parallelism capped by completions',
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j' },
        spec: { parallelism: 4, completions: 2, ...template(cpu('1m')) },
      },
      2,
    ],
    [
      'a Job without parallelism: 1',
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j' },
        spec: { completions: 5, ...template(cpu('1m')) },
      },
      1,
    ],
    [
      'a suspended Job: none',
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j' },
        spec: { suspend: true, parallelism: 3, ...template(cpu('1m')) },
      },
      0,
    ],
    [
      'a CronJob: one run of its Job',
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'c' },
        spec: { schedule: '@daily', jobTemplate: { spec: { parallelism: 2, ...template(cpu('1m')) } } },
      },
      2,
    ],
    [
      'a suspended CronJob: none',
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'c' },
        spec: { suspend: true, schedule: '@daily', jobTemplate: { spec: template(cpu('1m')) } },
      },
      0,
    ],
    [
      'a DaemonSet: one per node it tolerates',
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: template(cpu('1m')) },
      2,
    ],
    [
      'a DaemonSet tolerating the control plane: one per node',
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'ds' },
        spec: template(
          cpu('1m', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] }),
        ),
      },
      3,
    ],
    [
      'an extensions/v1beta1 Deployment, which 1.28 no longer serves: none',
      {
        apiVersion: 'extensions/v1beta1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: template(cpu('1m')),
      },
      0,
    ],
  ])('counts %s', (_, manifest, count) => {
    expect(placePods([manifest], NODES).pods).toHaveLength(count);
  });

  test('puts each DaemonSet Pod on its own node, numbered across nodes', () => {
    const ds = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds' },
      spec: template(cpu('1m')),
    };
    expect(where([ds])).toEqual(['DaemonSet ds-0 -> w1', 'DaemonSet ds-1 -> w2']);
  });
});
