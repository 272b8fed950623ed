import { ownField } from '../../rules/json';
import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { asArray, asObject, asString } from '../manifest';

/** Namespaced sysctls baseline allows from v1.0. */
const ALLOWED_V1_0: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
]);

/** v1.27 adds `net.ipv4.ip_local_reserved_ports`. */
const ALLOWED_V1_27: ReadonlySet<string> = new Set([...ALLOWED_V1_0, 'net.ipv4.ip_local_reserved_ports']);

/** v1.29 adds the TCP keepalive and FIN timeout sysctls. */
const ALLOWED_V1_29: ReadonlySet<string> = new Set([
  ...ALLOWED_V1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** v1.32 adds the TCP buffer sizes. */
const ALLOWED_V1_32: ReadonlySet<string> = new Set([
  ...ALLOWED_V1_29,
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

// Upstream policy/check_sysctls.go, sysctls.
function checkSysctls({ spec, specPath }: PodView, allowed: ReadonlySet<string>): CheckFinding | undefined {
  const entries = asArray(ownField(asObject(spec.securityContext), 'sysctls'));
  const forbidden: string[] = [];
  let field: string | undefined;
  for (let index = 0; index < entries.length; index++) {
    const name = asString(asObject(entries[index])?.name);
    if (allowed.has(name)) continue;
    forbidden.push(name);
    field ??= `${specPath}.securityContext.sysctls[${index}].name`;
  }
  if (field === undefined) return undefined;
  return {
    reason: 'forbidden sysctls',
    // Upstream keeps declaration order here, duplicates included, rather than sorting.
    detail: forbidden.join(', '),
    field,
    fix: `Remove ${forbidden.join(', ')} from ${specPath}.securityContext.sysctls; only ${[...allowed].join(', ')} are allowed.`,
  };
}

// Upstream policy/check_sysctls.go, sysctlsV1Dot0, sysctlsV1Dot27, sysctlsV1Dot29, sysctlsV1Dot32.
const sysctlsV1Dot0 = (pod: PodView) => checkSysctls(pod, ALLOWED_V1_0);
const sysctlsV1Dot27 = (pod: PodView) => checkSysctls(pod, ALLOWED_V1_27);
const sysctlsV1Dot29 = (pod: PodView) => checkSysctls(pod, ALLOWED_V1_29);
const sysctlsV1Dot32 = (pod: PodView) => checkSysctls(pod, ALLOWED_V1_32);

/** Baseline: only the namespaced, isolated sysctls; the safe list grew at v1.27, v1.29 and v1.32. */
export const sysctls: PodSecurityCheck = {
  id: 'sysctls',
  level: 'baseline',
  revisions: [
    { since: 'v1.0', evaluate: sysctlsV1Dot0 },
    { since: 'v1.27', evaluate: sysctlsV1Dot27 },
    { since: 'v1.29', evaluate: sysctlsV1Dot29 },
    { since: 'v1.32', evaluate: sysctlsV1Dot32 },
  ],
};
