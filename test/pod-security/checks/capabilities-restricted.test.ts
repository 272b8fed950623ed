import { describeCheck } from '../check-cases';
import { app, context, failedChecks, init, restrictedPod, windowsPod } from '../fixtures';

describeCheck({
  check: 'capabilities_restricted',
  level: 'restricted',
  cases: [
    {
      name: 'drops ALL and adds NET_BIND_SERVICE',
      at: ['v1.22', 'latest'],
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE'] };
      },
    },
    {
      name: 'drops NET_RAW instead of ALL, before the check existed',
      at: ['v1.0', 'v1.21'],
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['NET_RAW'] };
      },
    },
    {
      name: 'drops NET_RAW instead of ALL',
      at: ['v1.22', 'v1.25', 'latest'],
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['NET_RAW'] };
      },
      fails: {
        reason: 'unrestricted capabilities',
        detail: 'container "app" must set securityContext.capabilities.drop=["ALL"]',
        field: 'spec.containers[0].securityContext.capabilities.drop',
      },
    },
    {
      name: 'adds CHOWN, which baseline allows',
      at: ['v1.22', 'latest'],
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN'] };
      },
      fails: {
        reason: 'unrestricted capabilities',
        detail: 'container "app" must not include "CHOWN" in securityContext.capabilities.add',
        field: 'spec.containers[0].securityContext.capabilities.add[1]',
      },
    },
    {
      name: 'init without capabilities, app adding SYS_TIME',
      at: ['v1.22', 'latest'],
      tweak: pod => {
        delete context(init(pod)).capabilities;
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['SYS_TIME'] };
      },
      fails: {
        reason: 'unrestricted capabilities',
        detail:
          'container "init" must set securityContext.capabilities.drop=["ALL"]; ' +
          'container "app" must not include "SYS_TIME" in securityContext.capabilities.add',
        field: 'spec.initContainers[0].securityContext.capabilities.drop',
      },
    },
    {
      name: 'a Windows pod without capabilities, before Windows pods were exempt',
      at: ['v1.22', 'v1.24'],
      tweak: windowsPod,
      fails: {
        reason: 'unrestricted capabilities',
        detail: 'containers "init", "app" must set securityContext.capabilities.drop=["ALL"]',
        field: 'spec.initContainers[0].securityContext.capabilities.drop',
      },
    },
    {
      name: 'a Windows pod without capabilities, exempt from v1.25',
      at: ['v1.25', 'latest'],
      tweak: windowsPod,
    },
  ],
});

describe('capabilities before v1.22', () => {
  it('fails restricted at v1.21 through capabilities_baseline alone', () => {
    const pod = restrictedPod(p => {
      context(app(p)).capabilities = { add: ['SYS_ADMIN'] };
    });
    expect(failedChecks(pod, 'restricted', 'v1.21')).toEqual(['capabilities_baseline']);
  });
});
