import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { NodePinnedPod, validateManifest } from '../lib';
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

// Workloads: the same Pod spec rules inside every pod template, at the template's paths.

type Json = Record<string, unknown>;
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'] as const;
type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Where each kind keeps its pod template (as the API server writes it). */
const TEMPLATE_PATH: Record<WorkloadKind, string> = {
  Deployment: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  ReplicaSet: 'spec.template',
  Job: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
};

// Label keys the Job controller owns are left out: a template may not choose their values.
const templateLabels = labels.map(l =>
  Object.fromEntries(Object.entries(l).filter(([k]) => !/(^|\/)(job-name|controller-uid)$/.test(k))),
);
const cronField = (min: number, max: number) =>
  fc.oneof(
    fc.constant('*'),
    fc.integer({ min, max }).map(String),
    fc.integer({ min: 1, max }).map(n => `*/${n}`),
    fc
      .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
      .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
  );
const schedule = fc.oneof(
  fc.constantFrom('@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@every 90m'),
  fc
    .tuple(cronField(0, 59), cronField(0, 23), cronField(1, 31), cronField(1, 12), cronField(0, 6))
    .map(fields => fields.join(' ')),
);
const jsonContainers = fc
  .uniqueArray(
    fc.record({
      name: dns1035,
      port: fc.integer({ min: 1, max: 65535 }),
      env: fc.uniqueArray(envName, { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3, selector: c => c.name },
  )
  .filter(cs => new Set(cs.map(c => c.port)).size === cs.length)
  .map(cs =>
    cs.map(c => ({
      name: c.name,
      image: `registry.example.com/${c.name}:1.0.0`,
      ports: [{ containerPort: c.port }],
      env: c.env.map(name => ({ name, value: 'on' })),
    })),
  );

interface WorkloadProps {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly selectorKeys: number;
  readonly nodeSelector: Record<string, string>;
  readonly containers: Json[];
  readonly replicas: number;
  readonly minReadySeconds: number;
  readonly indexed: boolean;
  readonly completions: number;
  readonly restartPolicy: string;
  readonly schedule: string;
}

const workloadProps: fc.Arbitrary<WorkloadProps> = fc.record({
  kind: fc.constantFrom(...WORKLOAD_KINDS),
  name: dns1035,
  labels: templateLabels.filter(l => Object.keys(l).length > 0),
  selectorKeys: fc.integer({ min: 1, max: 3 }),
  nodeSelector: labels,
  containers: jsonContainers,
  replicas: fc.integer({ min: 0, max: 10 }),
  minReadySeconds: fc.integer({ min: 0, max: 599 }),
  indexed: fc.boolean(),
  completions: fc.integer({ min: 1, max: 1000 }),
  restartPolicy: fc.constantFrom('Never', 'OnFailure'),
  schedule,
});

/** A workload of the given props: the selector takes some of the template's labels; `spec` patches the Pod spec. */
function workload(p: WorkloadProps, podSpec: Json = {}, extraLabels: Record<string, string> = {}): Json {
  const selector = { matchLabels: Object.fromEntries(Object.entries(p.labels).slice(0, p.selectorKeys)) };
  const spec = { containers: p.containers, nodeSelector: p.nodeSelector, ...podSpec };
  const template = (restartPolicy?: string) => ({
    metadata: { labels: { ...p.labels, ...extraLabels } },
    spec: restartPolicy === undefined ? spec : { ...spec, restartPolicy },
  });
  const metadata = { name: p.name };
  switch (p.kind) {
    case 'Job':
      return {
        apiVersion: 'batch/v1',
        kind: p.kind,
        metadata,
        spec: {
          template: template(p.restartPolicy),
          ...(p.indexed ? { completionMode: 'Indexed', completions: p.completions } : {}),
        },
      };
    case 'CronJob':
      return {
        apiVersion: 'batch/v1',
        kind: p.kind,
        metadata,
        spec: { schedule: p.schedule, jobTemplate: { spec: { template: template(p.restartPolicy) } } },
      };
    case 'DaemonSet':
      return {
        apiVersion: 'apps/v1',
        kind: p.kind,
        metadata,
        spec: { selector, template: template(), minReadySeconds: p.minReadySeconds },
      };
    default:
      return {
        apiVersion: 'apps/v1',
        kind: p.kind,
        metadata,
        spec: { selector, template: template(), replicas: p.replicas, minReadySeconds: p.minReadySeconds },
      };
  }
}

describe('properties of the workload rules', () => {
  test('valid generated workloads of every kind give no problem and fit the schema', () => {
    fc.assert(
      fc.property(workloadProps, p => {
        const obj = workload(p);
        expect(validateManifest(obj)).toEqual([]);
        expectSchemaValid([obj]);
      }),
      { numRuns: 200 },
    );
  });

  /** Errors a workload gives, each of which must lie inside its pod template. */
  const templateErrors = (p: WorkloadProps, podSpec: Json, extraLabels: Record<string, string> = {}) => {
    const problems = validateManifest(workload(p, podSpec, extraLabels));
    for (const problem of problems) expect(problem.field.startsWith(`${TEMPLATE_PATH[p.kind]}.`)).toBe(true);
    return problems.filter(problem => problem.severity === 'error');
  };

  test('fails any invalid container name inside a template, at the template path', () => {
    const badName = fc.oneof(
      dns1035.map(n => `${n}A`),
      dns1035.map(n => `-${n}`),
      dns1035.map(n => `${n}_x`),
      dns1035.map(n => `${n}.x`),
      fc.constant('a'.repeat(64)),
    );
    fc.assert(
      fc.property(workloadProps, badName, (p, name) => {
        const [first, ...rest] = p.containers;
        const errors = templateErrors(p, { containers: [{ ...first, name }, ...rest] });
        expect(errors).toContainEqual(
          expect.objectContaining({
            rule: 'container-name-invalid',
            field: `${TEMPLATE_PATH[p.kind]}.spec.containers[0].name`,
            value: name,
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  test('fails any invalid container port inside a template, at the template path', () => {
    const badPort = fc.oneof(fc.integer({ min: 65536, max: 1_000_000 }), fc.integer({ min: -1000, max: -1 }));
    fc.assert(
      fc.property(workloadProps, badPort, (p, port) => {
        const [first, ...rest] = p.containers;
        const errors = templateErrors(p, {
          containers: [{ ...first, ports: [{ containerPort: port }] }, ...rest],
        });
        expect(errors).toContainEqual(
          expect.objectContaining({
            rule: 'container-port-invalid',
            field: `${TEMPLATE_PATH[p.kind]}.spec.containers[0].ports[0].containerPort`,
            value: port,
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  test('fails any invalid template label key or value, at <template>.labels', () => {
    const badLabel = fc.oneof(
      labelPart.map(k => [`${k}-`, 'v']),
      labelPart.map(k => [`a/b/${k}`, 'v']),
      labelPart.map(v => ['zz', `${v}!`]),
      fc.constant(['zz', 'x'.repeat(64)]),
    );
    fc.assert(
      fc.property(workloadProps, badLabel, (p, [key, value]) => {
        fc.pre(!Object.hasOwn(p.labels, key));
        const errors = templateErrors(p, {}, { [key]: value });
        expect(errors).toContainEqual(
          expect.objectContaining({
            rule: expect.stringMatching(/^label-(key|value)-invalid$/),
            field: `${TEMPLATE_PATH[p.kind]}.labels`,
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  test('never throws on arbitrary JSON shaped like a workload', () => {
    const any = fc.anything({ maxDepth: 3 });
    const podSpec = fc.record(
      {
        containers: any,
        initContainers: any,
        nodeSelector: any,
        restartPolicy: any,
        ephemeralContainers: any,
      },
      { requiredKeys: [] },
    );
    const template = fc.oneof(
      any,
      fc.record({ metadata: any, spec: fc.oneof(any, podSpec) }, { requiredKeys: [] }),
    );
    const spec = fc.record(
      {
        selector: fc.oneof(any, fc.record({ matchLabels: any, matchExpressions: any }, { requiredKeys: [] })),
        template,
        strategy: any,
        updateStrategy: fc.oneof(any, fc.record({ type: any, rollingUpdate: any }, { requiredKeys: [] })),
        replicas: any,
        minReadySeconds: any,
        progressDeadlineSeconds: any,
        persistentVolumeClaimRetentionPolicy: any,
        ordinals: any,
        completionMode: any,
        completions: any,
        parallelism: any,
        manualSelector: any,
        podFailurePolicy: any,
        schedule: fc.oneof(
          any,
          fc.string({ unit: 'binary' }),
          schedule.map(s => `TZ=${s}`),
        ),
        timeZone: fc.oneof(any, fc.string()),
        concurrencyPolicy: any,
        jobTemplate: fc.oneof(
          any,
          fc.record({ spec: fc.record({ template, selector: any }, { requiredKeys: [] }) }),
        ),
      },
      { requiredKeys: [] },
    );
    const manifest = fc.record(
      {
        apiVersion: fc.constantFrom('apps/v1', 'batch/v1'),
        kind: fc.constantFrom(...WORKLOAD_KINDS),
        metadata: fc.oneof(
          any,
          fc.record({ name: fc.oneof(any, fc.string()), labels: any }, { requiredKeys: [] }),
        ),
        spec: fc.oneof(any, spec),
      },
      { requiredKeys: ['apiVersion', 'kind'] },
    );
    fc.assert(
      fc.property(manifest, obj => {
        expect(() => validateManifest(obj)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
