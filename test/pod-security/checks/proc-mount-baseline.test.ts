import { describeCheck } from '../check-cases';
import { app, context, init, inUserNamespace } from '../fixtures';

const UNMASKED_APP = {
  reason: 'procMount',
  detail: 'container "app" must not set securityContext.procMount to "Unmasked"',
  field: 'spec.containers[0].securityContext.procMount',
};

describeCheck({
  check: 'procMount',
  level: 'baseline',
  cases: [
    {
      name: 'procMount Default',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).procMount = 'Default';
      },
    },
    {
      name: 'procMount Unmasked',
      at: ['v1.0', 'v1.34', 'v1.35', 'latest'],
      tweak: pod => {
        context(app(pod)).procMount = 'Unmasked';
      },
      fails: UNMASKED_APP,
    },
    {
      name: 'procMount Unmasked with hostUsers: true',
      at: ['v1.35'],
      tweak: pod => {
        pod.spec.hostUsers = true;
        context(app(pod)).procMount = 'Unmasked';
      },
      fails: UNMASKED_APP,
    },
    {
      name: 'Unmasked in a user namespace, before v1.35',
      at: ['v1.0', 'v1.34'],
      tweak: pod => {
        inUserNamespace(pod);
        context(app(pod)).procMount = 'Unmasked';
      },
      fails: UNMASKED_APP,
    },
    {
      // At restricted, procMount_restricted still forbids it (see its own tests).
      name: 'Unmasked in a user namespace, allowed from v1.35',
      at: ['v1.35', 'latest'],
      tweak: pod => {
        inUserNamespace(pod);
        context(app(pod)).procMount = 'Unmasked';
      },
    },
    {
      name: 'two containers with different procMount values',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(init(pod)).procMount = 'Unmasked';
        context(app(pod)).procMount = 'Custom';
      },
      fails: {
        reason: 'procMount',
        detail: 'containers "init", "app" must not set securityContext.procMount to "Custom", "Unmasked"',
        field: 'spec.initContainers[0].securityContext.procMount',
      },
    },
  ],
});
