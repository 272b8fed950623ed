import { describeCheck } from '../check-cases';
import { app, context } from '../fixtures';

describeCheck({
  check: 'privileged',
  level: 'baseline',
  cases: [
    {
      name: 'privileged: false',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).privileged = false;
      },
    },
    {
      name: 'privileged app container',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).privileged = true;
      },
      fails: {
        reason: 'privileged',
        detail: 'container "app" must not set securityContext.privileged=true',
        field: 'spec.containers[0].securityContext.privileged',
      },
    },
    {
      name: 'privileged app and ephemeral containers',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).privileged = true;
        pod.spec.ephemeralContainers = [
          {
            name: 'debugger',
            image: 'busybox:1.36',
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              privileged: true,
            },
          },
        ];
      },
      fails: {
        reason: 'privileged',
        detail: 'containers "app", "debugger" must not set securityContext.privileged=true',
        field: 'spec.containers[0].securityContext.privileged',
      },
    },
  ],
});
