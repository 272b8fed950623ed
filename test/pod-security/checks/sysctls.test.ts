import type { PodSecurityVersion } from '../../../lib/pod-security';
import type { CheckCase } from '../check-cases';
import { describeCheck } from '../check-cases';
import { podContext } from '../fixtures';

/** A pass case before a sysctl joined the safe list and a fail case from then on. */
function joinsAt(
  sysctl: string,
  before: readonly PodSecurityVersion[],
  from: readonly PodSecurityVersion[],
): CheckCase[] {
  const tweak: CheckCase['tweak'] = pod => {
    podContext(pod).sysctls = [{ name: sysctl, value: '1' }];
  };
  return [
    {
      name: `${sysctl}, before it was safe`,
      at: before,
      tweak,
      fails: { reason: 'forbidden sysctls', detail: sysctl, field: 'spec.securityContext.sysctls[0].name' },
    },
    { name: `${sysctl}, safe from ${from[0]}`, at: from, tweak },
  ];
}

describeCheck({
  check: 'sysctls',
  level: 'baseline',
  cases: [
    {
      name: 'the five sysctls safe since v1.0',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).sysctls = [
          { name: 'kernel.shm_rmid_forced', value: '0' },
          { name: 'net.ipv4.ip_local_port_range', value: '1024 65535' },
          { name: 'net.ipv4.tcp_syncookies', value: '1' },
          { name: 'net.ipv4.ping_group_range', value: '0 2147483647' },
          { name: 'net.ipv4.ip_unprivileged_port_start', value: '0' },
        ];
      },
    },
    ...joinsAt('net.ipv4.ip_local_reserved_ports', ['v1.0', 'v1.26'], ['v1.27', 'latest']),
    ...joinsAt('net.ipv4.tcp_keepalive_time', ['v1.0', 'v1.28'], ['v1.29', 'latest']),
    ...joinsAt('net.ipv4.tcp_fin_timeout', ['v1.28'], ['v1.29']),
    ...joinsAt('net.ipv4.tcp_keepalive_intvl', ['v1.28'], ['v1.29']),
    ...joinsAt('net.ipv4.tcp_keepalive_probes', ['v1.28'], ['v1.29']),
    ...joinsAt('net.ipv4.tcp_rmem', ['v1.0', 'v1.31'], ['v1.32', 'latest']),
    ...joinsAt('net.ipv4.tcp_wmem', ['v1.31'], ['v1.32']),
    {
      name: 'unsafe sysctls, in declaration order',
      at: ['v1.0', 'latest'],
      tweak: pod => {
        podContext(pod).sysctls = [
          { name: 'net.core.somaxconn', value: '1024' },
          { name: 'net.ipv4.tcp_syncookies', value: '1' },
          { name: 'kernel.msgmax', value: '65536' },
        ];
      },
      fails: {
        reason: 'forbidden sysctls',
        detail: 'net.core.somaxconn, kernel.msgmax',
        field: 'spec.securityContext.sysctls[0].name',
      },
    },
    {
      name: 'a sysctl upstream only allows from the unreleased v1.37',
      at: ['latest', 'v1.37'],
      tweak: pod => {
        podContext(pod).sysctls = [{ name: 'net.ipv4.tcp_notsent_lowat', value: '16384' }];
      },
      fails: {
        reason: 'forbidden sysctls',
        detail: 'net.ipv4.tcp_notsent_lowat',
        field: 'spec.securityContext.sysctls[0].name',
      },
    },
  ],
});
