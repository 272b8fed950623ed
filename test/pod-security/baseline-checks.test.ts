import { evaluatePodSecurity } from '../../lib/pod-security';
import { describeCheck } from './check-cases';
import type { PodFixture } from './fixtures';
import { app, context, init, podContext, restrictedPod } from './fixtures';

const APPARMOR = 'container.apparmor.security.beta.kubernetes.io';

/** Adds an ephemeral debug container, to show checks visit ephemeralContainers too. */
function addDebugger(pod: PodFixture, securityContext: Record<string, unknown>): void {
  pod.spec.ephemeralContainers = [{ name: 'debugger', image: 'busybox:1.36', securityContext }];
}

describeCheck({
  check: 'appArmorProfile',
  level: 'baseline',
  passes: [
    {
      name: 'runtime/default, localhost/* and empty profiles',
      tweak: pod => {
        pod.metadata.annotations = {
          [`${APPARMOR}/app`]: 'runtime/default',
          [`${APPARMOR}/init`]: 'localhost/k8s-apparmor-example',
          [`${APPARMOR}/other`]: '',
          'example.com/unrelated': 'unconfined',
        };
      },
    },
  ],
  fails: [
    {
      name: 'one unconfined profile',
      tweak: pod => {
        pod.metadata.annotations = { [`${APPARMOR}/app`]: 'unconfined' };
      },
      reason: 'forbidden AppArmor profile',
      detail: `${APPARMOR}/app="unconfined"`,
      field: `metadata.annotations[${APPARMOR}/app]`,
    },
    {
      name: 'two forbidden profiles, listed sorted',
      tweak: pod => {
        pod.metadata.annotations = {
          [`${APPARMOR}/init`]: 'unconfined',
          [`${APPARMOR}/app`]: 'docker/default',
        };
      },
      reason: 'forbidden AppArmor profiles',
      detail: `${APPARMOR}/app="docker/default", ${APPARMOR}/init="unconfined"`,
      field: `metadata.annotations[${APPARMOR}/app]`,
    },
  ],
});

describeCheck({
  check: 'capabilities_baseline',
  level: 'baseline',
  passes: [
    {
      name: 'adds only NET_BIND_SERVICE',
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE'] };
      },
    },
  ],
  fails: [
    {
      name: 'adds SYS_ADMIN',
      tweak: pod => {
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] };
      },
      reason: 'non-default capabilities',
      detail: 'container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add',
      field: 'spec.containers[0].securityContext.capabilities.add[0]',
    },
    {
      name: 'init and app add NET_RAW and SYS_ADMIN next to allowed ones',
      tweak: pod => {
        context(init(pod)).capabilities = { drop: ['ALL'], add: ['CHOWN', 'NET_RAW'] };
        context(app(pod)).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN', 'NET_RAW'] };
      },
      reason: 'non-default capabilities',
      detail:
        'containers "init", "app" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add',
      field: 'spec.initContainers[0].securityContext.capabilities.add[1]',
    },
  ],
});

describe('capabilities_baseline without capabilities_restricted', () => {
  it('passes at baseline when adding default capabilities such as CHOWN', () => {
    const pod = restrictedPod(p => {
      context(app(p)).capabilities = { drop: ['ALL'], add: ['CHOWN', 'KILL', 'SETUID'] };
    });
    expect(evaluatePodSecurity(pod, 'baseline')).toEqual([]);
  });
});

describeCheck({
  check: 'hostNamespaces',
  level: 'baseline',
  passes: [
    {
      name: 'host namespaces set to false',
      tweak: pod => {
        Object.assign(pod.spec, { hostNetwork: false, hostPID: false, hostIPC: false });
      },
    },
  ],
  fails: [
    {
      name: 'hostNetwork',
      tweak: pod => {
        pod.spec.hostNetwork = true;
      },
      reason: 'host namespaces',
      detail: 'hostNetwork',
      field: 'spec.hostNetwork',
    },
    {
      name: 'all three host namespaces, listed sorted',
      tweak: pod => {
        Object.assign(pod.spec, { hostIPC: true, hostPID: true, hostNetwork: true });
      },
      reason: 'host namespaces',
      detail: 'hostIPC, hostNetwork, hostPID',
      field: 'spec.hostNetwork',
    },
  ],
});

describeCheck({
  check: 'hostPathVolumes',
  level: 'baseline',
  passes: [
    {
      name: 'no hostPath volume',
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'cache', emptyDir: {} },
          { name: 'config', configMap: { name: 'web' } },
        ];
      },
    },
  ],
  fails: [
    {
      name: 'one hostPath volume',
      tweak: pod => {
        pod.spec.volumes?.push({ name: 'logs', hostPath: { path: '/var/log' } });
      },
      reason: 'hostPath volumes',
      detail: 'volume "logs"',
      field: 'spec.volumes[1].hostPath',
    },
    {
      name: 'two hostPath volumes',
      tweak: pod => {
        pod.spec.volumes = [
          { name: 'docker', hostPath: { path: '/var/run/docker.sock' } },
          { name: 'root', hostPath: { path: '/' } },
        ];
      },
      reason: 'hostPath volumes',
      detail: 'volumes "docker", "root"',
      field: 'spec.volumes[0].hostPath',
    },
  ],
});

describeCheck({
  check: 'hostPorts',
  level: 'baseline',
  passes: [
    {
      name: 'hostPort 0 or unset',
      tweak: pod => {
        app(pod).ports = [{ containerPort: 8080, hostPort: 0 }, { containerPort: 9090 }];
      },
    },
  ],
  fails: [
    {
      name: 'one container, two host ports, sorted as text',
      tweak: pod => {
        app(pod).ports = [
          { containerPort: 8080, hostPort: 8080 },
          { containerPort: 80, hostPort: 80 },
        ];
      },
      reason: 'hostPort',
      detail: 'container "app" uses hostPorts 80, 8080',
      field: 'spec.containers[0].ports[0].hostPort',
    },
    {
      name: 'two containers, one shared host port',
      tweak: pod => {
        init(pod).ports = [{ containerPort: 53, hostPort: 53 }];
        app(pod).ports = [{ containerPort: 8080 }, { containerPort: 53, hostPort: 53 }];
      },
      reason: 'hostPort',
      detail: 'containers "init", "app" use hostPort 53',
      field: 'spec.initContainers[0].ports[0].hostPort',
    },
  ],
});

describeCheck({
  check: 'privileged',
  level: 'baseline',
  passes: [
    {
      name: 'privileged: false',
      tweak: pod => {
        context(app(pod)).privileged = false;
      },
    },
  ],
  fails: [
    {
      name: 'privileged app container',
      tweak: pod => {
        context(app(pod)).privileged = true;
      },
      reason: 'privileged',
      detail: 'container "app" must not set securityContext.privileged=true',
      field: 'spec.containers[0].securityContext.privileged',
    },
    {
      name: 'privileged app and ephemeral containers',
      tweak: pod => {
        context(app(pod)).privileged = true;
        addDebugger(pod, {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          privileged: true,
        });
      },
      reason: 'privileged',
      detail: 'containers "app", "debugger" must not set securityContext.privileged=true',
      field: 'spec.containers[0].securityContext.privileged',
    },
  ],
});

describeCheck({
  check: 'procMount',
  level: 'baseline',
  passes: [
    {
      name: 'procMount Default',
      tweak: pod => {
        context(app(pod)).procMount = 'Default';
      },
    },
  ],
  fails: [
    {
      name: 'procMount Unmasked',
      tweak: pod => {
        context(app(pod)).procMount = 'Unmasked';
      },
      reason: 'procMount',
      detail: 'container "app" must not set securityContext.procMount to "Unmasked"',
      field: 'spec.containers[0].securityContext.procMount',
    },
  ],
});

describeCheck({
  check: 'seLinuxOptions',
  level: 'baseline',
  passes: [
    {
      name: 'allowed types and a level',
      tweak: pod => {
        podContext(pod).seLinuxOptions = { type: 'container_t', level: 's0:c123,c456' };
        context(init(pod)).seLinuxOptions = { type: 'container_init_t' };
        context(app(pod)).seLinuxOptions = { type: 'container_kvm_t' };
      },
    },
  ],
  fails: [
    {
      name: 'pod type spc_t',
      tweak: pod => {
        podContext(pod).seLinuxOptions = { type: 'spc_t' };
      },
      reason: 'seLinuxOptions',
      detail: 'pod set forbidden securityContext.seLinuxOptions: type "spc_t"',
      field: 'spec.securityContext.seLinuxOptions.type',
    },
    {
      name: 'container sets user and role',
      tweak: pod => {
        context(app(pod)).seLinuxOptions = { user: 'system_u', role: 'system_r' };
      },
      reason: 'seLinuxOptions',
      detail:
        'container "app" set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set',
      field: 'spec.containers[0].securityContext.seLinuxOptions.user',
    },
    {
      name: 'pod and container types',
      tweak: pod => {
        podContext(pod).seLinuxOptions = { type: 'foo' };
        context(app(pod)).seLinuxOptions = { type: 'bar', role: 'sysadm_r' };
      },
      reason: 'seLinuxOptions',
      detail:
        'pod and container "app" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; role may not be set',
      field: 'spec.securityContext.seLinuxOptions.type',
    },
  ],
});

describeCheck({
  check: 'seccompProfile_baseline',
  level: 'baseline',
  passes: [
    {
      name: 'RuntimeDefault on the pod, Localhost on a container',
      tweak: pod => {
        context(app(pod)).seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/audit.json' };
      },
    },
  ],
  fails: [
    {
      name: 'pod Unconfined',
      tweak: pod => {
        podContext(pod).seccompProfile = { type: 'Unconfined' };
      },
      reason: 'seccompProfile',
      detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"',
      field: 'spec.securityContext.seccompProfile.type',
    },
    {
      name: 'container Unconfined',
      tweak: pod => {
        context(app(pod)).seccompProfile = { type: 'Unconfined' };
      },
      reason: 'seccompProfile',
      detail: 'container "app" must not set securityContext.seccompProfile.type to "Unconfined"',
      field: 'spec.containers[0].securityContext.seccompProfile.type',
    },
  ],
});

describeCheck({
  check: 'sysctls',
  level: 'baseline',
  passes: [
    {
      name: 'every safe sysctl, including ip_local_reserved_ports (v1.27+)',
      tweak: pod => {
        podContext(pod).sysctls = [
          { name: 'kernel.shm_rmid_forced', value: '0' },
          { name: 'net.ipv4.ip_local_port_range', value: '1024 65535' },
          { name: 'net.ipv4.ip_local_reserved_ports', value: '8080' },
          { name: 'net.ipv4.tcp_syncookies', value: '1' },
          { name: 'net.ipv4.ping_group_range', value: '0 2147483647' },
          { name: 'net.ipv4.ip_unprivileged_port_start', value: '0' },
        ];
      },
    },
  ],
  fails: [
    {
      name: 'unsafe sysctls, in declaration order',
      tweak: pod => {
        podContext(pod).sysctls = [
          { name: 'net.core.somaxconn', value: '1024' },
          { name: 'net.ipv4.tcp_syncookies', value: '1' },
          { name: 'kernel.msgmax', value: '65536' },
        ];
      },
      reason: 'forbidden sysctls',
      detail: 'net.core.somaxconn, kernel.msgmax',
      field: 'spec.securityContext.sysctls[0].name',
    },
    {
      name: 'a v1.29 sysctl, not yet safe at v1.28',
      tweak: pod => {
        podContext(pod).sysctls = [{ name: 'net.ipv4.tcp_keepalive_time', value: '600' }];
      },
      reason: 'forbidden sysctls',
      detail: 'net.ipv4.tcp_keepalive_time',
      field: 'spec.securityContext.sysctls[0].name',
    },
  ],
});

describeCheck({
  check: 'windowsHostProcess',
  level: 'baseline',
  passes: [
    {
      name: 'hostProcess false',
      tweak: pod => {
        podContext(pod).windowsOptions = { hostProcess: false };
        context(app(pod)).windowsOptions = { hostProcess: false, runAsUserName: 'ContainerUser' };
      },
    },
  ],
  fails: [
    {
      name: 'pod hostProcess',
      tweak: pod => {
        podContext(pod).windowsOptions = { hostProcess: true };
      },
      reason: 'hostProcess',
      detail: 'pod must not set securityContext.windowsOptions.hostProcess=true',
      field: 'spec.securityContext.windowsOptions.hostProcess',
    },
    {
      name: 'pod and container hostProcess',
      tweak: pod => {
        podContext(pod).windowsOptions = { hostProcess: true };
        context(app(pod)).windowsOptions = { hostProcess: true };
      },
      reason: 'hostProcess',
      detail: 'pod and container "app" must not set securityContext.windowsOptions.hostProcess=true',
      field: 'spec.securityContext.windowsOptions.hostProcess',
    },
  ],
});
