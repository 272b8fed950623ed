import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { BlogChart, checkManifests, exposePodViaNodePort, NodePinnedPod, validateManifest } from '../lib';
import { expectSchemaValid } from './support/schema';

// Property-based tests: whatever props the constructs accept synthesize to manifests the rules and
// the Kubernetes schema accept; invalid names, ports and labels are always rejected at synth.

const dns1035 = fc.stringMatching(/^[a-z]([-a-z0-9]{0,30}[a-z0-9])?$/);
const labelPart = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,20}[A-Za-z0-9])?$/);
const labelKey = fc.oneof(
  labelPart,
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?(\.[a-z]{2,5})$/), labelPart)
    .map(([p, n]) => `${p}/${n}`),
);
const labels = fc.dictionary(labelKey, fc.oneof(fc.constant(''), labelPart), { minKeys: 1, maxKeys: 3 });
const envName = fc
  .stringMatching(/^[_A-Z][_A-Z0-9]{0,15}$/)
  .filter(n => !/PASSWORD|SECRET|TOKEN|KEY|AUTH|CREDENTIAL|PWD|PASSWD/.test(n));

interface Props {
  readonly podName: string;
  readonly serviceName: string;
  readonly labels: Record<string, string>;
  readonly nodeSelector: Record<string, string>;
  readonly containers: kplus.ContainerProps[];
}

const containers = fc
  .uniqueArray(
    fc.record({
      name: dns1035,
      port: fc.integer({ min: 1, max: 65535 }),
      env: fc.uniqueArray(envName, { maxLength: 3 }),
    }),
    {
      minLength: 1,
      maxLength: 3,
      selector: c => c.name,
    },
  )
  .filter(cs => new Set(cs.map(c => c.port)).size === cs.length) // one network namespace: one port each
  .map(cs =>
    cs.map(c => ({
      name: c.name,
      image: `registry.example.com/${c.name}:1.0.0`,
      portNumber: c.port,
      envVariables: Object.fromEntries(c.env.map(e => [e, kplus.EnvValue.fromValue('on')])),
    })),
  );

const props: fc.Arbitrary<Props> = fc.record({
  podName: dns1035,
  serviceName: dns1035,
  labels,
  nodeSelector: labels,
  containers,
});

function synth(p: Props, mutate?: (chart: Chart) => void): Record<string, any>[] {
  const app = new App({ outdir: 'unused' });
  const chart = new Chart(app, 'prop');
  const pod = new NodePinnedPod(chart, 'Pod', {
    metadata: { name: p.podName, labels: p.labels },
    nodeSelector: p.nodeSelector,
    containers: p.containers,
  });
  pod.exposeViaNodePort({ name: p.serviceName });
  mutate?.(chart);
  return chart.toJson();
}

describe('properties of the constructs', () => {
  test('any props the constructs accept synthesize to manifests the rules and the schema accept', () => {
    fc.assert(
      fc.property(props, p => {
        const manifests = synth(p);
        expect(manifests.flatMap(m => validateManifest(m))).toEqual([]);
        expectSchemaValid(manifests);
      }),
      { numRuns: 100 },
    );
  });

  test('synthesizing the same props twice is byte-identical', () => {
    fc.assert(
      fc.property(props, p => {
        const yaml = () => {
          const app = new App({ outdir: 'unused' });
          const pod = new NodePinnedPod(new Chart(app, 'prop'), 'Pod', {
            metadata: { name: p.podName, labels: p.labels },
            nodeSelector: p.nodeSelector,
            containers: p.containers,
          });
          pod.exposeViaNodePort({ name: p.serviceName });
          return app.synthYaml();
        };
        expect(yaml()).toBe(yaml());
      }),
      { numRuns: 50 },
    );
  });

  test('fails on any invalid Pod name', () => {
    const badName = fc.oneof(
      dns1035.map(n => `${n}A`),
      dns1035.map(n => `-${n}`),
      dns1035.map(n => `${n}_x`),
      fc.constant('a'.repeat(254)),
    );
    fc.assert(
      fc.property(props, badName, (p, podName) => {
        expect(() => synth({ ...p, podName })).toThrow('metadata.name');
      }),
      { numRuns: 100 },
    );
  });

  test('fails on any invalid container port', () => {
    const badPort = fc.oneof(fc.integer({ min: 65536, max: 1_000_000 }), fc.integer({ min: -1000, max: -1 }));
    fc.assert(
      fc.property(props, badPort, (p, port) => {
        const [first, ...rest] = p.containers;
        expect(() => synth({ ...p, containers: [{ ...first, portNumber: port }, ...rest] })).toThrow(
          /containerPort|port/,
        );
      }),
      { numRuns: 100 },
    );
  });

  test('fails on any invalid label key or value', () => {
    const badLabel = fc.oneof(
      labelPart.map(k => [`${k}-`, 'v']),
      labelPart.map(k => [`a/b/${k}`, 'v']),
      labelPart.map(v => ['app', `${v}!`]),
      fc.constant(['app', 'x'.repeat(64)]),
    );
    fc.assert(
      fc.property(props, badLabel, (p, [key, value]) => {
        expect(() => synth({ ...p, labels: { ...p.labels, [key]: value } })).toThrow('metadata.labels');
      }),
      { numRuns: 100 },
    );
  });
});

describe('properties of what the constructs emit', () => {
  const probe = fc.option(
    fc.oneof(
      fc
        .integer({ min: 1, max: 60 })
        .map(period => kplus.Probe.fromTcpSocket({ periodSeconds: Duration.seconds(period) })),
      fc.constantFrom('/', '/healthz').map(path => kplus.Probe.fromHttpGet(path, { failureThreshold: 5 })),
      fc.constant(kplus.Probe.fromCommand(['true'], { timeoutSeconds: Duration.seconds(2) })),
    ),
    { nil: undefined },
  );
  const resources = fc
    .record({
      cpu: fc.integer({ min: 1, max: 4000 }),
      cpuExtra: fc.nat(2000),
      memory: fc.integer({ min: 1, max: 2048 }),
      memoryExtra: fc.nat(2048),
    })
    .map(r => ({
      cpu: { request: kplus.Cpu.millis(r.cpu), limit: kplus.Cpu.millis(r.cpu + r.cpuExtra) },
      memory: { request: Size.mebibytes(r.memory), limit: Size.mebibytes(r.memory + r.memoryExtra) },
    }));
  const richContainers = fc
    .uniqueArray(
      fc.record({
        name: dns1035,
        port: fc.integer({ min: 1024, max: 65535 }),
        liveness: probe,
        readiness: probe,
        startup: probe,
        resources: fc.option(resources, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3, selector: c => c.name },
    )
    .filter(cs => new Set(cs.map(c => c.port)).size === cs.length)
    .map(cs =>
      cs.map(({ port, ...c }) => ({ ...c, image: `registry.example.com/${c.name}:1.0.0`, portNumber: port })),
    );
  const sharedVolumes = fc.uniqueArray(fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/), {
    maxLength: 2,
  });

  test('every check passes what NodePinnedPod and exposeViaNodePort make of any valid props', () => {
    fc.assert(
      fc.property(props, richContainers, sharedVolumes, (p, containers, volumes) => {
        const chart = new Chart(new App({ outdir: 'unused' }), 'prop');
        const pod = new NodePinnedPod(chart, 'Pod', {
          metadata: { name: p.podName, labels: p.labels },
          nodeSelector: p.nodeSelector,
          containers,
        });
        for (const name of volumes) pod.addSharedVolume({ name, path: `/mnt/${name}` });
        pod.exposeViaNodePort({ name: p.serviceName });
        expect(checkManifests(chart.toJson())).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  test('every check passes what exposePodViaNodePort makes of a plain cdk8s-plus Pod', () => {
    fc.assert(
      fc.property(richContainers, containers => {
        const chart = new Chart(new App({ outdir: 'unused' }), 'prop');
        const pod = new kplus.Pod(chart, 'Pod', { metadata: { labels: { app: 'plain' } } });
        for (const c of containers) pod.addContainer({ ...c, securityContext: { user: 1000, group: 1000 } });
        exposePodViaNodePort(pod);
        // A plain cdk8s-plus Pod is only checked against the API server's rules, not Pod Security.
        expect(checkManifests(chart.toJson(), { podSecurity: 'privileged' })).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  test('every check passes the blog chart', () => {
    const chart = new BlogChart(new App({ outdir: 'unused' }), 'blog');
    expect(checkManifests(chart.toJson())).toEqual([]);
  });
});
