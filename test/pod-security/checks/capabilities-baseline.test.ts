import { evaluatePodSecurity } from '../../../lib/pod-security';
import { describeCheck } from '../check-cases';
import { app, context, init, restrictedPod } from '../fixtures';

describeCheck({
  check: 'capabilities_baseline',
  level: 'baseline',
  cases: [
    {
      name: 'adds only NET_BIND_SERVICE',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE'] };
      },
    },
    {
      name: 'adds SYS_ADMIN',
      at: ['v1.0', 'v1.21', 'v1.22', 'latest'],
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] };
      },
      fails: {
        reason: 'non-default capabilities',
        detail: 'container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add',
        field: 'spec.containers[0].securityContext.capabilities.add[0]',
      },
    },
    {
      name: 'init and app add NET_RAW and SYS_ADMIN next to allowed ones',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(init(pod)).capabilities = { drop: ['ALL'], add: ['CHOWN', 'NET_RAW'] };
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN', 'NET_RAW'] };
      },
      fails: {
        reason: 'non-default capabilities',
        detail:
          'containers "init", "app" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add',
        field: 'spec.initContainers[0].securityContext.capabilities.add[1]',
      },
    },
  ],
});

describe('capabilities_baseline without capabilities_restricted', () => {
  it.each(['v1.0', 'latest'] as const)(
    'passes at baseline %s when adding default capabilities such as CHOWN',
    version => {
      const pod = restrictedPod(p => {
        context(app(p)).capabilities = { drop: ['ALL'], add: ['CHOWN', 'KILL', 'SETUID'] };
      });
      expect(evaluatePodSecurity(pod, 'baseline', { version })).toEqual([]);
    },
  );
});
