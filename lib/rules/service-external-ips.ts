import type { IPBytes } from './ip';
import { isLinkLocalMulticast, isLinkLocalUnicast, isLoopback, isUnspecified, parseIP } from './ip';
import type { JsonObject } from './json';
import { readStrings } from './json-lists';
import type { ValidationError } from './problem';
import { error } from './report';
import { INVALID_IP } from './service-cluster-ips';

/** Upstream `ValidateNonSpecialIP`: the reasons an address may not be used as an external IP. */
export function specialIPReasons(value: string, ip: IPBytes): string[] {
  const found: string[] = [];
  if (isUnspecified(ip)) found.push(`may not be unspecified (${value})`);
  if (isLoopback(ip)) found.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (isLinkLocalUnicast(ip)) found.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  if (isLinkLocalMulticast(ip))
    found.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return found;
}

/**
 * Upstream `ValidateService` on `spec.externalIPs`: each entry is an IP address (`IsValidIP`) and
 * not unspecified, loopback, link-local or link-local multicast (`ValidateNonSpecialIP`).
 * Whether the cluster lets the Service use it is for the DenyServiceExternalIPs admission plugin.
 */
export function validateExternalIPs(spec: JsonObject, out: ValidationError[]): void {
  for (const { index, value } of readStrings(spec, 'externalIPs', 'spec.externalIPs', out)) {
    const field = `spec.externalIPs[${index}]`;
    const ip = parseIP(value);
    const found = ip === undefined ? [INVALID_IP] : specialIPReasons(value, ip);
    for (const reason of found) {
      out.push(
        error(
          'service-external-ip-invalid',
          field,
          value,
          reason,
          `Set ${field} to a routable address of a node or load balancer, or remove it.`,
        ),
      );
    }
  }
}
