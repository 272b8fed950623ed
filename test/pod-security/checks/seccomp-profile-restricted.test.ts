import { describeCheck } from '../check-cases';
import { app, context, failedChecks, init, podContext, restrictedPod, windowsPod } from '../fixtures';

const UNSET_EVERYWHERE = {
  reason: 'seccompProfile',
  detail:
    'pod or containers "init", "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
  field: 'spec.securityContext.seccompProfile.type',
};

describeCheck({
  check: 'seccompProfile_restricted',
  level: 'restricted',
  cases: [
    {
      name: 'unset on the pod, RuntimeDefault or Localhost on every container',
      at: ['v1.19', 'latest'],
      tweak: pod => {
        delete podContext(pod).seccompProfile;
        context(init(pod)).seccompProfile = { type: 'RuntimeDefault' };
        context(app(pod)).seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/app.json' };
      },
    },
    {
      name: 'unset everywhere, before the check existed',
      at: ['v1.0', 'v1.18'],
      tweak: pod => {
        delete podContext(pod).seccompProfile;
      },
    },
    {
      name: 'unset everywhere',
      at: ['v1.19', 'v1.25', 'latest'],
      tweak: pod => {
        delete podContext(pod).seccompProfile;
      },
      fails: UNSET_EVERYWHERE,
    },
    {
      name: 'Unconfined on a container, worded exactly like seccompProfile_baseline',
      at: ['v1.19', 'latest'],
      tweak: pod => {
        context(app(pod)).seccompProfile = { type: 'Unconfined' };
      },
      fails: {
        reason: 'seccompProfile',
        detail: 'container "app" must not set securityContext.seccompProfile.type to "Unconfined"',
        field: 'spec.containers[0].securityContext.seccompProfile.type',
        atRestrictedReportedBy: 'seccompProfile_baseline',
      },
    },
    {
      name: 'a bad pod profile hides the containers that set none',
      at: ['latest'],
      tweak: pod => {
        podContext(pod).seccompProfile = { type: 'Unconfined' };
        context(app(pod)).seccompProfile = { type: 'RuntimeDefault' };
      },
      fails: {
        reason: 'seccompProfile',
        detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
        field: 'spec.securityContext.seccompProfile.type',
        atRestrictedReportedBy: 'seccompProfile_baseline',
      },
    },
    {
      name: 'a Windows pod without seccomp, before Windows pods were exempt',
      at: ['v1.19', 'v1.24'],
      tweak: windowsPod,
      fails: UNSET_EVERYWHERE,
    },
    {
      name: 'a Windows pod without seccomp, exempt from v1.25',
      at: ['v1.25', 'latest'],
      tweak: windowsPod,
    },
  ],
});

describe('seccomp at restricted', () => {
  it('fails Unconfined once, not once per twin', () => {
    const pod = restrictedPod(p => {
      context(app(p)).seccompProfile = { type: 'Unconfined' };
    });
    expect(failedChecks(pod, 'restricted')).toEqual(['seccompProfile_baseline']);
  });

  it('fails Unconfined on a Windows pod through the baseline twin, which has no exemption', () => {
    const pod = restrictedPod(p => {
      windowsPod(p);
      podContext(p).seccompProfile = { type: 'Unconfined' };
    });
    expect(failedChecks(pod, 'restricted', 'v1.25')).toEqual(['seccompProfile_baseline']);
  });
});
