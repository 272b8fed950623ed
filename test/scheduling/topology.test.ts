import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadNodeInventory } from '../../lib/scheduling/load-inventory';
import { placePods } from '../../lib/scheduling/placement';
import { renderTopology } from '../../lib/scheduling/topology';
import { container, deployment, podManifest, rawNode } from './fixtures';

const root = path.join(__dirname, '..', '..');

describe('renderTopology', () => {
  test('draws the blog: its Pod on worker-node2, the NodePort Service and the ports every node opens', () => {
    const manifests = parseAllDocuments(
      fs.readFileSync(path.join(root, 'dist', 'blog.k8s.yaml'), 'utf8'),
    ).map(d => d.toJS());
    const nodes = loadNodeInventory(path.join(root, 'examples', 'blog-cluster.nodes.yaml'));
    expect(renderTopology(manifests, placePods(manifests, nodes))).toBe(
      [
        'flowchart LR',
        '  client([client outside the cluster<br/>curl node-ip:node-port])',
        '  subgraph cluster[Kubernetes cluster]',
        '    np0[NodePort on control-plane]',
        '    np1[NodePort on worker-node1]',
        '    np2[NodePort on worker-node2]',
        '    svc0[Service pooh-pod-service<br/>type NodePort<br/>selector app=pooh-db-nginx-app]',
        '    n0[control-plane<br/>no Pods placed]',
        '    n1[worker-node1<br/>no Pods placed]',
        '    subgraph n2[worker-node2 · label hostname=worker-node2]',
        '      subgraph p0[Pod pooh-db-nginx-pod · one IP, one localhost]',
        '        p0c0[pooh-db-container<br/>mysql :3306]',
        '        p0c1[pooh-nginx-container<br/>nginx :80]',
        '        p0c0 <-. localhost .-> p0c1',
        '      end',
        '    end',
        '  end',
        '  client --> np0 & np1 & np2',
        '  np0 --> svc0',
        '  np1 --> svc0',
        '  np2 --> svc0',
        '  svc0 -->|port-1 3306| p0c0',
        '  svc0 -->|port-2 80| p0c1',
        '',
      ].join('\n'),
    );
  });

  test('draws replicas on their nodes, Pending Pods apart, and matches Services by selector and target within a namespace', () => {
    const web = deployment('web', 2, {
      containers: [
        container(
          { cpu: '1500m' },
          {
            image: 'registry.example.com/team/web:1.2@sha256:abc',
            ports: [
              { name: 'http', containerPort: 8080 },
              { containerPort: 53, protocol: 'UDP', hostPort: 5353 },
            ],
          },
        ),
      ],
    });
    const manifests = [
      web,
      podManifest('stuck (1)', { containers: [container({ cpu: '3' })] }, { labels: { app: 'web' } }),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'other-ns', namespace: 'x' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
      },
    ];
    const placement = placePods(manifests, [rawNode('a'), rawNode('b')]);
    expect(renderTopology(manifests, placement)).toBe(
      [
        'flowchart LR',
        '  subgraph cluster[Kubernetes cluster]',
        '    svc0[Service web<br/>type ClusterIP<br/>selector app=web]',
        '    svc1[Service other-ns<br/>type ClusterIP<br/>selector app=web]',
        '    subgraph n0[a]',
        '      subgraph p0[Pod web-0]',
        '        p0c0[app<br/>web :8080 :53/UDP host :5353]',
        '      end',
        '    end',
        '    subgraph n1[b]',
        '      subgraph p1[Pod web-1]',
        '        p1c0[app<br/>web :8080 :53/UDP host :5353]',
        '      end',
        '    end',
        '    subgraph pending[Pending · no node takes them]',
        '      subgraph p2["Pod stuck (1)"]',
        '        p2c0[app<br/>nginx]',
        '      end',
        '    end',
        '  end',
        '  svc0 -->|80→http| p0c0',
        '  svc0 -->|80→http| p1c0',
        '',
      ].join('\n'),
    );
  });

  test('labels the node-port edges with pinned node ports', () => {
    const manifests = [
      podManifest(
        'p',
        { containers: [container({}, { ports: [{ containerPort: 80 }] })] },
        { labels: { app: 'p' } },
      ),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        spec: { type: 'NodePort', selector: { app: 'p' }, ports: [{ port: 80, nodePort: 30080 }] },
      },
    ];
    const lines = renderTopology(manifests, placePods(manifests, [rawNode('a')])).split('\n');
    expect(lines.filter(line => line.includes('-->'))).toEqual([
      '  client --> np0',
      '  np0 -->|30080| svc0',
      '  svc0 -->|80| p0c0',
    ]);
  });

  test('gives the same text for the same input', () => {
    const manifests = [deployment('web', 3, { containers: [container({ cpu: '100m' })] })];
    const nodes = [rawNode('a'), rawNode('b')];
    expect(renderTopology(manifests, placePods(manifests, nodes))).toBe(
      renderTopology(structuredClone(manifests), placePods(manifests, structuredClone(nodes))),
    );
  });
});

describe('scripts/topology.js', () => {
  const script = path.join(root, 'scripts', 'topology.js');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

  test('prints the diagram of the given manifests on the given nodes', () => {
    const result = run('--nodes', 'examples/blog-cluster.nodes.yaml', 'dist/blog.k8s.yaml');
    const manifests = parseAllDocuments(
      fs.readFileSync(path.join(root, 'dist', 'blog.k8s.yaml'), 'utf8'),
    ).map(d => d.toJS());
    const nodes = loadNodeInventory(path.join(root, 'examples', 'blog-cluster.nodes.yaml'));
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(renderTopology(manifests, placePods(manifests, nodes)));
  });

  test('fails with its usage and status 2 without --nodes', () => {
    const result = run('dist/blog.k8s.yaml');
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe(
      'usage: node scripts/topology.js --nodes NODES.yaml MANIFEST.yaml [MANIFEST.yaml ...]\n' +
        '       node scripts/topology.js --readme FILE.md [--check]\n',
    );
  });

  test('fails with status 1 naming an inventory that is not one', () => {
    const result = run('--nodes', 'dist/blog.k8s.yaml', 'dist/blog.k8s.yaml');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'topology: dist/blog.k8s.yaml: [0]: expected a v1 Node (apiVersion "v1", kind "Node"), got "v1"/"Pod"\n',
    );
  });
});
