import { describeCheck } from '../check-cases';

describeCheck({
  check: 'hostNamespaces',
  level: 'baseline',
  cases: [
    {
      name: 'host namespaces set to false',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        Object.assign(pod.spec, { hostNetwork: false, hostPID: false, hostIPC: false });
      },
    },
    {
      name: 'hostNetwork',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        pod.spec.hostNetwork = true;
      },
      fails: { reason: 'host namespaces', detail: 'hostNetwork=true', field: 'spec.hostNetwork' },
    },
    {
      name: 'hostIPC and hostPID, listed network, PID, IPC',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        Object.assign(pod.spec, { hostIPC: true, hostPID: true });
      },
      fails: { reason: 'host namespaces', detail: 'hostPID=true, hostIPC=true', field: 'spec.hostPID' },
    },
    {
      name: 'all three host namespaces',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        Object.assign(pod.spec, { hostIPC: true, hostPID: true, hostNetwork: true });
      },
      fails: {
        reason: 'host namespaces',
        detail: 'hostNetwork=true, hostPID=true, hostIPC=true',
        field: 'spec.hostNetwork',
      },
    },
  ],
});
