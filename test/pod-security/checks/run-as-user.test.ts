import { describeCheck } from '../check-cases';
import { app, context, init, inUserNamespace, podContext } from '../fixtures';

describeCheck({
  check: 'runAsUser',
  level: 'restricted',
  cases: [
    {
      name: 'non-zero UIDs',
      at: ['v1.23', 'latest'],
      tweak: pod => {
        podContext(pod).runAsUser = 1000;
        context(app(pod)).runAsUser = 65534;
      },
    },
    {
      name: 'runAsUser 0 on a container, before the check existed',
      at: ['v1.0', 'v1.22'],
      tweak: pod => {
        context(app(pod)).runAsUser = 0;
      },
    },
    {
      name: 'runAsUser 0 on a container',
      at: ['v1.23', 'v1.35', 'latest'],
      tweak: pod => {
        context(app(pod)).runAsUser = 0;
      },
      fails: {
        reason: 'runAsUser=0',
        detail: 'container "app" must not set runAsUser=0',
        field: 'spec.containers[0].securityContext.runAsUser',
      },
    },
    {
      name: 'runAsUser 0 on the pod and two containers',
      at: ['v1.23', 'latest'],
      tweak: pod => {
        podContext(pod).runAsUser = 0;
        context(init(pod)).runAsUser = 0;
        context(app(pod)).runAsUser = 0;
      },
      fails: {
        reason: 'runAsUser=0',
        detail: 'pod and containers "init", "app" must not set runAsUser=0',
        field: 'spec.securityContext.runAsUser',
      },
    },
    {
      name: 'runAsUser 0 in a user namespace, before v1.35',
      at: ['v1.23', 'v1.34'],
      tweak: pod => {
        inUserNamespace(pod);
        podContext(pod).runAsUser = 0;
      },
      fails: {
        reason: 'runAsUser=0',
        detail: 'pod must not set runAsUser=0',
        field: 'spec.securityContext.runAsUser',
      },
    },
    {
      name: 'runAsUser 0 in a user namespace, allowed from v1.35',
      at: ['v1.35', 'latest'],
      tweak: pod => {
        inUserNamespace(pod);
        podContext(pod).runAsUser = 0;
      },
    },
  ],
});
