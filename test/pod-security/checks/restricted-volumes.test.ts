import { describeCheck } from '../check-cases';
import { failedChecks, type Json, restrictedPod } from '../fixtures';

describeCheck({
  check: 'restrictedVolumes',
  level: 'restricted',
  cases: [
    {
      name: 'every allowed volume type, image included (it counts at every version)',
      at: ['v1.0', 'v1.32', 'latest'],
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'a', configMap: { name: 'web' } },
          { name: 'b', csi: { driver: 'secrets-store.csi.k8s.io' } },
          { name: 'c', downwardAPI: { items: [] } },
          { name: 'd', emptyDir: {} },
          { name: 'e', ephemeral: { volumeClaimTemplate: { spec: {} } } },
          { name: 'f', image: { reference: 'ghcr.io/example/model:1' } },
          { name: 'g', persistentVolumeClaim: { claimName: 'data' } },
          { name: 'h', projected: { sources: [] } },
          { name: 'i', secret: { secretName: 'web' } },
        ];
      },
    },
    {
      name: 'a volume with no source, which the API server defaults to emptyDir',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        pod.spec.volumes = [{ name: 'scratch' }, { name: 'nulled', nfs: null }];
      },
    },
    {
      name: 'an allowed source next to a restricted one',
      at: ['latest'],
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'both', emptyDir: {}, gitRepo: { repository: 'https://example.com/r.git' } },
        ];
      },
    },
    {
      name: 'one nfs volume',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        pod.spec.volumes?.push({ name: 'shared', nfs: { server: 'nfs.local', path: '/exports' } });
      },
      fails: {
        reason: 'restricted volume types',
        detail: 'volume "shared" uses restricted volume type "nfs"',
        field: 'spec.volumes[1].nfs',
      },
    },
    {
      name: 'nfs, hostPath and gitRepo volumes',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'shared', nfs: { server: 'nfs.local', path: '/exports' } },
          { name: 'cache', emptyDir: {} },
          { name: 'host', hostPath: { path: '/etc' } },
          { name: 'repo', gitRepo: { repository: 'https://example.com/repo.git' } },
        ];
      },
      fails: {
        reason: 'restricted volume types',
        detail: 'volumes "shared", "host", "repo" use restricted volume types "gitRepo", "hostPath", "nfs"',
        field: 'spec.volumes[0].nfs',
      },
    },
    {
      name: 'a source this package does not know',
      at: ['latest'],
      tweak: pod => {
        pod.spec.volumes?.push({ name: 'future', someNewSource: { path: '/' } });
      },
      fails: {
        reason: 'restricted volume types',
        detail: 'volume "future" uses restricted volume type "unknown"',
        field: 'spec.volumes[1]',
      },
    },
  ],
});

describe('hostPath at restricted', () => {
  it('fails both the baseline check and the restricted one, which word it differently', () => {
    const pod = restrictedPod(p => {
      p.spec.volumes = [{ name: 'root', hostPath: { path: '/' } }];
    });
    expect(failedChecks(pod, 'restricted')).toEqual(['hostPathVolumes', 'restrictedVolumes']);
  });
});

describe('restrictedVolumes reads sources the same way whatever the volume object is made of', () => {
  it.each<[string, Json]>([
    ['a plain object with an allowed source', { name: 'v', emptyDir: {} }],
    [
      'an allowed source set as a non-enumerable own property',
      Object.defineProperty({ name: 'v' }, 'emptyDir', { value: {} }),
    ],
    [
      'an allowed source inherited from a prototype',
      Object.assign(Object.create({ emptyDir: {} }), { name: 'v' }),
    ],
  ])('passes %s', (_, volume) => {
    const pod = restrictedPod(p => {
      p.spec.volumes = [volume];
    });
    expect(failedChecks(pod, 'restricted')).toEqual([]);
  });
});
