import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { ExternalTrafficPolicy, exposePodViaNodePort, exposeViaNodePort, MultiContainerPod } from '../lib';
import { kubectlFixtureCases, loadKubectlFixture } from './support/kubectl-fixtures';
import { expectSchemaValid } from './support/schema';

type Manifest = Record<string, any>;

function synthService(chart: ReturnType<typeof Testing.chart>): Manifest {
  return (Testing.synth(chart) as Manifest[]).find(m => m.kind === 'Service') as Manifest;
}

const db = { name: 'db', image: 'mysql:8.4.3', portNumber: 3306 };
const web = { name: 'web', image: 'nginx:1.27.3', portNumber: 80 };

describe('exposeViaNodePort', () => {
  test('defaults to what kubectl expose --type=NodePort makes: name, labels, selector, ports', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', {
      metadata: { name: 'shop', labels: { app: 'shop', tier: 'web' } },
      containers: [db, web],
    });

    pod.exposeViaNodePort();

    const service = synthService(chart);
    expect(service.metadata).toEqual({ name: 'shop', labels: { app: 'shop', tier: 'web' } });
    expect(service.spec.type).toBe('NodePort');
    expect(service.spec.selector).toEqual({ app: 'shop', tier: 'web' });
    expect(service.spec.ports).toEqual([
      { name: 'port-1', port: 3306, targetPort: 3306, protocol: 'TCP' },
      { name: 'port-2', port: 80, targetPort: 80, protocol: 'TCP' },
    ]);
    expect(service).toMatchSnapshot();
  });

  test('leaves a single port unnamed, as kubectl does', () => {
    const chart = Testing.chart();
    new MultiContainerPod(chart, 'Pod', {
      metadata: { labels: { app: 'web' } },
      containers: [web],
    }).exposeViaNodePort();

    expect(synthService(chart).spec.ports).toEqual([{ port: 80, targetPort: 80, protocol: 'TCP' }]);
  });

  test('names ports after named container ports and keeps their protocol', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', {
      metadata: { labels: { app: 'dns' } },
      containers: [
        {
          name: 'dns',
          image: 'coredns/coredns:1.11.3',
          ports: [
            { number: 53, protocol: kplus.Protocol.UDP, name: 'dns' },
            { number: 53, name: 'dns-tcp' },
          ],
        },
        { name: 'exporter', image: 'prom/statsd-exporter:v0.27.2', ports: [{ number: 9102 }] },
      ],
    });

    pod.exposeViaNodePort({ name: 'dns' });

    expect(synthService(chart).spec.ports).toEqual([
      { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
      { name: 'port-2', port: 9102, targetPort: 9102, protocol: 'TCP' }, // kubectl counts distinct port numbers
    ]);
  });

  test('exposes a chosen subset of ports with pinned node ports', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', {
      metadata: { labels: { app: 'shop' } },
      containers: [db, web],
    });

    const service = pod.exposeViaNodePort({
      name: 'shop-web',
      ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }],
    });

    expect(service.name).toBe('shop-web');
    expect(synthService(chart).spec.ports).toEqual([
      { port: 8080, targetPort: 80, nodePort: 30080, protocol: 'TCP' },
    ]);
  });

  test('creates the Service in the Pod scope and returns it', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web] });

    const service = pod.exposeViaNodePort();

    expect(service).toBeInstanceOf(kplus.Service);
    expect(service.node.scope).toBe(pod);
    expect(service.type).toBe(kplus.ServiceType.NODE_PORT);
  });

  test('selects by the address label only when the Pod has no labels of its own', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web] });

    pod.exposeViaNodePort();

    const service = synthService(chart);
    expect(service.spec.selector).toEqual({
      [kplus.Pod.ADDRESS_LABEL]: pod.metadata.getLabel(kplus.Pod.ADDRESS_LABEL),
    });
    expect(service.metadata.labels).toBeUndefined();
    expect(service.metadata.name).toBe(pod.name);
  });

  test('works on a plain cdk8s-plus Pod too', () => {
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'Pod', { metadata: { labels: { app: 'web' } }, containers: [web] });

    exposePodViaNodePort(pod, { name: 'web' });

    expect(synthService(chart).spec).toMatchObject({ type: 'NodePort', selector: { app: 'web' } });
  });

  test('fails at synth when a target port is not exposed by any container', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web] });

    pod.exposeViaNodePort({
      name: 'web',
      ports: [
        { port: 80 },
        { port: 81, name: 'other' },
        { port: 80, protocol: kplus.Protocol.UDP, name: 'udp' },
      ],
    });

    expect(() => Testing.synth(chart)).toThrow(
      [
        'Validation failed with the following errors:',
        '  [test/Pod/NodePortService-web] spec.ports[1].targetPort: no container of the Pods Service "default/web" selects (default/test-pod-c890e1b8) declares containerPort 81 with protocol TCP; traffic sent to the Service most likely hits a closed port (got 81). Fix: Set spec.ports[1].targetPort to a port the selected Pods declare, or add containerPort 81 (TCP) to their container.',
        '  [test/Pod/NodePortService-web] spec.ports[2].targetPort: no container of the Pods Service "default/web" selects (default/test-pod-c890e1b8) declares containerPort 80 with protocol UDP; traffic sent to the Service most likely hits a closed port (got 80). Fix: Set spec.ports[2].targetPort to a port the selected Pods declare, or add containerPort 80 (UDP) to their container.',
      ].join('\n'),
    );
  });

  test('fails at synth when a target is not exposed by a plain cdk8s-plus Pod either', () => {
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'Pod', { metadata: { labels: { app: 'web' } }, containers: [web] });

    exposePodViaNodePort(pod, { name: 'web', ports: [{ port: 81 }] });

    expect(() => Testing.synth(chart)).toThrow(
      '[test/Pod/NodePortService-web] spec.ports[0].targetPort: no container of the Pods Service "default/web" selects (default/test-pod-c890e1b8) declares containerPort 81 with protocol TCP',
    );
  });

  test('fails when the Pod has no port to expose', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [{ name: 'job', image: 'busybox:1.37' }] });

    expect(() => pod.exposeViaNodePort()).toThrow(
      'test/Pod: cannot expose a Pod whose containers expose no port. Give a container `portNumber` or `ports`, or pass `ports` to exposeViaNodePort().',
    );
  });
});

describe('exposeViaNodePort matches the real kubectl expose --type=NodePort', () => {
  /** Builds the fixture Pod with our construct; `withNames: false` drops container port names. */
  function exposeFixturePod(pod: Record<string, any>, serviceName: string, withNames: boolean): Manifest {
    const chart = Testing.chart();
    const construct = new MultiContainerPod(chart, 'Pod', {
      metadata: { name: pod.metadata.name, labels: pod.metadata.labels },
      containers: pod.spec.containers.map((c: Manifest) => ({
        name: c.name,
        image: c.image,
        ports: c.ports.map((p: Manifest) => ({
          number: p.containerPort,
          protocol: p.protocol as kplus.Protocol | undefined,
          name: withNames ? p.name : undefined,
        })),
      })),
    });
    construct.exposeViaNodePort({ name: serviceName });
    const service = synthService(chart);
    delete service.spec.externalIPs; // cdk8s-plus always writes an empty list; same meaning as absent
    return service;
  }

  test.each(['one-port', 'two-port', 'udp'])('%s: identical when container ports are unnamed', caseName => {
    const { input: pod, service } = loadKubectlFixture(caseName);

    const ours = exposeFixturePod(pod, (service as Manifest).metadata.name, false);

    expect(ours).toEqual(service);
    expectSchemaValid([ours]);
  });

  test('udp: named container ports name the Service ports, all else as kubectl', () => {
    const { input: pod, service } = loadKubectlFixture('udp');

    const ours = exposeFixturePod(pod, 'dns-svc', true);

    expect(ours.spec.ports.map((p: Manifest) => p.name)).toEqual(['dns', 'dns-tcp', 'metrics']);
    const withoutNames = (s: Manifest) => s.spec.ports.map(({ name: _, ...rest }: Manifest) => rest);
    expect(withoutNames(ours)).toEqual(withoutNames(service as Manifest));
    expect({ ...ours, spec: { ...ours.spec, ports: [] } }).toEqual({
      ...service,
      spec: { ...(service as Manifest).spec, ports: [] },
    });
  });
});

describe('exposeViaNodePort for workloads', () => {
  const api = { name: 'api', image: 'nginx:1.27.3', portNumber: 8080 };

  test('exposes a Deployment as kubectl expose deployment does: its labels, its selector, its template ports', () => {
    // GIVEN a cdk8s-plus Deployment with labels of its own
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Api', {
      metadata: { name: 'api', labels: { app: 'api', tier: 'backend' } },
      containers: [
        api,
        { name: 'metrics', image: 'nginx:1.27.3', ports: [{ number: 9090, name: 'metrics' }] },
      ],
    });

    // WHEN
    const service = exposeViaNodePort(deployment);

    // THEN
    const manifests = Testing.synth(chart) as Manifest[];
    const rendered = manifests.find(m => m.kind === 'Service') as Manifest;
    const selector = (manifests.find(m => m.kind === 'Deployment') as Manifest).spec.selector.matchLabels;
    expect(service.name).toBe('api');
    expect(rendered.metadata).toEqual({ name: 'api', labels: { app: 'api', tier: 'backend' } });
    expect(rendered.spec.selector).toEqual(selector);
    expect(rendered.spec.selector).toEqual({ 'cdk8s.io/metadata.addr': expect.stringMatching(/^test-Api-/) });
    expect(rendered.spec.ports).toEqual([
      { name: 'port-1', port: 8080, targetPort: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' },
    ]);
    expectSchemaValid(manifests);
  });

  test.each(['StatefulSet', 'DaemonSet'])(
    'gives a %s, which kubectl refuses, the Deployment semantics',
    kind => {
      const chart = Testing.chart();
      const metadata = { name: 'agent', labels: { app: 'agent' } };
      const workload =
        kind === 'StatefulSet'
          ? new kplus.StatefulSet(chart, 'W', {
              metadata,
              containers: [api],
              service: new kplus.Service(chart, 'Headless', { clusterIP: 'None', ports: [{ port: 8080 }] }),
            })
          : new kplus.DaemonSet(chart, 'W', { metadata, containers: [api] });

      exposeViaNodePort(workload, { name: 'agent-np' });

      const manifests = Testing.synth(chart) as Manifest[];
      const rendered = manifests.find(m => m.metadata.name === 'agent-np') as Manifest;
      const own = manifests.find(m => m.kind === kind) as Manifest;
      expect(rendered.metadata.labels).toEqual({ app: 'agent' });
      expect(rendered.spec.selector).toEqual(own.spec.selector.matchLabels);
      expect(rendered.spec.ports).toEqual([{ port: 8080, targetPort: 8080, protocol: 'TCP' }]);
    },
  );

  test('adds labels and annotations and sets externalTrafficPolicy; extra labels never change the selector', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', {
      metadata: { labels: { app: 'web' } },
      containers: [web],
    });

    exposeViaNodePort(pod, {
      labels: { team: 'shop', app: 'web-public' },
      annotations: { 'example.com/owner': 'shop' },
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
    });

    const service = synthService(chart);
    expect(service.metadata.labels).toEqual({ app: 'web-public', team: 'shop' });
    expect(service.metadata.annotations).toEqual({ 'example.com/owner': 'shop' });
    expect(service.spec.selector).toEqual({ app: 'web' });
    expect(service.spec.externalTrafficPolicy).toBe('Local');
  });

  test('a container-port clash is reported once, on the Pod, with no follow-on Service errors', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', {
      metadata: { labels: { app: 'twin' } },
      containers: [web, { ...web, name: 'sidecar' }],
    });
    pod.exposeViaNodePort();

    const message = (() => {
      try {
        Testing.synth(chart);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();

    expect(message.split('\n').slice(1)).toEqual([
      expect.stringContaining(
        '[test/Pod] spec.containers[1].ports[0].containerPort: containers "web" and "sidecar" both listen on port 80/TCP',
      ),
    ]);
  });

  test('fails when the same target is exposed twice without a name, saying to pass one', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Api', { containers: [api] });
    exposeViaNodePort(deployment);

    expect(() => exposeViaNodePort(deployment)).toThrow(
      'test/Api: this Deployment is already exposed by test/Api/NodePortService. Pass a distinct `name` to exposeViaNodePort() to add another Service.',
    );
    expect(() => exposeViaNodePort(deployment, { name: 'api-admin' })).not.toThrow();
  });

  test('fails on a Job, whose Pods run to completion', () => {
    const chart = Testing.chart();
    const job = new kplus.Job(chart, 'Job', { containers: [api] });

    expect(() => exposeViaNodePort(job)).toThrow(
      'test/Job: cannot expose a batch/v1 Job. Pass a Pod, Deployment, StatefulSet, DaemonSet or ReplicaSet (the Pods of Jobs and CronJobs run to completion).',
    );
  });

  test('fails on a selector with matchExpressions, as kubectl does', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Api', { containers: [api], select: false });
    deployment.select(kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.exists('app')] }));

    expect(() => exposeViaNodePort(deployment)).toThrow(
      'test/Api: cannot expose a Deployment whose selector has matchExpressions: a Service selects by labels only (kubectl expose refuses it too). Select its Pods with matchLabels.',
    );
  });
});

describe('exposeViaNodePort matches the real kubectl expose deployment --type=NodePort', () => {
  test.each(kubectlFixtureCases('Deployment'))(
    '%s: identical for the same Deployment as an L1 object',
    caseName => {
      const { input, service } = loadKubectlFixture(caseName);
      const chart = Testing.chart();
      const deployment = new k8s.KubeDeployment(chart, 'Deployment', input as k8s.KubeDeploymentProps);

      exposeViaNodePort(deployment, { name: (service as Manifest).metadata.name });

      const ours = synthService(chart);
      delete ours.spec.externalIPs; // cdk8s-plus always writes an empty list; same meaning as absent
      expect(ours).toEqual(service);
    },
  );

  test('deployment-two-ports: identical for the same Deployment built with cdk8s-plus', () => {
    const { input, service } = loadKubectlFixture('deployment-two-ports');
    const spec = (input as Manifest).spec;
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Deployment', {
      metadata: (input as Manifest).metadata,
      podMetadata: { labels: spec.template.metadata.labels },
      select: false,
      containers: spec.template.spec.containers.map((c: Manifest) => ({
        name: c.name,
        image: c.image,
        ports: c.ports.map((p: Manifest) => ({ number: p.containerPort, protocol: p.protocol })),
      })),
    });
    deployment.select(kplus.LabelSelector.of({ labels: spec.selector.matchLabels }));

    exposeViaNodePort(deployment);

    const ours = synthService(chart);
    delete ours.spec.externalIPs;
    expect(ours).toEqual(service);
  });
});
