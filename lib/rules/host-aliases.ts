import { parseIP } from './ip';
import type { JsonObject } from './json';
import { readField, readObjects, STRING } from './json';
import { readStrings } from './json-lists';
import { isDns1123Subdomain } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/**
 * Upstream `ValidateHostAliases` (pkg/apis/core/validation): each alias's IP is an IP address and its
 * hostnames are DNS subdomains. Upstream reports them without the alias's index
 * (`spec.hostAliases.ip`, `spec.hostAliases.hostnames`), and so do these rules.
 */
export function validateHostAliases(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const path = `${specPath}.hostAliases`;
  for (const { path: aliasPath, item } of readObjects(spec, 'hostAliases', path, out)) {
    const ip = readField(item, 'ip', aliasPath, STRING, out) ?? '';
    if (parseIP(ip) === undefined) {
      out.push(
        error(
          'pod-host-alias-ip-invalid',
          `${path}.ip`,
          ip,
          'must be valid IP address',
          `Set ${aliasPath}.ip to an IPv4 or IPv6 address.`,
        ),
      );
    }
    for (const { value } of readStrings(item, 'hostnames', `${aliasPath}.hostnames`, out)) {
      const found = isDns1123Subdomain(value);
      if (found.length > 0) {
        out.push(
          error(
            'pod-host-alias-hostname-invalid',
            `${path}.hostnames`,
            value,
            reasons(found),
            `Use lower-case DNS names in ${aliasPath}.hostnames.`,
          ),
        );
      }
    }
  }
}
