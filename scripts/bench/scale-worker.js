#!/usr/bin/env node
// One measurement of the in-process benchmark, in a fresh process (run with --expose-gc):
//   node --expose-gc scripts/bench/scale-worker.js <ours|kplus|l1> <N> [charts] [config] [entry]
// builds N pairs of a configuration in `charts` charts, synthesizes them through an entry point,
// and prints one JSON line: phase times (ms) and memory (bytes). Configurations:
//   blog      blog-like Pod (two containers, six volumes, probes, resources) + NodePort Service
//   small     a Pod of two containers with one named port each + NodePort Service
//   workload  a pinned Deployment of the small Pod's containers + NodePort Service
// Entry points: yaml (`app.synthYaml()`), synth (`app.synth()` to a folder), toJson
// (`chart.toJson()`), testing (`Testing.synth(chart)` on a `Testing.app()`).
// The variant ours-unchecked (with BENCH_LIB=build) is `ours` with the engine's checks replaced
// by no-ops: the defaults and the engine's plumbing left.
//   node --expose-gc scripts/bench/scale-worker.js checks <config> <N>
// times the checks alone (`checkManifests`) over the N pairs' manifests, rendered beforehand.
//   node scripts/bench/scale-worker.js verify
// builds 2 pairs of each configuration each way and exits non-zero unless the variants give the
// same manifests.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// Everything is loaded (and the TypeScript compiled) before any timer starts.
const { library } = require('./library');
const cdk8s = require('cdk8s');
const kplus = require('cdk8s-plus-28');
const ours = library('index');

const { App, Chart, Duration, Size, ApiObject, JsonPatch, Names, Testing, Yaml } = cdk8s;
const { k8s } = kplus;

const SECRET = { name: 'pooh-db-secret', key: 'mysql-root-password' };
const NODE_SELECTOR = { hostname: 'worker-node2' };
const PORTS = [
  { name: 'port-1', port: 3306 },
  { name: 'port-2', port: 80 },
];
const VOLUMES = [
  ['mysql-data', '/var/lib/mysql', 0],
  ['mysql-run', '/var/run/mysqld', 0],
  ['mysql-tmp', '/tmp', 0],
  ['nginx-cache', '/var/cache/nginx', 1],
  ['nginx-run', '/var/run', 1],
  ['nginx-tmp', '/tmp', 1],
];

/** Names of pair i: each pair has its own Pod, Service and selector label. */
const names = i => ({ pod: `blog-${i}`, service: `blog-${i}-svc`, app: `blog-app-${i}` });

// cdk8s-plus container props, as BlogChart has them (restricted Pod Security, non-root users).
function kplusSecurity(uid) {
  return {
    user: uid,
    group: uid,
    ensureNonRoot: true,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    privileged: false,
    capabilities: { drop: [kplus.Capability.ALL] },
    seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
  };
}

function kplusContainers(secretRef) {
  return [
    {
      name: 'pooh-db-container',
      image: 'mysql:8.4.3',
      portNumber: 3306,
      envVariables: {
        MYSQL_ROOT_PASSWORD: kplus.EnvValue.fromSecretValue({ secret: secretRef, key: SECRET.key }),
      },
      securityContext: kplusSecurity(999),
      startup: kplus.Probe.fromTcpSocket({
        port: 3306,
        failureThreshold: 30,
        periodSeconds: Duration.seconds(10),
      }),
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
      },
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    },
    {
      name: 'pooh-nginx-container',
      image: 'nginx:1.27.3',
      portNumber: 80,
      securityContext: kplusSecurity(101),
      resources: {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(250) },
        memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) },
      },
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    },
  ];
}

const POD_SECURITY = { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] };

/** Ours: NodePinnedPod + exposeViaNodePort(), every check on (the default). */
function buildOurs(chart, start, count) {
  const secret = kplus.Secret.fromSecretName(chart, 'DbSecret', SECRET.name);
  for (let i = start; i < start + count; i++) {
    const id = names(i);
    const pod = new ours.NodePinnedPod(chart, `Pod-${i}`, {
      metadata: { name: id.pod, labels: { app: id.app } },
      nodeSelector: NODE_SELECTOR,
      securityContext: POD_SECURITY,
      containers: kplusContainers(secret),
    });
    for (const [name, mountPath, c] of VOLUMES) {
      pod.addSharedVolume({ name, path: mountPath, containers: [pod.containers[c].name] });
    }
    pod.exposeViaNodePort({ name: id.service });
  }
}

/** Plain cdk8s-plus-28: kplus.Pod + kplus.Service; nodeSelector by the same JSON patch ours uses. */
function buildKplus(chart, start, count) {
  const secret = kplus.Secret.fromSecretName(chart, 'DbSecret', SECRET.name);
  for (let i = start; i < start + count; i++) {
    const id = names(i);
    const pod = new kplus.Pod(chart, `Pod-${i}`, {
      metadata: { name: id.pod, labels: { app: id.app } },
      securityContext: POD_SECURITY,
      containers: kplusContainers(secret),
    });
    ApiObject.of(pod).addJsonPatch(JsonPatch.add('/spec/nodeSelector', { ...NODE_SELECTOR }));
    for (const [name, mountPath, c] of VOLUMES) {
      pod.containers[c].mount(mountPath, kplus.Volume.fromEmptyDir(pod, `SharedVolume-${name}`, name));
    }
    const service = new kplus.Service(pod, `${id.service}NodePortService`, {
      metadata: { name: id.service, labels: { app: id.app } },
      type: kplus.ServiceType.NODE_PORT,
      ports: PORTS.map(p => ({ ...p, targetPort: p.port, protocol: kplus.Protocol.TCP })),
    });
    service.selectLabel('app', id.app);
  }
}

function l1Security(uid) {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsGroup: uid,
    runAsNonRoot: true,
    runAsUser: uid,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

const q = k8s.Quantity.fromString;
const port = k8s.IntOrString.fromNumber;

/** Raw L1: k8s.KubePod + k8s.KubeService with the fields cdk8s-plus would have written. */
function buildL1(chart, start, count) {
  for (let i = start; i < start + count; i++) {
    const id = names(i);
    const pod = new k8s.KubePod(chart, `Pod-${i}`, {
      metadata: { name: id.pod },
      spec: {
        automountServiceAccountToken: false,
        containers: [
          {
            name: 'pooh-db-container',
            image: 'mysql:8.4.3',
            imagePullPolicy: 'IfNotPresent',
            env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { ...SECRET } } }],
            ports: [{ containerPort: 3306 }],
            resources: {
              limits: { cpu: q('1000m'), memory: q('1024Mi') },
              requests: { cpu: q('250m'), memory: q('512Mi') },
            },
            securityContext: l1Security(999),
            startupProbe: { failureThreshold: 30, periodSeconds: 10, tcpSocket: { port: port(3306) } },
            volumeMounts: VOLUMES.filter(v => v[2] === 0).map(([name, mountPath]) => ({ mountPath, name })),
          },
          {
            name: 'pooh-nginx-container',
            image: 'nginx:1.27.3',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 80 }],
            resources: {
              limits: { cpu: q('250m'), memory: q('128Mi') },
              requests: { cpu: q('50m'), memory: q('32Mi') },
            },
            securityContext: l1Security(101),
            startupProbe: { failureThreshold: 3, tcpSocket: { port: port(80) } },
            volumeMounts: VOLUMES.filter(v => v[2] === 1).map(([name, mountPath]) => ({ mountPath, name })),
          },
        ],
        dnsPolicy: 'ClusterFirst',
        hostNetwork: false,
        nodeSelector: { ...NODE_SELECTOR },
        restartPolicy: 'Always',
        securityContext: {
          fsGroupChangePolicy: 'Always',
          runAsNonRoot: true,
          sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
        },
        setHostnameAsFqdn: false,
        terminationGracePeriodSeconds: 30,
        volumes: VOLUMES.map(([name]) => ({ name, emptyDir: {} })),
      },
    });
    // The address label cdk8s-plus puts on every Pod, so the manifests are the same.
    pod.metadata.addLabel('app', id.app);
    pod.metadata.addLabel(kplus.Pod.ADDRESS_LABEL, Names.toLabelValue(pod));
    new k8s.KubeService(chart, `Service-${i}`, {
      metadata: { name: id.service, labels: { app: id.app } },
      spec: {
        externalIPs: [],
        ports: PORTS.map(p => ({ ...p, protocol: 'TCP', targetPort: port(p.port) })),
        selector: { app: id.app },
        type: 'NodePort',
      },
    });
  }
}

// ---- small: a Pod of two containers with one named port each, and its NodePort Service ----

// What MultiContainerPod adds to every container; the plain variant writes it out.
const RESTRICTED_CONTAINER = {
  capabilities: { drop: [kplus.Capability.ALL] },
  seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
};

function smallContainers(restricted) {
  return [
    { name: 'web', image: 'nginx:1.27.3', ports: [{ number: 8080, name: 'http' }] },
    { name: 'metrics', image: 'nginx:1.27.3', ports: [{ number: 9090, name: 'metrics' }] },
  ].map(c => (restricted ? { ...c, securityContext: RESTRICTED_CONTAINER } : c));
}

const SMALL_PORTS = [
  { name: 'http', port: 8080 },
  { name: 'metrics', port: 9090 },
];

function buildSmallOurs(chart, start, count) {
  for (let i = start; i < start + count; i++) {
    const id = names(i);
    const pod = new ours.MultiContainerPod(chart, `Pod-${i}`, {
      metadata: { name: id.pod, labels: { app: id.app } },
      containers: smallContainers(false),
    });
    pod.exposeViaNodePort({ name: id.service });
  }
}

function plainService(scope, id, selector) {
  const service = new kplus.Service(scope, `NodePortService-${id.service}`, {
    metadata: { name: id.service, labels: { app: id.app } },
    type: kplus.ServiceType.NODE_PORT,
    ports: SMALL_PORTS.map(p => ({ ...p, targetPort: p.port, protocol: kplus.Protocol.TCP })),
  });
  for (const [key, value] of Object.entries(selector)) service.selectLabel(key, value);
}

function buildSmallKplus(chart, start, count) {
  for (let i = start; i < start + count; i++) {
    const id = names(i);
    const pod = new kplus.Pod(chart, `Pod-${i}`, {
      metadata: { name: id.pod, labels: { app: id.app } },
      containers: smallContainers(true),
    });
    plainService(pod, id, { app: id.app });
  }
}

// ---- workload: the small Pod as a Deployment, pinned and exposed ----

function deploymentProps(id) {
  return {
    metadata: { name: id.pod, labels: { app: id.app } },
    podMetadata: { labels: { app: id.app } },
    select: false,
    securityContext: { ensureNonRoot: true },
    containers: smallContainers(true),
  };
}

function buildWorkloadOurs(chart, start, count) {
  if (start === 0) ours.checkAll(chart);
  for (let i = start; i < start + count; i++) {
    const id = names(i);
    const deployment = new kplus.Deployment(chart, `Deployment-${i}`, deploymentProps(id));
    deployment.select(kplus.LabelSelector.of({ labels: { app: id.app } }));
    ours.pinToNodes(deployment, NODE_SELECTOR);
    ours.exposeViaNodePort(deployment, { name: id.service });
  }
}

function buildWorkloadKplus(chart, start, count) {
  for (let i = start; i < start + count; i++) {
    const id = names(i);
    const deployment = new kplus.Deployment(chart, `Deployment-${i}`, deploymentProps(id));
    deployment.select(kplus.LabelSelector.of({ labels: { app: id.app } }));
    ApiObject.of(deployment).addJsonPatch(
      JsonPatch.add('/spec/template/spec/nodeSelector', { ...NODE_SELECTOR }),
    );
    plainService(deployment, id, { app: id.app });
  }
}

/** The builders of each configuration, by variant. */
const CONFIGS = {
  blog: { ours: buildOurs, kplus: buildKplus, l1: buildL1 },
  small: { ours: buildSmallOurs, kplus: buildSmallKplus },
  workload: { ours: buildWorkloadOurs, kplus: buildWorkloadKplus },
};

/** Manifests of one variant, with the order and the address-label value made comparable. */
function manifests(config, variant, n) {
  const app = new App({ outdir: path.join(os.tmpdir(), 'cdk8s-bench-unused') });
  const chart = new Chart(app, 'bench');
  CONFIGS[config][variant](chart, 0, n);
  return chart.toJson();
}

function verify() {
  const key = m => `${m.kind}/${m.metadata.name}`;
  const normal = ms => JSON.stringify([...ms].sort((a, b) => key(a).localeCompare(key(b))));
  const differ = Object.entries(CONFIGS).flatMap(([config, variants]) => {
    const expected = normal(manifests(config, 'kplus', 2));
    return Object.keys(variants)
      .filter(v => v !== 'kplus' && normal(manifests(config, v, 2)) !== expected)
      .map(v => `${config}/${v}`);
  });
  process.stdout.write(`${JSON.stringify({ identical: differ.length === 0, differ })}\n`);
  process.exitCode = differ.length === 0 ? 0 : 1;
}

/** Builds the app of one run: N pairs spread evenly over `charts` charts. */
function buildApp(config, variant, n, charts, entry, outdir) {
  const app = entry === 'testing' ? Testing.app({ outdir }) : new App({ outdir });
  const built = [];
  for (let c = 0, start = 0; c < charts; c++) {
    const count = Math.floor(n / charts) + (c < n % charts ? 1 : 0);
    const chart = new Chart(app, charts === 1 ? 'bench' : `bench-${c}`);
    CONFIGS[config][variant](chart, start, count);
    built.push(chart);
    start += count;
  }
  return { app, charts: built };
}

/**
 * Wraps the engine's `checkEntries` to time it, where the module lets us: tsc's CommonJS output
 * (BENCH_LIB=build) exports plain properties; esbuild's (the TypeScript sources) exports getters,
 * and then the time is not measured (null).
 */
function timeEngine() {
  const module = library('engine/check-manifests');
  const original = module.checkEntries;
  let ms = 0;
  try {
    module.checkEntries = (...args) => {
      const t = performance.now();
      try {
        return original(...args);
      } finally {
        ms += performance.now() - t;
      }
    };
  } catch {
    // a getter: leave it
  }
  const timed = module.checkEntries !== original;
  return { ms: () => (timed ? ms : null) };
}

/**
 * For the variant `ours-unchecked`: our constructs with the engine's checks replaced by no-ops (the
 * API-server rules, literal credentials, Pod Security and the whole-app rules), so only the v1
 * defaults, the pod views and the engine's plumbing are left. The instruction counts use it to
 * show what the checks cost and what the 1.15x target leaves them. Needs tsc's CommonJS output
 * (BENCH_LIB=build), whose exports are plain properties the engine reads at each call.
 */
function stubChecks() {
  const replace = (module, name, value) => {
    const exports = library(module);
    try {
      exports[name] = value;
    } catch {
      // a getter (esbuild's output): reported below
    }
    if (exports[name] !== value)
      throw new Error(`ours-unchecked needs BENCH_LIB=build: cannot replace ${module}.${name}`);
  };
  replace('rules/manifest', 'validateDefaultedManifest', () => []);
  replace('pod-security/credentials', 'findLiteralCredentialsIn', () => []);
  replace('pod-security/evaluate', 'evaluatePodViewAcross', () => []);
  replace('rules/app', 'appProblemsByIndex', () => new Map());
}

/** Synthesizes through an entry point; returns the number of objects written. */
function synthesize(entry, app, charts) {
  if (entry === 'yaml') return (app.synthYaml().match(/^kind: /gm) ?? []).length;
  if (entry === 'synth') {
    app.synth();
    return fs
      .readdirSync(app.outdir)
      .filter(f => f.endsWith('.k8s.yaml'))
      .reduce(
        (sum, f) => sum + (fs.readFileSync(path.join(app.outdir, f), 'utf8').match(/^kind: /gm) ?? []).length,
        0,
      );
  }
  const render = entry === 'testing' ? chart => Testing.synth(chart) : chart => chart.toJson();
  return charts.reduce((sum, chart) => sum + render(chart).length, 0);
}

/** One measurement of `variant`; the result names it `label` (`ours-unchecked` builds as `ours`). */
function measure(variant, n, charts, config, entry, label = variant) {
  if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
  const heap = () => process.memoryUsage().heapUsed;
  // Time spent in Yaml.stringify, to split synthYaml() and synth() into toJson (validate + render) and YAML.
  let yamlMs = 0;
  let beforeYaml = 0;
  const stringify = Yaml.stringify;
  Yaml.stringify = (...docs) => {
    beforeYaml = heap();
    const t = performance.now();
    const out = stringify.apply(Yaml, docs);
    yamlMs += performance.now() - t;
    return out;
  };
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-bench-out-'));
  const engine = timeEngine();

  global.gc();
  global.gc();
  const base = heap();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const built = buildApp(config, variant, n, charts, entry, outdir);
  const t1 = performance.now();
  const afterBuild = heap();
  const objects = synthesize(entry, built.app, built.charts);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const afterSynth = heap();
  if (objects !== 2 * n) throw new Error(`expected ${2 * n} objects, got ${objects}`);
  // Retained: what stays live with the app still referenced.
  global.gc();
  const retained = heap() - base;
  if (built.app.node.children.length !== charts) throw new Error('the app lost charts');
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = {
    variant: label,
    n,
    config,
    entry,
    buildMs: t1 - t0,
    toJsonMs: t2 - t1 - yamlMs,
    yamlMs,
    totalMs: t2 - t0,
    // Time inside the engine (`checkEntries`) during the synth: the checks' share of toJson.
    engineMs: engine.ms(),
    // user + system CPU of every thread of the process (GC helper threads included).
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapPeak: Math.max(afterBuild, beforeYaml, afterSynth) - base,
    heapRetained: retained,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * The checks alone over pre-rendered manifests: median of 7 timed runs after 2 warm-ups, and the
 * first of those runs (the engine's first call in the process, before V8 has optimized it).
 */
function measureChecks(config, n) {
  const rendered = manifests(config, 'kplus', n);
  // The same manifests rendered again: what plain cdk8s-plus spends on them, as a baseline.
  const renderStart = performance.now();
  manifests(config, 'kplus', n);
  const renderMs = performance.now() - renderStart;
  const times = [];
  let problems = 0;
  // The first run is the engine's first call in this process: V8 has not compiled it yet.
  let firstMs = 0;
  for (let i = 0; i < 9; i++) {
    global.gc?.();
    const t = performance.now();
    problems = ours.checkManifests(rendered).length;
    if (i === 0) firstMs = performance.now() - t;
    if (i >= 2) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ms = times[times.length >> 1];
  process.stdout.write(
    `${JSON.stringify({ config, n, objects: rendered.length, problems, checksMs: ms, perPairMs: ms / n, firstMs, renderMs })}\n`,
  );
}

module.exports = { manifests, CONFIGS };

const [first, ...rest] = require.main === module ? process.argv.slice(2) : ['library'];
if (first === 'library') {
  // required by another script (e.g. a profiling run): nothing to run
} else if (first === 'verify') verify();
else if (first === 'checks' && CONFIGS[rest[0]] && Number(rest[1]) > 0)
  measureChecks(rest[0], Number(rest[1]));
else {
  const [n, charts = '1', config = 'blog', entry = 'yaml'] = rest;
  // `ours-unchecked` builds as `ours`, with the engine's checks replaced by no-ops.
  const variant = first === 'ours-unchecked' ? 'ours' : first;
  const ok =
    CONFIGS[config]?.[variant] &&
    Number.isInteger(Number(n)) &&
    Number(n) > 0 &&
    ['yaml', 'synth', 'toJson', 'testing'].includes(entry);
  if (ok) {
    if (variant !== first) stubChecks();
    measure(variant, Number(n), Number(charts), config, entry, first);
  } else {
    process.stderr.write(
      'usage: scale-worker.js <ours|ours-unchecked|kplus|l1> <N> [charts] [blog|small|workload] [yaml|synth|toJson|testing] | checks <config> <N> | verify\n',
    );
    process.exitCode = 2;
  }
}
