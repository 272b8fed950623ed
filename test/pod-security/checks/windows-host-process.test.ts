import { describeCheck } from '../check-cases';
import { app, context, podContext } from '../fixtures';

describeCheck({
  check: 'windowsHostProcess',
  level: 'baseline',
  cases: [
    {
      name: 'hostProcess false',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).windowsOptions = { hostProcess: false };
        context(app(pod)).windowsOptions = { hostProcess: false, runAsUserName: 'ContainerUser' };
      },
    },
    {
      name: 'pod hostProcess',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).windowsOptions = { hostProcess: true };
      },
      fails: {
        reason: 'hostProcess',
        detail: 'pod must not set securityContext.windowsOptions.hostProcess=true',
        field: 'spec.securityContext.windowsOptions.hostProcess',
      },
    },
    {
      name: 'container hostProcess',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).windowsOptions = { hostProcess: true };
      },
      fails: {
        reason: 'hostProcess',
        detail: 'container "app" must not set securityContext.windowsOptions.hostProcess=true',
        field: 'spec.containers[0].securityContext.windowsOptions.hostProcess',
      },
    },
    {
      name: 'pod and container hostProcess',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).windowsOptions = { hostProcess: true };
        context(app(pod)).windowsOptions = { hostProcess: true };
      },
      fails: {
        reason: 'hostProcess',
        detail: 'pod and container "app" must not set securityContext.windowsOptions.hostProcess=true',
        field: 'spec.securityContext.windowsOptions.hostProcess',
      },
    },
  ],
});
