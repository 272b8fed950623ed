import * as fc from 'fast-check';
import { checkAndPlaceManifests, checkManifests } from '../../lib/engine/check-manifests';
import { placeManifests } from '../../lib/engine/place-manifests';
import { checkScheduling } from '../../lib/scheduling/check';
import { readNodeInventory } from '../../lib/scheduling/inventory';
import { placePods } from '../../lib/scheduling/placement';

// Property: whatever the pre-flight places on a node satisfies every modelled filter there. The checks
// below are written from the generated data alone, not with the code under test.

interface GenNode {
  readonly labels: Record<string, string>;
  readonly taint?: string; // key of a NoSchedule taint
  readonly cordoned: boolean;
  readonly cpu: number; // millicores
  readonly memMi: number;
  readonly pods: number;
}

interface GenPod {
  readonly kind: 'Pod' | 'Deployment';
  readonly replicas: number;
  readonly selector: Record<string, string>;
  readonly tolerate?: string; // key tolerated with Exists
  readonly tolerateCordon: boolean;
  readonly cpu: number;
  readonly memMi: number;
  readonly hostPort?: number;
}

const labelMap = fc.dictionary(fc.constantFrom('zone', 'disk'), fc.constantFrom('a', 'b'), { maxKeys: 2 });
const genNode = fc.record({
  labels: labelMap,
  taint: fc.option(fc.constantFrom('gpu', 'infra'), { nil: undefined }),
  cordoned: fc.boolean(),
  cpu: fc.integer({ min: 0, max: 4000 }),
  memMi: fc.integer({ min: 0, max: 8192 }),
  pods: fc.integer({ min: 0, max: 6 }),
});
const genPod = fc.record({
  kind: fc.constantFrom<'Pod' | 'Deployment'>('Pod', 'Deployment'),
  replicas: fc.integer({ min: 0, max: 4 }),
  selector: labelMap,
  tolerate: fc.option(fc.constantFrom('gpu', 'infra'), { nil: undefined }),
  tolerateCordon: fc.boolean(),
  cpu: fc.integer({ min: 0, max: 3000 }),
  memMi: fc.integer({ min: 0, max: 4096 }),
  hostPort: fc.option(fc.constantFrom(80, 443), { nil: undefined }),
});

const rawNode = (n: GenNode, i: number) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: `node-${i}`, labels: n.labels },
  spec: {
    unschedulable: n.cordoned,
    ...(n.taint ? { taints: [{ key: n.taint, effect: 'NoSchedule' }] } : {}),
  },
  status: { allocatable: { cpu: `${n.cpu}m`, memory: `${n.memMi}Mi`, pods: String(n.pods) } },
});

function manifest(p: GenPod, i: number) {
  const tolerations = [
    ...(p.tolerate ? [{ key: p.tolerate, operator: 'Exists' }] : []),
    ...(p.tolerateCordon
      ? [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }]
      : []),
  ];
  const spec = {
    nodeSelector: p.selector,
    tolerations,
    containers: [
      {
        name: 'c',
        image: 'x',
        resources: { requests: { cpu: `${p.cpu}m`, memory: `${p.memMi}Mi` } },
        ports: p.hostPort ? [{ containerPort: 8080, hostPort: p.hostPort }] : [],
      },
    ],
  };
  if (p.kind === 'Pod') return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}` }, spec };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `d${i}` },
    spec: {
      replicas: p.replicas,
      selector: { matchLabels: { app: `d${i}` } },
      template: { metadata: { labels: { app: `d${i}` } }, spec },
    },
  };
}

const app = fc.record({
  nodes: fc.array(genNode, { minLength: 1, maxLength: 5 }),
  pods: fc.array(genPod, { maxLength: 8 }),
});

describe('scheduling pre-flight properties', () => {
  test('every placed Pod satisfies every filter on its node, and no node is overcommitted', () => {
    fc.assert(
      fc.property(app, ({ nodes, pods }) => {
        const placement = placePods(pods.map(manifest), nodes.map(rawNode));
        const used = nodes.map(() => ({ cpu: 0, mem: 0, pods: 0, ports: new Set<number>() }));
        for (const placed of placement.pods) {
          if (placed.node === null) continue;
          const i = Number(placed.node.slice('node-'.length));
          const node = nodes[i];
          const pod = pods[placed.index];
          for (const [key, value] of Object.entries(pod.selector)) expect(node.labels[key]).toBe(value);
          if (node.taint) expect(pod.tolerate).toBe(node.taint);
          if (node.cordoned) expect(pod.tolerateCordon).toBe(true);
          used[i].cpu += pod.cpu;
          used[i].mem += pod.memMi;
          used[i].pods += 1;
          if (pod.hostPort) {
            expect(used[i].ports.has(pod.hostPort)).toBe(false);
            used[i].ports.add(pod.hostPort);
          }
        }
        used.forEach((u, i) => {
          expect(u.cpu).toBeLessThanOrEqual(nodes[i].cpu);
          expect(u.mem).toBeLessThanOrEqual(nodes[i].memMi);
          expect(u.pods).toBeLessThanOrEqual(nodes[i].pods);
        });
        // Every Pod the manifests make is listed once.
        const expected = pods.reduce((sum, p) => sum + (p.kind === 'Pod' ? 1 : p.replicas), 0);
        expect(placement.pods).toHaveLength(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('the same input gives the same placement and findings', () => {
    fc.assert(
      fc.property(app, ({ nodes, pods }) => {
        const manifests = pods.map(manifest);
        const raw = nodes.map(rawNode);
        expect(placePods(structuredClone(manifests), structuredClone(raw))).toEqual(
          placePods(manifests, raw),
        );
        expect(checkScheduling(structuredClone(manifests), structuredClone(raw))).toEqual(
          checkScheduling(manifests, raw),
        );
      }),
      { numRuns: 100 },
    );
  });

  test("the engine's placement comes from the same plan as its problems: equal to placing and checking apart", () => {
    // Services and ConfigMaps between the workloads: the pre-flight places only pod-bearing objects,
    // so the engine must map each placed Pod back to its position among all the manifests.
    const others = fc.array(fc.constantFrom('Service', 'ConfigMap'), { maxLength: 8 });
    fc.assert(
      fc.property(app, others, ({ nodes, pods }, kinds) => {
        const manifests: unknown[] = pods.map(manifest);
        kinds.forEach((kind, k) => {
          const object = { apiVersion: 'v1', kind, metadata: { name: `other-${k}` } };
          manifests.splice((k * 7) % (manifests.length + 1), 0, object);
        });
        const inventory = readNodeInventory(nodes.map(rawNode));
        const { findings, placement } = checkAndPlaceManifests(manifests, { nodes: inventory });
        expect(placement).toEqual(placeManifests(manifests, inventory));
        expect(findings).toEqual(checkManifests(manifests, { nodes: inventory }));
        for (const placed of placement?.pods ?? []) {
          expect((manifests[placed.index] as { kind: string }).kind).toBe(placed.kind);
        }
      }),
      { numRuns: 200 },
    );
    expect(checkAndPlaceManifests([]).placement).toBeUndefined();
  });

  test('errors are never wrong: an unschedulable Pod fits no node alone, and Pods said not to fit together have no complete placement', () => {
    // Small apps, so that a brute-force search over every placement stays cheap.
    const small = fc.record({
      nodes: fc.array(genNode, { minLength: 1, maxLength: 3 }),
      pods: fc.array(
        genPod.map(p => ({ ...p, replicas: Math.min(p.replicas, 2) })),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(small, ({ nodes, pods }) => {
        const fitsAlone = (p: GenPod, n: GenNode): boolean =>
          Object.entries(p.selector).every(([k, v]) => n.labels[k] === v) &&
          (!n.taint || p.tolerate === n.taint) &&
          (!n.cordoned || p.tolerateCordon) &&
          p.cpu <= n.cpu &&
          p.memMi <= n.memMi &&
          n.pods >= 1;
        const findings = checkScheduling(pods.map(manifest), nodes.map(rawNode));
        for (const f of findings.filter(f => f.rule === 'pod-unschedulable')) {
          expect(nodes.some(n => fitsAlone(pods[f.index], n))).toBe(false);
        }
        if (!findings.some(f => f.rule === 'pods-do-not-fit-together')) return;
        // Every Pod that fits some node alone, one entry per replica.
        const instances = pods
          .flatMap(p => Array.from({ length: p.kind === 'Pod' ? 1 : p.replicas }, () => p))
          .filter(p => nodes.some(n => fitsAlone(p, n)));
        const used = nodes.map(() => ({ cpu: 0, mem: 0, pods: 0, ports: new Set<number>() }));
        const place = (k: number): boolean => {
          if (k === instances.length) return true;
          const p = instances[k];
          return nodes.some((n, i) => {
            const u = used[i];
            if (!fitsAlone(p, n) || u.cpu + p.cpu > n.cpu || u.mem + p.memMi > n.memMi || u.pods + 1 > n.pods)
              return false;
            if (p.hostPort && u.ports.has(p.hostPort)) return false;
            u.cpu += p.cpu;
            u.mem += p.memMi;
            u.pods += 1;
            if (p.hostPort) u.ports.add(p.hostPort);
            const done = place(k + 1);
            u.cpu -= p.cpu;
            u.mem -= p.memMi;
            u.pods -= 1;
            if (p.hostPort) u.ports.delete(p.hostPort);
            return done;
          });
        };
        expect(place(0)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
