import { describeCheck } from '../check-cases';
import { app, context, init, restrictedPod, violationsOf, windowsPod } from '../fixtures';

const UNSET_ON_APP = {
  reason: 'allowPrivilegeEscalation != false',
  detail: 'container "app" must set securityContext.allowPrivilegeEscalation=false',
  field: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
};

describeCheck({
  check: 'allowPrivilegeEscalation',
  level: 'restricted',
  cases: [
    {
      name: 'every container sets allowPrivilegeEscalation: false',
      at: ['v1.8', 'latest'],
      tweak: () => undefined,
    },
    {
      name: 'unset on app, before the check existed',
      at: ['v1.0', 'v1.7'],
      tweak: pod => {
        delete context(app(pod)).allowPrivilegeEscalation;
      },
    },
    {
      name: 'unset on app',
      at: ['v1.8', 'v1.24', 'v1.25', 'latest'],
      tweak: pod => {
        delete context(app(pod)).allowPrivilegeEscalation;
      },
      fails: UNSET_ON_APP,
    },
    {
      name: 'true on init, no securityContext on an ephemeral container',
      at: ['v1.8', 'latest'],
      tweak: pod => {
        context(init(pod)).allowPrivilegeEscalation = true;
        pod.spec.ephemeralContainers = [{ name: 'debugger', image: 'busybox:1.36' }];
      },
      fails: {
        reason: 'allowPrivilegeEscalation != false',
        detail: 'containers "init", "debugger" must set securityContext.allowPrivilegeEscalation=false',
        field: 'spec.initContainers[0].securityContext.allowPrivilegeEscalation',
      },
    },
    {
      name: 'a Windows pod without it, before Windows pods were exempt',
      at: ['v1.8', 'v1.24'],
      tweak: windowsPod,
      fails: {
        reason: 'allowPrivilegeEscalation != false',
        detail: 'containers "init", "app" must set securityContext.allowPrivilegeEscalation=false',
        field: 'spec.initContainers[0].securityContext.allowPrivilegeEscalation',
      },
    },
    {
      name: 'a Windows pod without it, exempt from v1.25',
      at: ['v1.25', 'latest'],
      tweak: windowsPod,
    },
  ],
});

describe('allowPrivilegeEscalation on Linux pods', () => {
  it('fails at v1.25 a pod whose spec.os.name is linux', () => {
    const pod = restrictedPod(p => {
      p.spec.os = { name: 'linux' };
      delete context(app(p)).allowPrivilegeEscalation;
    });
    expect(violationsOf(pod, 'restricted', 'allowPrivilegeEscalation', 'v1.25')).toEqual([
      { check: 'allowPrivilegeEscalation', level: 'restricted', ...UNSET_ON_APP, fix: expect.any(String) },
    ]);
  });
});
