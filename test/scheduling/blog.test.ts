import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkScheduling } from '../../lib/scheduling/check';
import { loadNodeInventory } from '../../lib/scheduling/load-inventory';
import type { NodeInfo } from '../../lib/scheduling/node-info';
import { placePods } from '../../lib/scheduling/placement';

// The blog's app (the committed dist/) on the blog's cluster (examples/blog-cluster.nodes.yaml).
const root = path.join(__dirname, '..', '..');
const manifests = parseAllDocuments(fs.readFileSync(path.join(root, 'dist', 'blog.k8s.yaml'), 'utf8')).map(
  doc => doc.toJS(),
);
const nodes = loadNodeInventory(path.join(root, 'examples', 'blog-cluster.nodes.yaml'));

const withoutLabel = (inventory: readonly NodeInfo[], name: string, key: string): NodeInfo[] =>
  inventory.map(n =>
    n.name === name ? { ...n, labels: new Map([...n.labels].filter(([k]) => k !== key)) } : n,
  );

describe('the blog, pre-flighted', () => {
  test('the example inventory is the blog cluster: a tainted control plane and two workers, worker-node2 labelled', () => {
    expect(
      nodes.map(n => [n.name, n.labels.get('hostname'), n.taints.map(t => `${t.key}:${t.effect}`)]),
    ).toEqual([
      ['control-plane', undefined, ['node-role.kubernetes.io/control-plane:NoSchedule']],
      ['worker-node1', undefined, []],
      ['worker-node2', 'worker-node2', []],
    ]);
    expect(nodes.map(n => [n.allocatable.get('cpu'), n.allocatable.get('pods')])).toEqual([
      [2000n, 110n],
      [2000n, 110n],
      [2000n, 110n],
    ]);
  });

  test('places the Pod on worker-node2, with nothing to report', () => {
    expect(placePods(manifests, nodes).pods.map(p => [p.pod, p.node, p.requests])).toEqual([
      ['pooh-db-nginx-pod', 'worker-node2', { cpu: '300m', memory: '544Mi' }],
    ]);
    expect(checkScheduling(manifests, nodes)).toEqual([]);
  });

  test('fails with the scheduler summary when worker-node2 lacks the label', () => {
    expect(checkScheduling(manifests, withoutLabel(nodes, 'worker-node2', 'hostname'))).toEqual([
      {
        index: 0,
        rule: 'pod-unschedulable',
        severity: 'error',
        field: 'spec.nodeSelector',
        value: { hostname: 'worker-node2' },
        message:
          "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.. Nearest node: worker-node2 (missing label hostname=worker-node2).",
        fix: 'Label a node: kubectl label nodes worker-node2 hostname=worker-node2, or change spec.nodeSelector.',
      },
    ]);
  });
});
