import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { exposePodViaNodePort, MultiContainerPod } from '../lib';
import { loadKubectlFixture } from './support/kubectl-fixtures';
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
        '  [test/Pod/webNodePortService] spec.ports[1].targetPort: no container of the Pods Service "default/web" selects (default/test-pod-c890e1b8) declares containerPort 81 with protocol TCP; traffic sent to the Service most likely hits a closed port (got 81). Fix: Set spec.ports[1].targetPort to a port the selected Pods declare, or add containerPort 81 (TCP) to their container.',
        '  [test/Pod/webNodePortService] spec.ports[2].targetPort: no container of the Pods Service "default/web" selects (default/test-pod-c890e1b8) declares containerPort 80 with protocol UDP; traffic sent to the Service most likely hits a closed port (got 80). Fix: Set spec.ports[2].targetPort to a port the selected Pods declare, or add containerPort 80 (UDP) to their container.',
      ].join('\n'),
    );
  });

  test('fails at synth when a target is not exposed by a plain cdk8s-plus Pod either', () => {
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'Pod', { metadata: { labels: { app: 'web' } }, containers: [web] });

    exposePodViaNodePort(pod, { name: 'web', ports: [{ port: 81 }] });

    expect(() => Testing.synth(chart)).toThrow(
      '[test/Pod/webNodePortService] spec.ports[0].targetPort: no container of the Pods Service "default/web" selects (default/test-pod-c890e1b8) declares containerPort 81 with protocol TCP',
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
