import { describeCheck } from '../check-cases';

describeCheck({
  check: 'hostPathVolumes',
  level: 'baseline',
  cases: [
    {
      name: 'no hostPath volume',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'cache', emptyDir: {} },
          { name: 'config', configMap: { name: 'web' } },
          { name: 'nulled', hostPath: null },
        ];
      },
    },
    {
      name: 'one hostPath volume',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        pod.spec.volumes?.push({ name: 'logs', hostPath: { path: '/var/log' } });
      },
      fails: { reason: 'hostPath volumes', detail: 'volume "logs"', field: 'spec.volumes[1].hostPath' },
    },
    {
      name: 'two hostPath volumes',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'docker', hostPath: { path: '/var/run/docker.sock' } },
          { name: 'root', hostPath: { path: '/' } },
        ];
      },
      fails: {
        reason: 'hostPath volumes',
        detail: 'volumes "docker", "root"',
        field: 'spec.volumes[0].hostPath',
      },
    },
  ],
});
