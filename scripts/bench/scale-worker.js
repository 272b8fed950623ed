#!/usr/bin/env node
// One measurement of the in-process benchmark, in a fresh process (run with --expose-gc):
//   node --expose-gc scripts/bench/scale-worker.js <ours|kplus|l1> <N>
// builds N blog-like Pod + NodePort Service pairs in one chart, then `app.synthYaml()`, and
// prints one JSON line: phase times (ms) and memory (bytes).
//   node scripts/bench/scale-worker.js verify
// builds 2 pairs each way and exits non-zero unless all three give the same manifests.
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

// Everything is loaded (and the TypeScript compiled) before any timer starts.
require(path.join(root, 'scripts', 'register-ts'));
const cdk8s = require('cdk8s');
const kplus = require('cdk8s-plus-28');
const ours = require(path.join(root, 'lib', 'index.ts'));

const { App, Chart, Duration, Size, ApiObject, JsonPatch, Names, Yaml } = cdk8s;
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

const BUILDERS = { ours: buildOurs, kplus: buildKplus, l1: buildL1 };

/** Manifests of one variant, with the order and the address-label value made comparable. */
function manifests(variant, n) {
  const app = new App({ outdir: path.join(os.tmpdir(), 'cdk8s-bench-unused') });
  const chart = new Chart(app, 'bench');
  BUILDERS[variant](chart, 0, n);
  return chart.toJson();
}

function verify() {
  const key = m => `${m.kind}/${m.metadata.name}`;
  const normal = ms => JSON.stringify([...ms].sort((a, b) => key(a).localeCompare(key(b))));
  const expected = normal(manifests('kplus', 2));
  const problems = ['ours', 'l1'].filter(v => normal(manifests(v, 2)) !== expected);
  process.stdout.write(`${JSON.stringify({ identical: problems.length === 0, differ: problems })}\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

function measure(variant, n, charts) {
  if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
  const heap = () => process.memoryUsage().heapUsed;
  // Time spent in Yaml.stringify, to split synthYaml() into toJson (validate + render) and YAML.
  let yamlMs = 0;
  let beforeYaml = 0;
  const stringify = Yaml.stringify;
  Yaml.stringify = (...docs) => {
    beforeYaml = heap();
    const t = performance.now();
    const out = stringify.apply(Yaml, docs);
    yamlMs = performance.now() - t;
    return out;
  };

  global.gc();
  global.gc();
  const base = heap();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const app = new App({ outdir: path.join(os.tmpdir(), 'cdk8s-bench-unused') });
  // Pairs spread evenly over `charts` charts (1: all in one chart).
  for (let c = 0, start = 0; c < charts; c++) {
    const count = Math.floor(n / charts) + (c < n % charts ? 1 : 0);
    BUILDERS[variant](new Chart(app, charts === 1 ? 'bench' : `bench-${c}`), start, count);
    start += count;
  }
  const t1 = performance.now();
  const afterBuild = heap();
  const yaml = app.synthYaml();
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const afterSynth = heap();
  const objects = (yaml.match(/^kind: /gm) ?? []).length;
  if (objects !== 2 * n) throw new Error(`expected ${2 * n} objects in the YAML, got ${objects}`);
  // Retained: what stays live with the app and its YAML still referenced.
  global.gc();
  const retained = heap() - base;
  if (app.node.children.length !== charts) throw new Error('the app lost charts');
  const result = {
    variant,
    n,
    buildMs: t1 - t0,
    toJsonMs: t2 - t1 - yamlMs,
    yamlMs,
    totalMs: t2 - t0,
    // user + system CPU of every thread of the process (GC helper threads included).
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapPeak: Math.max(afterBuild, beforeYaml, afterSynth) - base,
    heapRetained: retained,
    maxRss: process.resourceUsage().maxRSS * 1024,
    yamlBytes: Buffer.byteLength(yaml),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const [variant, n, charts = '1'] = process.argv.slice(2);
if (variant === 'verify') verify();
else if (BUILDERS[variant] && Number.isInteger(Number(n)) && Number(n) > 0)
  measure(variant, Number(n), Number(charts));
else {
  process.stderr.write('usage: scale-worker.js <ours|kplus|l1> <N> | verify\n');
  process.exitCode = 2;
}
