import fc from 'fast-check';
import { defaultManifest, defaultPullPolicy } from '../../lib/rules/defaults';
import { validateManifest } from '../../lib/rules/manifest';

type Json = Record<string, any>;

/** Freezes a value and everything in it, so a test fails if defaulting writes to its input. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const container = { name: 'app', image: 'nginx:1.25' };

describe('defaultManifest', () => {
  test('applies the v1 Pod, PodSpec, container, probe and volume defaults', () => {
    const pod = deepFreeze({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: {
        hostNetwork: true,
        containers: [
          {
            name: 'app',
            image: 'nginx',
            ports: [{ containerPort: 80 }, { containerPort: 70000 }],
            env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
            livenessProbe: { httpGet: { port: 80 } },
            lifecycle: { preStop: { httpGet: { port: 80 } } },
            resources: { limits: { cpu: '500m', memory: '-1' }, requests: { memory: '64Mi' } },
          },
        ],
        volumes: [
          { name: 'scratch' },
          { name: 'conf', configMap: { name: 'conf' } },
          { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
          { name: 'host', hostPath: { path: '/var/log' } },
        ],
      },
    });
    expect(defaultManifest(pod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: {
        hostNetwork: true,
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
        schedulerName: 'default-scheduler',
        enableServiceLinks: true,
        containers: [
          {
            name: 'app',
            image: 'nginx',
            imagePullPolicy: 'Always',
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            // Only a valid containerPort is copied into hostPort.
            ports: [
              { containerPort: 80, protocol: 'TCP', hostPort: 80 },
              { containerPort: 70000, protocol: 'TCP' },
            ],
            env: [{ name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
            livenessProbe: {
              httpGet: { port: 80, path: '/', scheme: 'HTTP' },
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            lifecycle: { preStop: { httpGet: { port: 80, path: '/', scheme: 'HTTP' } } },
            // A negative limit is not copied into requests: it is reported at the limit.
            resources: { limits: { cpu: '500m', memory: '-1' }, requests: { memory: '64Mi', cpu: '500m' } },
          },
        ],
        volumes: [
          { name: 'scratch', emptyDir: {} },
          { name: 'conf', configMap: { name: 'conf', defaultMode: 420 } },
          {
            name: 'token',
            projected: {
              defaultMode: 420,
              sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }],
            },
          },
          { name: 'host', hostPath: { path: '/var/log', type: '' } },
        ],
      },
    });
  });

  test('gives a workload template the PodSpec defaults but not the Pod-only ones', () => {
    const deployment = deepFreeze({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            hostNetwork: true,
            containers: [
              { ...container, ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } },
            ],
          },
        },
      },
    });
    expect(defaultManifest(deployment)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 1,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            hostNetwork: true,
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
            schedulerName: 'default-scheduler',
            containers: [
              {
                ...container,
                imagePullPolicy: 'IfNotPresent',
                terminationMessagePath: '/dev/termination-log',
                terminationMessagePolicy: 'File',
                ports: [{ containerPort: 80, protocol: 'TCP' }],
                resources: { limits: { cpu: '1' } },
              },
            ],
          },
        },
      },
    });
  });

  test('applies the Service defaults and the registry IP family policy', () => {
    const service = deepFreeze({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        type: 'NodePort',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
        selector: { app: 'web' },
        ports: [{ port: 80 }, { port: 0, targetPort: 0 }],
      },
    });
    expect(defaultManifest(service)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        type: 'NodePort',
        sessionAffinity: 'None',
        selector: { app: 'web' },
        // An invalid port is not copied into targetPort: it is reported at port.
        ports: [
          { port: 80, protocol: 'TCP', targetPort: 80 },
          { port: 0, targetPort: 0, protocol: 'TCP' },
        ],
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
      },
    });
  });

  test.each<[string, Json, Json]>([
    [
      'a StatefulSet',
      { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { updateStrategy: { rollingUpdate: {} } } },
      {
        podManagementPolicy: 'OrderedReady',
        replicas: 1,
        revisionHistoryLimit: 10,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      },
    ],
    [
      'a DaemonSet',
      { apiVersion: 'apps/v1', kind: 'DaemonSet', spec: {} },
      {
        revisionHistoryLimit: 10,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      },
    ],
    [
      'a Deployment that recreates, which gets no rollingUpdate',
      { apiVersion: 'apps/v1', kind: 'Deployment', spec: { strategy: { type: 'Recreate' } } },
      { replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'Recreate' } },
    ],
    ['a ReplicaSet', { apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: {} }, { replicas: 1 }],
    [
      'a Job',
      { apiVersion: 'batch/v1', kind: 'Job', spec: {} },
      { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false },
    ],
    [
      'a Job with parallelism only',
      { apiVersion: 'batch/v1', kind: 'Job', spec: { parallelism: 3 } },
      { parallelism: 3, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false },
    ],
    [
      'a CronJob, whose Job template keeps its own fields',
      { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: {} } } },
      {
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: { spec: {} },
      },
    ],
  ])('applies the defaults of %s', (_name, manifest, spec) => {
    expect((defaultManifest(deepFreeze(manifest)) as Json).spec).toEqual(spec);
  });

  test('copies only what it changes and returns an already-defaulted manifest itself', () => {
    const pod = deepFreeze({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { containers: [container], nodeSelector: { disk: 'ssd' } },
    });
    const once = defaultManifest(pod) as Json;
    expect(once).not.toBe(pod);
    expect(once.metadata).toBe(pod.metadata);
    expect(once.spec.nodeSelector).toBe(pod.spec.nodeSelector);
    expect(defaultManifest(once)).toBe(once);
  });

  test.each<[unknown]>([
    [null],
    ['Pod'],
    [[]],
    [{ apiVersion: 'v1', kind: 'ConfigMap', data: {} }],
    [{ kind: 'Pod' }],
  ])('returns %p as it is', value => {
    expect(defaultManifest(value)).toBe(value);
  });
});

describe('defaultPullPolicy', () => {
  test.each<[string, string]>([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['registry.example.com:5000/team/app', 'Always'],
    ['nginx:1.27.3', 'IfNotPresent'],
    [`nginx@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`nginx:1.27.3@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    ['localhost:5000/app:latest', 'Always'],
    ['NGINX', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ])('%p → %p', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('properties of defaultManifest', () => {
  const kinds = fc.constantFrom(
    ['v1', 'Pod'],
    ['v1', 'Service'],
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'StatefulSet'],
    ['apps/v1', 'DaemonSet'],
    ['apps/v1', 'ReplicaSet'],
    ['batch/v1', 'Job'],
    ['batch/v1', 'CronJob'],
  );
  const anyValue = fc.jsonValue({ maxDepth: 2 });
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyValue, fc.constant(undefined));
  const port = fc.record(
    {
      containerPort: maybe(fc.integer({ min: -1, max: 70000 })),
      hostPort: maybe(fc.integer({ min: 0, max: 70000 })),
      protocol: maybe(fc.constantFrom('', 'TCP', 'UDP')),
    },
    { requiredKeys: [] },
  );
  const probe = fc.record(
    {
      httpGet: maybe(fc.record({ port: maybe(fc.integer()), path: maybe(fc.string()) })),
      periodSeconds: maybe(fc.integer({ min: -1, max: 20 })),
    },
    { requiredKeys: [] },
  );
  const containerArb = fc.record(
    {
      name: maybe(fc.constantFrom('app', 'db')),
      image: maybe(fc.constantFrom('nginx', 'nginx:1.25', ' nginx')),
      ports: maybe(fc.array(port, { maxLength: 2 })),
      livenessProbe: maybe(probe),
      resources: maybe(
        fc.record(
          {
            limits: maybe(
              fc.dictionary(
                fc.constantFrom('cpu', 'memory'),
                fc.oneof(fc.constantFrom('1', '-1', '500m', 'x'), anyValue),
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      env: maybe(
        fc.array(
          fc.record({
            name: fc.constant('X'),
            valueFrom: maybe(
              fc.record(
                {
                  fieldRef: maybe(
                    fc.record({ fieldPath: fc.constant('metadata.name') }, { requiredKeys: [] }),
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
          }),
          { maxLength: 2 },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  const podSpec = fc.record(
    {
      hostNetwork: maybe(fc.boolean()),
      containers: maybe(fc.array(maybe(containerArb), { maxLength: 2 })),
      initContainers: maybe(fc.array(containerArb, { maxLength: 1 })),
      volumes: maybe(
        fc.array(
          fc.record(
            {
              name: maybe(fc.constant('v')),
              emptyDir: maybe(fc.constant({})),
              secret: maybe(fc.record({ secretName: fc.constant('s') })),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 2 },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  const serviceSpec = fc.record(
    {
      type: maybe(fc.constantFrom('', 'ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName')),
      sessionAffinity: maybe(fc.constantFrom('', 'None', 'ClientIP')),
      ports: maybe(
        fc.array(
          fc.record(
            {
              port: maybe(fc.integer({ min: 0, max: 70000 })),
              targetPort: maybe(fc.oneof(fc.integer(), fc.string())),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 2 },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  const manifest = fc.oneof(
    anyValue,
    fc
      .tuple(kinds, fc.oneof(podSpec, serviceSpec, anyValue), podSpec)
      .map(([[apiVersion, kind], spec, templateSpec]) => ({
        apiVersion,
        kind,
        metadata: { name: 'x' },
        spec:
          kind === 'Pod' ||
          kind === 'Service' ||
          spec === null ||
          typeof spec !== 'object' ||
          Array.isArray(spec)
            ? spec
            : {
                ...spec,
                template: { spec: templateSpec },
                jobTemplate: { spec: { template: { spec: templateSpec } } },
              },
      })),
  );

  test('never throws on any JSON, and never modifies its input', () => {
    fc.assert(
      fc.property(manifest, value => {
        const frozen = deepFreeze(structuredClone(value));
        defaultManifest(frozen);
      }),
      { numRuns: 300 },
    );
  });

  test('is idempotent: defaulting a defaulted manifest returns it unchanged, so no verdict changes', () => {
    fc.assert(
      fc.property(manifest, value => {
        const once = defaultManifest(value);
        expect(defaultManifest(once)).toBe(once);
        expect(validateManifest(once)).toEqual(validateManifest(value));
      }),
      { numRuns: 300 },
    );
  });
});
