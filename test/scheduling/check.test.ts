import type { Finding } from '../../lib/rules/problem';
import { checkScheduling } from '../../lib/scheduling/check';
import { readNodeInventory } from '../../lib/scheduling/inventory';
import { container, deployment, podManifest, rawNode } from './fixtures';

type Json = Record<string, unknown>;

const CP_TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const AFFINITY = "node(s) didn't match Pod's node affinity/selector";
const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** A control plane and two workers of 2 CPUs and 4Gi each; worker-node2 labelled hostname=worker-node2. */
const CLUSTER = [
  rawNode('control-plane', {
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
  }),
  rawNode('worker-node1'),
  rawNode('worker-node2', { labels: { hostname: 'worker-node2' } }),
];
const TWO_WORKERS = [rawNode('a'), rawNode('b')];

const finding = (
  index: number,
  severity: 'error' | 'warning',
  rule: string,
  field: string,
  value: unknown,
  message: string,
  fix: string,
): Finding => ({ index, rule, severity, field, value, message, fix });

const cpu = (amount: string): Json => ({ containers: [container({ cpu: amount })] });
const pinned = (amount: string): Json => ({ ...cpu(amount), nodeSelector: { hostname: 'worker-node2' } });

describe('checkScheduling: Pods no node takes even alone (pod-unschedulable)', () => {
  test('fails a Pod whose nodeSelector no node matches, with the scheduler summary and the nearest node', () => {
    const manifests = [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } },
      podManifest('p', { ...cpu('100m'), nodeSelector: { hostname: 'worker-node3' } }),
    ];
    expect(checkScheduling(manifests, CLUSTER)).toEqual([
      finding(
        1,
        'error',
        'pod-unschedulable',
        'spec.nodeSelector',
        { hostname: 'worker-node3' },
        `0/3 nodes are available: 1 ${CP_TAINT}, 2 ${AFFINITY}. preemption: 0/3 nodes are available: 3 ${NOT_HELPFUL}.. Nearest node: worker-node1 (missing label hostname=worker-node3).`,
        'Label a node: kubectl label nodes worker-node1 hostname=worker-node3, or change spec.nodeSelector.',
      ),
    ]);
  });

  test('fails a Pod that asks more than any node has, pointing at the container requests', () => {
    expect(checkScheduling([podManifest('big', cpu('3'))], CLUSTER)).toEqual([
      finding(
        0,
        'error',
        'pod-unschedulable',
        'spec.containers[0].resources.requests',
        { cpu: '3' },
        `0/3 nodes are available: 1 ${CP_TAINT}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 ${NOT_HELPFUL}, 2 ${NO_VICTIMS}.. Nearest node: worker-node1 (cpu: 3 requested, 2 free of 2 allocatable).`,
        "Lower the Pod's cpu request (3 in total) to at most 2, what worker-node1 has free, or add a node with more cpu.",
      ),
    ]);
  });

  test('points at the limits when the request was defaulted from them', () => {
    const spec = { containers: [{ name: 'a', image: 'x', resources: { limits: { memory: '8Gi' } } }] };
    const [problem] = checkScheduling([deployment('web', 1, spec)], TWO_WORKERS);
    expect([problem.rule, problem.field, problem.value]).toEqual([
      'pod-unschedulable',
      'spec.template.spec.containers[0].resources.limits',
      { memory: '8Gi' },
    ]);
  });

  test('fails a Pod pinned by nodeName to a tainted node, pointing at its tolerations', () => {
    expect(
      checkScheduling([podManifest('p', { ...cpu('100m'), nodeName: 'control-plane' })], CLUSTER),
    ).toEqual([
      finding(
        0,
        'error',
        'pod-unschedulable',
        'spec.tolerations',
        undefined,
        `0/3 nodes are available: 1 ${CP_TAINT}, 2 node(s) didn't match the requested node name. preemption: 0/3 nodes are available: 3 ${NOT_HELPFUL}.. Nearest node: control-plane (untolerated taint node-role.kubernetes.io/control-plane:NoSchedule).`,
        'Add a toleration for node-role.kubernetes.io/control-plane:NoSchedule to spec.tolerations, or remove the taint: kubectl taint nodes control-plane node-role.kubernetes.io/control-plane:NoSchedule-.',
      ),
    ]);
  });

  test('fails a Pod when every node is cordoned', () => {
    expect(checkScheduling([podManifest('p', cpu('100m'))], [rawNode('a', { unschedulable: true })])).toEqual(
      [
        finding(
          0,
          'error',
          'pod-unschedulable',
          'spec.tolerations',
          undefined,
          `0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 ${NOT_HELPFUL}.. Nearest node: a (cordoned (spec.unschedulable)).`,
          'Uncordon the node: kubectl uncordon a, or tolerate node.kubernetes.io/unschedulable:NoSchedule in spec.tolerations.',
        ),
      ],
    );
  });

  test('fails a Pod whose required node affinity terms name no common node', () => {
    const term = {
      matchFields: [
        { key: 'metadata.name', operator: 'In', values: ['a'] },
        { key: 'metadata.name', operator: 'In', values: ['b'] },
      ],
    };
    const spec = {
      ...cpu('100m'),
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } },
      },
    };
    const [problem] = checkScheduling([podManifest('p', spec)], TWO_WORKERS);
    expect(problem.message).toBe(
      `0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 ${NOT_HELPFUL}..`,
    );
    expect(problem.field).toBe('spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution');
  });

  test('fails every Pod on an empty inventory with the scheduler error', () => {
    expect(checkScheduling([podManifest('p', cpu('100m'))], [])).toEqual([
      finding(
        0,
        'error',
        'pod-unschedulable',
        'spec',
        undefined,
        'no nodes available to schedule pods',
        "Add the cluster's nodes to the inventory.",
      ),
    ]);
  });

  test('fails a workload once, not once per replica', () => {
    const problems = checkScheduling([deployment('web', 5, pinned('100m'))], TWO_WORKERS);
    expect(problems.map(p => [p.index, p.rule, p.field])).toEqual([
      [0, 'pod-unschedulable', 'spec.template.spec.nodeSelector'],
    ]);
  });

  test('only warns for a Pod another scheduler places', () => {
    const [problem] = checkScheduling(
      [podManifest('p', { ...cpu('3'), schedulerName: 'my-scheduler' })],
      TWO_WORKERS,
    );
    expect([problem.rule, problem.severity]).toEqual(['pod-unschedulable', 'warning']);
  });

  test('passes Pods that fit, with their tolerations, selectors and requests', () => {
    const manifests = [
      podManifest('blog', pinned('300m')),
      podManifest('cp', {
        ...cpu('1'),
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        ],
        nodeSelector: { 'kubernetes.io/hostname': 'control-plane' },
      }),
      deployment('web', 2, cpu('1')),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'not-a-pod' } },
    ];
    expect(checkScheduling(manifests, CLUSTER)).toEqual([]);
  });
});

describe('checkScheduling: Pods that fit alone but not together', () => {
  test('fails Pods pinned to one node that exceed its allocatable (pods-do-not-fit-together)', () => {
    expect(
      checkScheduling([podManifest('a', pinned('1500m')), podManifest('b', pinned('1500m'))], CLUSTER),
    ).toEqual([
      finding(
        1,
        'error',
        'pods-do-not-fit-together',
        'spec.containers[0].resources.requests',
        { cpu: '1500m' },
        `0/3 nodes are available: 1 Insufficient cpu, 1 ${AFFINITY}, 1 ${CP_TAINT}. preemption: 0/3 nodes are available: 1 ${NO_VICTIMS}, 2 ${NOT_HELPFUL}.. Together they cannot all run: the 2 Pods that can only run on worker-node2 need 3 cpu, and those nodes have 2 cpu allocatable. 1 of 1 Pod(s) of Pod "default/b" stay Pending.`,
        'Lower the cpu requests or replica counts of the Pods that can only run on worker-node2, or give those nodes more cpu.',
      ),
    ]);
  });

  test('fails replicas whose total demand exceeds the nodes they can run on', () => {
    expect(checkScheduling([deployment('web', 3, cpu('1500m'))], CLUSTER)).toEqual([
      finding(
        0,
        'error',
        'pods-do-not-fit-together',
        'spec.template.spec.containers[0].resources.requests',
        { cpu: '1500m' },
        `0/3 nodes are available: 1 ${CP_TAINT}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 ${NOT_HELPFUL}, 2 ${NO_VICTIMS}.. Together they cannot all run: the 3 Pods that can only run on worker-node1, worker-node2 need 4500m cpu, and those nodes have 4 cpu allocatable. 1 of 3 Pod(s) of Deployment "default/web" stay Pending.`,
        'Lower the cpu requests or replica counts of the Pods that can only run on worker-node1, worker-node2, or give those nodes more cpu.',
      ),
    ]);
  });

  test('fails more replicas binding one host port than nodes', () => {
    const spec = {
      containers: [container({ cpu: '100m' }, { ports: [{ containerPort: 80, hostPort: 8080 }] })],
    };
    expect(checkScheduling([deployment('edge', 3, spec)], CLUSTER)).toEqual([
      finding(
        0,
        'error',
        'pods-do-not-fit-together',
        'spec.template.spec.containers[0].ports[0].hostPort',
        8080,
        `0/3 nodes are available: 1 ${CP_TAINT}, 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 ${NOT_HELPFUL}, 2 ${NO_VICTIMS}.. Together they cannot all run: 3 Pods bind host port TCP/8080, one per node, and can run on 2 node(s) only (worker-node1, worker-node2). 1 of 3 Pod(s) of Deployment "default/edge" stay Pending.`,
        'Run at most 2 Pods binding host port TCP/8080, or drop the hostPort and reach them through a Service.',
      ),
    ]);
  });

  test('fails more Pods on a node than its pod capacity', () => {
    const small = [rawNode('a', { allocatable: { cpu: '2', memory: '4Gi', pods: '2' } })];
    const [problem] = checkScheduling([deployment('web', 3, cpu('100m'))], small);
    expect([problem.rule, problem.field, problem.value]).toEqual([
      'pods-do-not-fit-together',
      'spec.replicas',
      3,
    ]);
    expect(problem.message).toBe(
      `0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 ${NO_VICTIMS}.. Together they cannot all run: the 3 Pods that can only run on a need 3 pod slots, and those nodes have 2 pod slots allocatable. 1 of 3 Pod(s) of Deployment "default/web" stay Pending.`,
    );
  });

  test('only warns when another order could fit them (pods-may-not-fit-together)', () => {
    // 1 + 1 + 2 CPUs fit two 2-CPU nodes (2 | 1 + 1), but spreading the first two leaves no room for the third.
    const manifests = [
      podManifest('one', cpu('1')),
      podManifest('two', cpu('1')),
      podManifest('three', cpu('2')),
    ];
    expect(checkScheduling(manifests, TWO_WORKERS)).toEqual([
      finding(
        2,
        'warning',
        'pods-may-not-fit-together',
        'spec.containers[0].resources.requests',
        { cpu: '2' },
        `0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 ${NO_VICTIMS}.. Each fits a node alone, but once the Pods before it were placed no node had room: 1 of 1 Pod(s) of Pod "default/three" stay Pending in the pre-flight's order; the real scheduler's order may differ.`,
        'Leave headroom: lower the requests or replica counts of the Pods competing for these nodes, or add capacity.',
      ),
    ]);
  });

  test('only warns when Jobs take the room: their Pods finish and free it', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'batch' },
      spec: { parallelism: 2, template: { spec: { ...cpu('1500m'), restartPolicy: 'Never' } } },
    };
    const problems = checkScheduling([deployment('web', 2, cpu('1500m')), job], TWO_WORKERS);
    expect(problems.map(p => [p.index, p.rule, p.severity])).toEqual([
      [1, 'pods-may-not-fit-together', 'warning'],
    ]);
  });

  test('silences warnings listed in suppress, never errors', () => {
    const manifests = [
      podManifest('one', cpu('1')),
      podManifest('two', cpu('1')),
      podManifest('three', cpu('2')),
      podManifest('big', cpu('3')),
    ];
    const problems = checkScheduling(manifests, TWO_WORKERS, {
      suppress: ['pods-may-not-fit-together', 'pod-unschedulable'],
    });
    expect(problems.map(p => p.rule)).toEqual(['pod-unschedulable']);
  });
});

describe('checkScheduling: workloads', () => {
  const daemonSet = (spec: Json): Json => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'ops' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec },
    },
  });

  test('fails a DaemonSet Pod that does not fit its node, once per node', () => {
    const problems = checkScheduling([daemonSet(cpu('3'))], CLUSTER);
    expect(problems.map(p => p.message)).toEqual([
      `0/3 nodes are available: 1 Insufficient cpu. preemption: 0/3 nodes are available: 3 ${NO_VICTIMS}.. Nearest node: worker-node1 (cpu: 3 requested, 2 free of 2 allocatable).`,
      `0/3 nodes are available: 1 Insufficient cpu. preemption: 0/3 nodes are available: 3 ${NO_VICTIMS}.. Nearest node: worker-node2 (cpu: 3 requested, 2 free of 2 allocatable).`,
    ]);
  });

  test('places DaemonSet Pods on cordoned nodes, which their controller tolerates', () => {
    expect(checkScheduling([daemonSet(cpu('1'))], [rawNode('a', { unschedulable: true })])).toEqual([]);
  });

  test('counts DaemonSet Pods against their node', () => {
    const problems = checkScheduling([daemonSet(cpu('1')), podManifest('p', pinned('1500m'))], CLUSTER);
    expect(problems.map(p => [p.index, p.rule])).toEqual([[1, 'pods-do-not-fit-together']]);
  });

  test('warns about a DaemonSet no node matches', () => {
    expect(checkScheduling([daemonSet({ ...cpu('1'), nodeSelector: { gpu: 'true' } })], CLUSTER)).toEqual([
      finding(
        0,
        'warning',
        'daemonset-matches-no-node',
        'spec.template.spec.nodeSelector',
        { gpu: 'true' },
        "the DaemonSet controller creates no Pod: none of the 3 node(s) matches the template's nodeName, nodeSelector and required node affinity, or all of them have a NoSchedule or NoExecute taint it does not tolerate",
        'Label the nodes the DaemonSet should run on, or change its nodeSelector, node affinity or tolerations.',
      ),
    ]);
  });

  test('fails on quantities the API server rejects, on their manifest', () => {
    const problems = checkScheduling(
      [podManifest('ok', cpu('1')), podManifest('bad', cpu('one'))],
      TWO_WORKERS,
    );
    expect(problems.map(p => [p.index, p.rule, p.field])).toEqual([
      [1, 'resource-quantity-invalid', 'spec.containers[0].resources.requests[cpu]'],
    ]);
  });

  test('accepts raw Node documents and already read nodes alike', () => {
    const manifests = [deployment('web', 3, cpu('1500m'))];
    expect(checkScheduling(manifests, readNodeInventory(CLUSTER))).toEqual(
      checkScheduling(manifests, { apiVersion: 'v1', kind: 'List', items: CLUSTER }),
    );
  });

  test('gives the same findings for the same input', () => {
    const manifests = [
      deployment('web', 3, cpu('1500m')),
      podManifest('a', pinned('1500m')),
      podManifest('b', pinned('1500m')),
      daemonSet(cpu('3')),
    ];
    expect(checkScheduling(manifests, CLUSTER)).toEqual(
      checkScheduling(structuredClone(manifests), structuredClone(CLUSTER)),
    );
  });
});
