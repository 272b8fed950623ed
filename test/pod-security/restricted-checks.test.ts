import { evaluatePodSecurity } from '../../lib/pod-security';
import { describeCheck } from './check-cases';
import { app, context, failedChecks, init, podContext, restrictedPod, violationsOf } from './fixtures';

describeCheck({
  check: 'allowPrivilegeEscalation',
  level: 'restricted',
  passes: [
    {
      name: 'every container sets allowPrivilegeEscalation: false',
      tweak: () => undefined,
    },
  ],
  fails: [
    {
      name: 'unset on app',
      tweak: pod => {
        delete context(app(pod)).allowPrivilegeEscalation;
      },
      reason: 'allowPrivilegeEscalation != false',
      detail: 'container "app" must set securityContext.allowPrivilegeEscalation=false',
      field: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
    },
    {
      name: 'true on init, no securityContext on an ephemeral container',
      tweak: pod => {
        context(init(pod)).allowPrivilegeEscalation = true;
        pod.spec.ephemeralContainers = [{ name: 'debugger', image: 'busybox:1.36' }];
      },
      reason: 'allowPrivilegeEscalation != false',
      detail: 'containers "init", "debugger" must set securityContext.allowPrivilegeEscalation=false',
      field: 'spec.initContainers[0].securityContext.allowPrivilegeEscalation',
    },
  ],
});

describeCheck({
  check: 'capabilities_restricted',
  level: 'restricted',
  passes: [
    {
      name: 'drops ALL and adds NET_BIND_SERVICE',
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE'] };
      },
    },
  ],
  fails: [
    {
      name: 'drops NET_RAW instead of ALL',
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['NET_RAW'] };
      },
      reason: 'unrestricted capabilities',
      detail: 'container "app" must set securityContext.capabilities.drop=["ALL"]',
      field: 'spec.containers[0].securityContext.capabilities.drop',
    },
    {
      name: 'adds CHOWN, which baseline allows',
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN'] };
      },
      reason: 'unrestricted capabilities',
      detail: 'container "app" must not include "CHOWN" in securityContext.capabilities.add',
      field: 'spec.containers[0].securityContext.capabilities.add[1]',
    },
    {
      name: 'init without capabilities, app adding SYS_TIME',
      tweak: pod => {
        delete context(init(pod)).capabilities;
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['SYS_TIME'] };
      },
      reason: 'unrestricted capabilities',
      detail:
        'container "init" must set securityContext.capabilities.drop=["ALL"]; ' +
        'container "app" must not include "SYS_TIME" in securityContext.capabilities.add',
      field: 'spec.initContainers[0].securityContext.capabilities.drop',
    },
  ],
});

describeCheck({
  check: 'restrictedVolumes',
  level: 'restricted',
  passes: [
    {
      name: 'every allowed volume type',
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'a', configMap: { name: 'web' } },
          { name: 'b', csi: { driver: 'secrets-store.csi.k8s.io' } },
          { name: 'c', downwardAPI: { items: [] } },
          { name: 'd', emptyDir: {} },
          { name: 'e', ephemeral: { volumeClaimTemplate: { spec: {} } } },
          { name: 'f', persistentVolumeClaim: { claimName: 'data' } },
          { name: 'g', projected: { sources: [] } },
          { name: 'h', secret: { secretName: 'web' } },
        ];
      },
    },
  ],
  fails: [
    {
      name: 'one nfs volume',
      tweak: pod => {
        pod.spec.volumes?.push({ name: 'shared', nfs: { server: 'nfs.local', path: '/exports' } });
      },
      reason: 'restricted volume types',
      detail: 'volume "shared" uses restricted volume type "nfs"',
      field: 'spec.volumes[1].nfs',
    },
    {
      name: 'nfs, hostPath and gitRepo volumes',
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'shared', nfs: { server: 'nfs.local', path: '/exports' } },
          { name: 'cache', emptyDir: {} },
          { name: 'host', hostPath: { path: '/etc' } },
          { name: 'repo', gitRepo: { repository: 'https://example.com/repo.git' } },
        ];
      },
      reason: 'restricted volume types',
      detail: 'volumes "shared", "host", "repo" use restricted volume types "gitRepo", "hostPath", "nfs"',
      field: 'spec.volumes[0].nfs',
    },
    {
      name: 'a volume source unknown at v1.28 (image)',
      tweak: pod => {
        pod.spec.volumes?.push({ name: 'model', image: { reference: 'ghcr.io/example/model:1' } });
      },
      reason: 'restricted volume types',
      detail: 'volume "model" uses restricted volume type "unknown"',
      field: 'spec.volumes[1]',
    },
  ],
});

describeCheck({
  check: 'runAsNonRoot',
  level: 'restricted',
  passes: [
    {
      name: 'unset on the pod, true on every container',
      tweak: pod => {
        delete podContext(pod).runAsNonRoot;
        context(init(pod)).runAsNonRoot = true;
        context(app(pod)).runAsNonRoot = true;
      },
    },
  ],
  fails: [
    {
      name: 'unset everywhere',
      tweak: pod => {
        delete podContext(pod).runAsNonRoot;
      },
      reason: 'runAsNonRoot != true',
      detail: 'pod or containers "init", "app" must set securityContext.runAsNonRoot=true',
      field: 'spec.securityContext.runAsNonRoot',
    },
    {
      name: 'unset on the pod and on one container',
      tweak: pod => {
        delete podContext(pod).runAsNonRoot;
        context(init(pod)).runAsNonRoot = true;
      },
      reason: 'runAsNonRoot != true',
      detail: 'pod or container "app" must set securityContext.runAsNonRoot=true',
      field: 'spec.securityContext.runAsNonRoot',
    },
    {
      name: 'false on a container overriding the pod',
      tweak: pod => {
        context(app(pod)).runAsNonRoot = false;
      },
      reason: 'runAsNonRoot != true',
      detail: 'container "app" must not set securityContext.runAsNonRoot=false',
      field: 'spec.containers[0].securityContext.runAsNonRoot',
    },
    {
      name: 'false on the pod',
      tweak: pod => {
        podContext(pod).runAsNonRoot = false;
      },
      reason: 'runAsNonRoot != true',
      detail: 'pod must not set securityContext.runAsNonRoot=false',
      field: 'spec.securityContext.runAsNonRoot',
    },
  ],
});

describeCheck({
  check: 'runAsUser',
  level: 'restricted',
  passes: [
    {
      name: 'non-zero UIDs',
      tweak: pod => {
        podContext(pod).runAsUser = 1000;
        context(app(pod)).runAsUser = 65534;
      },
    },
  ],
  fails: [
    {
      name: 'runAsUser 0 on a container',
      tweak: pod => {
        context(app(pod)).runAsUser = 0;
      },
      reason: 'runAsUser=0',
      detail: 'container "app" must not set runAsUser=0',
      field: 'spec.containers[0].securityContext.runAsUser',
    },
    {
      name: 'runAsUser 0 on the pod and two containers',
      tweak: pod => {
        podContext(pod).runAsUser = 0;
        context(init(pod)).runAsUser = 0;
        context(app(pod)).runAsUser = 0;
      },
      reason: 'runAsUser=0',
      detail: 'pod and containers "init", "app" must not set runAsUser=0',
      field: 'spec.securityContext.runAsUser',
    },
  ],
});

describeCheck({
  check: 'seccompProfile_restricted',
  level: 'restricted',
  passes: [
    {
      name: 'unset on the pod, RuntimeDefault or Localhost on every container',
      tweak: pod => {
        delete podContext(pod).seccompProfile;
        context(init(pod)).seccompProfile = { type: 'RuntimeDefault' };
        context(app(pod)).seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/app.json' };
      },
    },
  ],
  fails: [
    {
      name: 'unset everywhere',
      tweak: pod => {
        delete podContext(pod).seccompProfile;
      },
      reason: 'seccompProfile',
      detail:
        'pod or containers "init", "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      field: 'spec.securityContext.seccompProfile.type',
    },
    {
      name: 'Unconfined on a container',
      tweak: pod => {
        context(app(pod)).seccompProfile = { type: 'Unconfined' };
      },
      reason: 'seccompProfile',
      detail: 'container "app" must not set securityContext.seccompProfile.type to "Unconfined"',
      field: 'spec.containers[0].securityContext.seccompProfile.type',
    },
  ],
});

describe('restricted pod fixture', () => {
  it('passes every level with no violation', () => {
    expect(evaluatePodSecurity(restrictedPod(), 'restricted')).toEqual([]);
    expect(evaluatePodSecurity(restrictedPod(), 'baseline')).toEqual([]);
  });
});

describe('Windows pods (spec.os.name: windows)', () => {
  /** A restricted pod stripped of the settings that make no sense on Windows. */
  const bareContainers = (os: string) =>
    restrictedPod(pod => {
      pod.spec.os = { name: os };
      delete podContext(pod).seccompProfile;
      delete init(pod).securityContext;
      delete app(pod).securityContext;
    });

  it('passes restricted without allowPrivilegeEscalation, capabilities or seccomp', () => {
    expect(evaluatePodSecurity(bareContainers('windows'), 'restricted')).toEqual([]);
  });

  it('fails the same pod on Linux', () => {
    expect(evaluatePodSecurity(bareContainers('linux'), 'restricted').map(v => v.check)).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'seccompProfile_restricted',
    ]);
  });

  it('fails runAsNonRoot, which still applies to Windows pods', () => {
    const pod = bareContainers('windows');
    delete podContext(pod).runAsNonRoot;
    expect(violationsOf(pod, 'restricted', 'runAsNonRoot')).toEqual([
      expect.objectContaining({
        reason: 'runAsNonRoot != true',
        detail: 'pod or containers "init", "app" must set securityContext.runAsNonRoot=true',
      }),
    ]);
  });

  it('fails baseline seccomp Unconfined even on Windows pods', () => {
    const pod = bareContainers('windows');
    podContext(pod).seccompProfile = { type: 'Unconfined' };
    expect(failedChecks(pod, 'restricted')).toEqual(['seccompProfile_baseline']);
  });
});
