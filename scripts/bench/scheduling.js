#!/usr/bin/env node
// Times the scheduling pre-flight (checkScheduling: read, place, find) on synthetic apps:
// 1,000 Pods onto 100 nodes, 2,000 onto 100, and 1,000 onto 200, and prints the figures with their
// growth against the first, next to the pods x nodes ratio (2.0 for both): the pre-flight should grow
// at worst linearly in pods x nodes.
//
//   node scripts/bench/scheduling.js [--runs N] [--json]
//
// --json prints one JSON line instead of the table (what `npm run bench` reads).
//
// Each configuration runs once untimed, then N times (default 7); the median is printed. The Pods are
// separate v1 Pods (the costliest case: no two share a template), with cpu/memory requests, a
// nodeSelector on one of 4 zones for half of them, a toleration for a quarter, and a host port for
// one in 20; the nodes carry zone labels, a tainted tenth, 16 CPUs, 64Gi and 110 pods each, so that
// the app fits: the placement does its full work.
//
// It times the compiled library with BENCH_LIB=build (what `npm run bench` sets after building),
// else the TypeScript sources (scripts/bench/library.js); the first line says which.

const { library, LIBRARY_SOURCE: source } = require('./library');
const { checkScheduling, placePods } = library('scheduling/index');

function parseRuns(argv) {
  const i = argv.indexOf('--runs');
  if (i === -1) return 7;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--runs needs a positive integer, got ${JSON.stringify(argv[i + 1])}\n`);
    process.exit(2);
  }
  return n;
}

function nodes(count) {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}`, zone: `z${i % 4}` } },
    spec: i % 10 === 9 ? { taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }] } : {},
    status: { allocatable: { cpu: '16', memory: '64Gi', pods: '110', 'ephemeral-storage': '100Gi' } },
  }));
}

function pods(count) {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, labels: { app: `app-${i % 50}` } },
    spec: {
      ...(i % 2 === 0 ? { nodeSelector: { zone: `z${i % 4}` } } : {}),
      ...(i % 4 === 1
        ? { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' }] }
        : {}),
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27.3',
          resources: { requests: { cpu: `${100 + (i % 7) * 50}m`, memory: `${128 + (i % 5) * 64}Mi` } },
          ports:
            i % 20 === 0
              ? [{ containerPort: 8080, hostPort: 9000 + ((i / 20) % 40) }]
              : [{ containerPort: 8080 }],
        },
      ],
    },
  }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeOnce(manifests, inventory) {
  const start = process.hrtime.bigint();
  checkScheduling(manifests, inventory);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const runs = parseRuns(process.argv.slice(2));
const configs = [
  [1000, 100],
  [2000, 100],
  [1000, 200],
].map(([podCount, nodeCount]) => {
  const manifests = pods(podCount);
  const inventory = nodes(nodeCount);
  const placed = placePods(manifests, inventory).pods.filter(p => p.node !== null).length;
  return { podCount, nodeCount, placed, manifests, inventory, times: [] };
});
// Warm the JIT on every configuration, then interleave the timed runs so that noise from other
// processes spreads over all of them alike.
for (let w = 0; w < 2; w++) for (const c of configs) timeOnce(c.manifests, c.inventory);
for (let r = 0; r < runs; r++) for (const c of configs) c.times.push(timeOnce(c.manifests, c.inventory));
const rows = configs.map(c => ({ ...c, ms: median(c.times) }));
if (process.argv.includes('--json')) {
  const measured = rows.map(({ podCount, nodeCount, placed, times, ms }) => ({
    podCount,
    nodeCount,
    placed,
    ms,
    min: Math.min(...times),
    max: Math.max(...times),
  }));
  process.stdout.write(`${JSON.stringify({ source, runs, rows: measured })}\n`);
  process.exit(0);
}
const base = rows[0];
const header = ['pods', 'nodes', 'placed', 'median ms', 'µs per pod x node', 'growth', 'pods x nodes growth'];
const lines = rows.map(row => {
  const cells = row.podCount * row.nodeCount;
  return [
    row.podCount,
    row.nodeCount,
    row.placed,
    row.ms.toFixed(1),
    ((row.ms * 1000) / cells).toFixed(3),
    `${(row.ms / base.ms).toFixed(2)}x`,
    `${(cells / (base.podCount * base.nodeCount)).toFixed(2)}x`,
  ].map(String);
});
const widths = header.map((h, i) => Math.max(h.length, ...lines.map(l => l[i].length)));
const format = cells => cells.map((c, i) => c.padStart(widths[i])).join('  ');
process.stdout.write(`scheduling pre-flight, ${source}, median of ${runs} runs (node ${process.version})\n`);
process.stdout.write(`${format(header)}\n${lines.map(format).join('\n')}\n`);
