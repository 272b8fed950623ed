import { describeCheck } from '../check-cases';
import { app, context, init, inUserNamespace, podContext, windowsPod } from '../fixtures';

describeCheck({
  check: 'runAsNonRoot',
  level: 'restricted',
  cases: [
    {
      name: 'unset on the pod, true on every container',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        delete podContext(pod).runAsNonRoot;
        context(init(pod)).runAsNonRoot = true;
        context(app(pod)).runAsNonRoot = true;
      },
    },
    {
      name: 'unset everywhere',
      at: ['v1.0', 'v1.34', 'v1.35', 'latest'],
      tweak: pod => {
        delete podContext(pod).runAsNonRoot;
      },
      fails: {
        reason: 'runAsNonRoot != true',
        detail: 'pod or containers "init", "app" must set securityContext.runAsNonRoot=true',
        field: 'spec.securityContext.runAsNonRoot',
      },
    },
    {
      name: 'unset on the pod and on one container',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        delete podContext(pod).runAsNonRoot;
        context(init(pod)).runAsNonRoot = true;
      },
      fails: {
        reason: 'runAsNonRoot != true',
        detail: 'pod or container "app" must set securityContext.runAsNonRoot=true',
        field: 'spec.securityContext.runAsNonRoot',
      },
    },
    {
      name: 'false on a container overriding the pod',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).runAsNonRoot = false;
      },
      fails: {
        reason: 'runAsNonRoot != true',
        detail: 'container "app" must not set securityContext.runAsNonRoot=false',
        field: 'spec.containers[0].securityContext.runAsNonRoot',
      },
    },
    {
      name: 'false on the pod and a container, unset on another',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).runAsNonRoot = false;
        context(app(pod)).runAsNonRoot = false;
      },
      fails: {
        reason: 'runAsNonRoot != true',
        detail: 'pod and container "app" must not set securityContext.runAsNonRoot=false',
        field: 'spec.securityContext.runAsNonRoot',
      },
    },
    {
      name: 'false on the pod in a user namespace, before v1.35',
      at: ['v1.0', 'v1.34'],
      tweak: pod => {
        inUserNamespace(pod);
        podContext(pod).runAsNonRoot = false;
      },
      fails: {
        reason: 'runAsNonRoot != true',
        detail: 'pod must not set securityContext.runAsNonRoot=false',
        field: 'spec.securityContext.runAsNonRoot',
      },
    },
    {
      name: 'false on the pod in a user namespace, allowed from v1.35',
      at: ['v1.35', 'latest'],
      tweak: pod => {
        inUserNamespace(pod);
        podContext(pod).runAsNonRoot = false;
      },
    },
    {
      name: 'unset on a Windows pod, which still must set it',
      at: ['v1.25', 'latest'],
      tweak: pod => {
        windowsPod(pod);
        delete podContext(pod).runAsNonRoot;
      },
      fails: {
        reason: 'runAsNonRoot != true',
        detail: 'pod or containers "init", "app" must set securityContext.runAsNonRoot=true',
        field: 'spec.securityContext.runAsNonRoot',
      },
    },
  ],
});
