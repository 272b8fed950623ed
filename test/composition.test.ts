import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { BlogChart, MultiContainerPod, NodePinnedPod } from '../lib';
import { expectSchemaValid } from './support/schema';

type Manifest = Record<string, any>;

const web = { name: 'web', image: 'nginx:1.27.3', portNumber: 80 };
const cache = { name: 'cache', image: 'redis:7.4.1', portNumber: 6379 };

function byKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter(m => m.kind === kind);
}

describe('composing the constructs', () => {
  test('two Pods and their Services in one chart do not clash in names or selectors', () => {
    const chart = Testing.chart();
    const a = new MultiContainerPod(chart, 'A', { containers: [web] });
    const b = new NodePinnedPod(chart, 'B', { containers: [web, cache], nodeSelector: { disk: 'ssd' } });
    a.exposeViaNodePort();
    b.exposeViaNodePort();

    const manifests = Testing.synth(chart) as Manifest[];
    const pods = byKind(manifests, 'Pod');
    const services = byKind(manifests, 'Service');

    expect(new Set(manifests.map(m => `${m.kind}/${m.metadata.name}`)).size).toBe(4);
    expectSchemaValid(manifests);
    expect(services.map(s => s.metadata.name)).toEqual(pods.map(p => p.metadata.name));
    // each Service selects its own Pod and only that one
    for (const service of services) {
      const selected = pods.filter(p =>
        Object.entries(service.spec.selector).every(([k, v]) => p.metadata.labels[k] === v),
      );
      expect(selected.map(p => p.metadata.name)).toEqual([service.metadata.name]);
    }
  });

  test('keeps the chart namespace and labels, selecting by the Pod labels only', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop', labels: { team: 'payments' } });
    const one = new MultiContainerPod(chart, 'One', {
      metadata: { labels: { app: 'one' } },
      containers: [web],
    });
    const two = new MultiContainerPod(chart, 'Two', { containers: [web] });
    one.exposeViaNodePort({ name: 'one' });
    two.exposeViaNodePort({ name: 'two' });

    const manifests = Testing.synth(chart) as Manifest[];

    expectSchemaValid(manifests);
    for (const m of manifests) {
      expect(m.metadata.namespace).toBe('shop');
      expect(m.metadata.labels.team).toBe('payments');
    }
    const [svcOne, svcTwo] = byKind(manifests, 'Service');
    expect(svcOne.metadata.labels).toEqual({ team: 'payments', app: 'one' });
    expect(svcOne.spec.selector).toEqual({ app: 'one' });
    // no label of its own: the chart label would select both Pods, so the address label is used
    expect(Object.keys(svcTwo.spec.selector)).toEqual(['cdk8s.io/metadata.addr']);
  });

  test('a Pod given its own namespace gets its Service in the same namespace', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { metadata: { namespace: 'edge' }, containers: [web] });
    pod.exposeViaNodePort();

    expect((Testing.synth(chart) as Manifest[]).map(m => m.metadata.namespace)).toEqual(['edge', 'edge']);
  });

  test('works under any construct scope, not only directly in a chart', () => {
    class Shop extends Construct {
      constructor(scope: Construct, id: string) {
        super(scope, id);
        new NodePinnedPod(this, 'Pod', {
          containers: [web],
          nodeSelector: { zone: 'a' },
        }).exposeViaNodePort();
      }
    }
    const chart = Testing.chart();
    new Shop(chart, 'East');
    new Shop(chart, 'West');

    const manifests = Testing.synth(chart) as Manifest[];

    expect(manifests.map(m => m.metadata.name)).toEqual([
      expect.stringMatching(/^test-east-pod-c8[0-9a-f]+$/),
      expect.stringMatching(/^test-east-pod-c8[0-9a-f]+$/),
      expect.stringMatching(/^test-west-pod-c8[0-9a-f]+$/),
      expect.stringMatching(/^test-west-pod-c8[0-9a-f]+$/),
    ]);
  });

  test('two blog charts in one app, in two namespaces, do not clash', () => {
    const app = new App({ outdir: 'unused' });
    const staging = new BlogChart(app, 'staging', { namespace: 'staging' });
    const prod = new BlogChart(app, 'prod', { namespace: 'prod' });

    const keys = [staging, prod].flatMap(c =>
      (Testing.synth(c) as Manifest[]).map(m => `${m.metadata.namespace}/${m.kind}/${m.metadata.name}`),
    );

    expect(keys).toEqual([
      'staging/Pod/pooh-db-nginx-pod',
      'staging/Service/pooh-pod-service',
      'prod/Pod/pooh-db-nginx-pod',
      'prod/Service/pooh-pod-service',
    ]);
  });
});
