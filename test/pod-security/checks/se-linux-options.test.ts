import { describeCheck } from '../check-cases';
import { app, context, init, podContext } from '../fixtures';

describeCheck({
  check: 'seLinuxOptions',
  level: 'baseline',
  cases: [
    {
      name: 'allowed types and a level',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).seLinuxOptions = { type: 'container_t', level: 's0:c123,c456' };
        context(init(pod)).seLinuxOptions = { type: 'container_init_t' };
        context(app(pod)).seLinuxOptions = { type: 'container_kvm_t' };
      },
    },
    {
      name: 'container_engine_t, before v1.31',
      at: ['v1.0', 'v1.30'],
      tweak: pod => {
        context(app(pod)).seLinuxOptions = { type: 'container_engine_t' };
      },
      fails: {
        reason: 'seLinuxOptions',
        detail: 'container "app" set forbidden securityContext.seLinuxOptions: type "container_engine_t"',
        field: 'spec.containers[0].securityContext.seLinuxOptions.type',
      },
    },
    {
      name: 'container_engine_t, allowed from v1.31',
      at: ['v1.31', 'latest'],
      tweak: pod => {
        context(app(pod)).seLinuxOptions = { type: 'container_engine_t' };
      },
    },
    {
      name: 'pod type spc_t',
      at: ['v1.0', 'v1.31', 'latest'],
      tweak: pod => {
        podContext(pod).seLinuxOptions = { type: 'spc_t' };
      },
      fails: {
        reason: 'seLinuxOptions',
        detail: 'pod set forbidden securityContext.seLinuxOptions: type "spc_t"',
        field: 'spec.securityContext.seLinuxOptions.type',
      },
    },
    {
      name: 'container sets user and role',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        context(app(pod)).seLinuxOptions = { user: 'system_u', role: 'system_r' };
      },
      fails: {
        reason: 'seLinuxOptions',
        detail:
          'container "app" set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set',
        field: 'spec.containers[0].securityContext.seLinuxOptions.user',
      },
    },
    {
      name: 'pod and container types',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).seLinuxOptions = { type: 'foo' };
        context(app(pod)).seLinuxOptions = { type: 'bar', role: 'sysadm_r' };
      },
      fails: {
        reason: 'seLinuxOptions',
        detail:
          'pod and container "app" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; role may not be set',
        field: 'spec.securityContext.seLinuxOptions.type',
      },
    },
  ],
});
