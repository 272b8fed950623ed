import { type Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { MultiContainerPod } from '../lib';

type Manifest = Record<string, any>;

function podSpec(chart: Chart): Manifest {
  const pod = Testing.synth(chart).find((m: Manifest) => m.kind === 'Pod');
  return pod.spec;
}

const web = { name: 'web', image: 'nginx:1.27.3', portNumber: 80 };
const sidecar = { name: 'sidecar', image: 'busybox:1.37', portNumber: 9000 };

describe('MultiContainerPod', () => {
  test('renders every container in one Pod spec', () => {
    const chart = Testing.chart();
    new MultiContainerPod(chart, 'Pod', { containers: [web, sidecar] });

    const spec = podSpec(chart);

    expect(spec.containers.map((c: Manifest) => [c.name, c.image, c.ports])).toEqual([
      ['web', 'nginx:1.27.3', [{ containerPort: 80 }]],
      ['sidecar', 'busybox:1.37', [{ containerPort: 9000 }]],
    ]);
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('addSharedVolume mounts one emptyDir into every container by default', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web, sidecar] });

    const volume = pod.addSharedVolume({ name: 'shared', path: '/shared' });

    const spec = podSpec(chart);
    expect(volume.name).toBe('shared');
    expect(spec.volumes).toEqual([{ name: 'shared', emptyDir: {} }]);
    expect(spec.containers.map((c: Manifest) => c.volumeMounts)).toEqual([
      [{ name: 'shared', mountPath: '/shared' }],
      [{ name: 'shared', mountPath: '/shared' }],
    ]);
  });

  test('addSharedVolume mounts only into the chosen containers, read-only if asked', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web, sidecar] });
    const config = kplus.Volume.fromConfigMap(
      chart,
      'Config',
      kplus.ConfigMap.fromConfigMapName(chart, 'Cm', 'site'),
    );

    pod.addSharedVolume({
      name: config.name,
      path: '/site',
      volume: config,
      containers: ['sidecar'],
      readOnly: true,
    });

    const spec = podSpec(chart);
    expect(spec.volumes).toEqual([{ name: config.name, configMap: { name: 'site' } }]);
    expect(spec.containers[0].volumeMounts).toBeUndefined();
    expect(spec.containers[1].volumeMounts).toEqual([
      { name: config.name, mountPath: '/site', readOnly: true },
    ]);
  });

  test('containers added later take part in shared volumes too', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web] });
    pod.addContainer(sidecar);

    pod.addSharedVolume({ name: 'logs', path: '/logs', containers: ['web', 'sidecar'] });

    expect(podSpec(chart).containers.map((c: Manifest) => c.volumeMounts?.[0]?.name)).toEqual([
      'logs',
      'logs',
    ]);
  });

  test('fails to share a volume with a container the Pod does not have', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web] });

    expect(() => pod.addSharedVolume({ name: 'logs', path: '/logs', containers: ['db'] })).toThrow(
      'test/Pod: containers names container "db", which this Pod does not have. Use one of: "web".',
    );
  });

  test("fails to share a volume under a name that is not the volume's own", () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web] });
    const volume = kplus.Volume.fromEmptyDir(chart, 'Cache', 'cache');

    expect(() => pod.addSharedVolume({ name: 'logs', path: '/logs', volume })).toThrow(
      'test/Pod: addSharedVolume() got name "logs" and a volume named "cache". A volume keeps the name it was made with: pass the same name, or omit `volume` for a new emptyDir.',
    );
    expect(pod.addSharedVolume({ name: 'cache', path: '/cache', volume })).toBe(volume);
  });

  test('fails at synth when it has no container', () => {
    const chart = Testing.chart();
    new MultiContainerPod(chart, 'Pod', { containers: [] });

    expect(() => Testing.synth(chart)).toThrow(
      '[test/Pod] spec.containers: a Pod needs at least one container (got 0). Pass one in props.containers or call addContainer().',
    );
  });

  test('makes containers meet Pod Security restricted by default, keeping the other cdk8s-plus defaults', () => {
    const chart = Testing.chart();
    new MultiContainerPod(chart, 'Pod', { containers: [web] });

    const spec = podSpec(chart);

    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });
});
