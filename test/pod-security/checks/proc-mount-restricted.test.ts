import { describeCheck } from '../check-cases';
import { app, context, failedChecks, inUserNamespace, restrictedPod } from '../fixtures';

const UNMASKED_APP = {
  reason: 'procMount',
  detail: 'container "app" must not set securityContext.procMount to "Unmasked"',
  field: 'spec.containers[0].securityContext.procMount',
};

describeCheck({
  check: 'procMount_restricted',
  level: 'restricted',
  cases: [
    {
      name: 'procMount Default in a user namespace',
      at: ['v1.35', 'latest'],
      tweak: pod => {
        inUserNamespace(pod);
        context(app(pod)).procMount = 'Default';
      },
    },
    {
      name: 'Unmasked in a user namespace, before the check existed (baseline procMount catches it)',
      at: ['v1.0', 'v1.34'],
      tweak: pod => {
        inUserNamespace(pod);
        context(app(pod)).procMount = 'Unmasked';
      },
    },
    {
      name: 'Unmasked in a user namespace, which baseline allows from v1.35',
      at: ['v1.35', 'latest'],
      tweak: pod => {
        inUserNamespace(pod);
        context(app(pod)).procMount = 'Unmasked';
      },
      fails: UNMASKED_APP,
    },
    {
      name: 'Unmasked outside a user namespace, worded exactly like baseline procMount',
      at: ['v1.35', 'latest'],
      tweak: pod => {
        context(app(pod)).procMount = 'Unmasked';
      },
      fails: { ...UNMASKED_APP, atRestrictedReportedBy: 'procMount' },
    },
  ],
});

describe('procMount at restricted', () => {
  const unmasked = (userNamespace: boolean) =>
    restrictedPod(pod => {
      if (userNamespace) inUserNamespace(pod);
      context(app(pod)).procMount = 'Unmasked';
    });

  it.each([
    ['v1.34', false, ['procMount']],
    ['v1.34', true, ['procMount']],
    ['v1.35', false, ['procMount']],
    ['v1.35', true, ['procMount_restricted']],
  ] as const)(
    'fails at %s (user namespace: %s) with checks %j, one line each',
    (version, userNamespace, checks) => {
      expect(failedChecks(unmasked(userNamespace), 'restricted', version)).toEqual(checks);
    },
  );
});
