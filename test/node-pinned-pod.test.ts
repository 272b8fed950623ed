import { Testing } from 'cdk8s';
import { NodePinnedPod } from '../lib';

type Manifest = Record<string, any>;

const web = { name: 'web', image: 'nginx:1.27.3', portNumber: 80 };

describe('NodePinnedPod', () => {
  test('renders nodeSelector exactly as given, not as node affinity', () => {
    const chart = Testing.chart();
    new NodePinnedPod(chart, 'Pod', {
      containers: [web],
      nodeSelector: { hostname: 'worker-node2', 'kubernetes.io/os': 'linux' },
    });

    const [pod] = Testing.synth(chart) as Manifest[];

    expect(pod.spec.nodeSelector).toEqual({ hostname: 'worker-node2', 'kubernetes.io/os': 'linux' });
    expect(pod.spec.affinity).toBeUndefined();
    expect(pod).toMatchSnapshot();
  });

  test('exposes a copy of its nodeSelector that cannot change the manifest', () => {
    const chart = Testing.chart();
    const pod = new NodePinnedPod(chart, 'Pod', { containers: [web], nodeSelector: { hostname: 'a' } });

    pod.nodeSelector.hostname = 'b';

    expect(pod.nodeSelector).toEqual({ hostname: 'a' });
    expect((Testing.synth(chart)[0] as Manifest).spec.nodeSelector).toEqual({ hostname: 'a' });
  });

  test('is still a MultiContainerPod: shares volumes and exposes ports', () => {
    const chart = Testing.chart();
    const pod = new NodePinnedPod(chart, 'Pod', {
      metadata: { labels: { app: 'web' } },
      containers: [
        web,
        { name: 'exporter', image: 'nginx/nginx-prometheus-exporter:1.4.0', portNumber: 9113 },
      ],
      nodeSelector: { hostname: 'worker-node2' },
    });

    pod.addSharedVolume({ name: 'tmp', path: '/tmp' });
    const service = pod.exposeViaNodePort();

    const [manifest, svc] = Testing.synth(chart) as Manifest[];
    expect(manifest.spec.nodeSelector).toEqual({ hostname: 'worker-node2' });
    expect(manifest.spec.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(svc.metadata.name).toBe(service.name);
    expect(svc.spec.selector).toEqual({ app: 'web' });
  });

  test('fails on an empty nodeSelector', () => {
    const chart = Testing.chart();

    expect(() => new NodePinnedPod(chart, 'Pod', { containers: [web], nodeSelector: {} })).toThrow(
      "test/Pod: nodeSelector must hold at least one node label (got {}). Pass e.g. { hostname: 'worker-node2' }, or use MultiContainerPod to let the scheduler pick any node.",
    );
  });
});
