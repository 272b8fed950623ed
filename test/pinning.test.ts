import { ApiObject, Cron, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { NodePinnedPod, nodeSelectorOf, pinToNodes } from '../lib';

type Manifest = Record<string, any>;

const web = { name: 'web', image: 'nginx:1.27.3', portNumber: 8080 };
const ssd = { disk: 'ssd', 'kubernetes.io/os': 'linux' };

/** The rendered value at a dotted path, e.g. `spec.template.spec.nodeSelector`. */
function at(manifest: Manifest, dotted: string): unknown {
  return dotted.split('.').reduce<any>((value, key) => value?.[key], manifest);
}

describe('pinToNodes', () => {
  // GIVEN each pod-bearing kind cdk8s-plus makes
  const kinds: [string, string, (chart: ReturnType<typeof Testing.chart>) => kplus.AbstractPod][] = [
    ['Pod', 'spec.nodeSelector', c => new kplus.Pod(c, 'W', { containers: [web] })],
    [
      'Deployment',
      'spec.template.spec.nodeSelector',
      c => new kplus.Deployment(c, 'W', { containers: [web] }),
    ],
    [
      'StatefulSet',
      'spec.template.spec.nodeSelector',
      c =>
        new kplus.StatefulSet(c, 'W', {
          containers: [web],
          service: new kplus.Service(c, 'Headless', { clusterIP: 'None', ports: [{ port: 8080 }] }),
        }),
    ],
    ['DaemonSet', 'spec.template.spec.nodeSelector', c => new kplus.DaemonSet(c, 'W', { containers: [web] })],
    ['Job', 'spec.template.spec.nodeSelector', c => new kplus.Job(c, 'W', { containers: [web] })],
    [
      'CronJob',
      'spec.jobTemplate.spec.template.spec.nodeSelector',
      c => new kplus.CronJob(c, 'W', { containers: [web], schedule: Cron.daily() }),
    ],
  ];

  test.each(kinds)('writes the %s nodeSelector at %s, exactly as given', (kind, path, make) => {
    const chart = Testing.chart();
    const target = make(chart);

    // WHEN
    const result = pinToNodes(target, ssd);

    // THEN
    const manifest = (Testing.synth(chart) as Manifest[]).find(m => m.kind === kind) as Manifest;
    expect(at(manifest, path)).toEqual(ssd);
    expect(result).toEqual(ssd);
    expect(nodeSelectorOf(target)).toEqual(ssd);
    // cdk8s-plus expresses placement as affinity; pinning must not add any.
    expect(JSON.stringify(manifest)).not.toContain('affinity');
  });

  test('pins an L1 ReplicaSet too', () => {
    const chart = Testing.chart();
    const rs = new k8s.KubeReplicaSet(chart, 'Rs', {
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        },
      },
    });

    pinToNodes(rs, { zone: 'a' });

    expect((Testing.synth(chart)[0] as Manifest).spec.template.spec.nodeSelector).toEqual({ zone: 'a' });
  });

  test('merges a second call, later keys winning, and reads the merge back', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Web', { containers: [web] });

    pinToNodes(deployment, { disk: 'hdd', zone: 'a' });
    const result = pinToNodes(deployment, { disk: 'ssd' });

    expect(result).toEqual({ disk: 'ssd', zone: 'a' });
    expect(nodeSelectorOf(deployment)).toEqual({ disk: 'ssd', zone: 'a' });
    expect((Testing.synth(chart)[0] as Manifest).spec.template.spec.nodeSelector).toEqual({
      disk: 'ssd',
      zone: 'a',
    });
  });

  test('writes the selector with sorted keys, as cdk8s sorts every other map', () => {
    // GIVEN keys given out of order, over two calls
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'Pod', { containers: [web] });
    pinToNodes(pod, { 'kubernetes.io/os': 'linux', disk: 'ssd' });
    pinToNodes(pod, { 'kubernetes.io/arch': 'amd64' });

    // THEN the YAML lists them in order (JSON patches apply after cdk8s sorts keys)
    const nodeSelector = (Testing.synth(chart)[0] as Manifest).spec.nodeSelector;
    expect(Object.keys(nodeSelector)).toEqual(['disk', 'kubernetes.io/arch', 'kubernetes.io/os']);
  });

  test('returns and reads back copies that cannot change the manifest', () => {
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'Pod', { containers: [web] });
    const given = { disk: 'ssd' };

    const result = pinToNodes(pod, given) as Record<string, string>;
    result.disk = 'hdd';
    given.disk = 'nvme';
    (nodeSelectorOf(pod) as Record<string, string>).disk = 'tape';

    expect((Testing.synth(chart)[0] as Manifest).spec.nodeSelector).toEqual({ disk: 'ssd' });
  });

  test('NodePinnedPod pins through pinToNodes: a later pinToNodes call merges into it', () => {
    const chart = Testing.chart();
    const pod = new NodePinnedPod(chart, 'Pod', {
      containers: [web],
      nodeSelector: { hostname: 'worker-node2' },
    });

    pinToNodes(pod, { 'kubernetes.io/os': 'linux' });

    expect(pod.nodeSelector).toEqual({ hostname: 'worker-node2', 'kubernetes.io/os': 'linux' });
    expect((Testing.synth(chart)[0] as Manifest).spec.nodeSelector).toEqual(pod.nodeSelector);
  });

  test('reads back undefined for an object never pinned', () => {
    const chart = Testing.chart();
    expect(nodeSelectorOf(new kplus.Deployment(chart, 'Web', { containers: [web] }))).toBeUndefined();
  });

  test('fails on an empty selector, naming the construct', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Web', { containers: [web] });

    expect(() => pinToNodes(deployment, {})).toThrow(
      "test/Web: nodeSelector must hold at least one node label (got {}). Pass e.g. { 'kubernetes.io/hostname': 'worker-node2' }, or do not pin to let the scheduler pick any node.",
    );
  });

  test('fails on an object that carries no Pod spec', () => {
    const chart = Testing.chart();
    const config = new kplus.ConfigMap(chart, 'Config');

    expect(() => pinToNodes(config, { disk: 'ssd' })).toThrow(
      'test/Config: cannot pin a v1 ConfigMap to nodes. Pass a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob.',
    );
    expect(ApiObject.of(config).toJson()).not.toHaveProperty('spec');
  });
});
