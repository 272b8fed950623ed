import { required } from './field-error';
import type { JsonObject } from './json';
import { read, STRING } from './json';
import { isDns1123Subdomain, isQualifiedName } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';
import type { ServicePortView } from './service';
import { validateServiceClusterIPs } from './service-cluster-ips';
import { validateExternalIPs } from './service-external-ips';
import { validateLoadBalancerFields } from './service-load-balancer';
import { validateSessionAffinity } from './service-session-affinity';
import { validateTrafficPolicies } from './service-traffic-policy';

/** Upstream `ValidateService` for ExternalName: `externalName` is required and, less a trailing dot, a DNS subdomain. */
function validateExternalName(spec: JsonObject, out: ValidationError[]): void {
  const field = 'spec.externalName';
  const written = read(spec, 'externalName', field, STRING, out) ?? '';
  const name = written.endsWith('.') ? written.slice(0, -1) : written;
  const fix = `Set ${field} to the DNS name the Service aliases, e.g. db.example.com.`;
  if (name === '') {
    out.push(error('service-external-name-required', field, spec.externalName, required(), fix));
    return;
  }
  const found = isDns1123Subdomain(name);
  if (found.length > 0) out.push(error('service-external-name-invalid', field, name, reasons(found), fix));
}

/** Upstream `validateServicePort` on `appProtocol`: a qualified name such as `http` or `kubernetes.io/h2c`. */
function validateAppProtocols(ports: readonly ServicePortView[], out: ValidationError[]): void {
  for (const { path, item } of ports) {
    const field = `${path}.appProtocol`;
    const protocol = read(item, 'appProtocol', field, STRING, out);
    const found = protocol === undefined ? [] : isQualifiedName(protocol);
    if (found.length > 0) {
      out.push(
        error(
          'service-app-protocol-invalid',
          field,
          protocol,
          reasons(found),
          `Set ${field} to an IANA service name such as http, or a prefixed name such as kubernetes.io/h2c.`,
        ),
      );
    }
  }
}

/**
 * The Service rules of upstream `ValidateService` (pkg/apis/core/validation, 1.28) beyond names,
 * ports and selector: cluster IPs and IP families, ExternalName, session affinity, external IPs,
 * LoadBalancer-only fields, traffic policies and port appProtocol. `type` is after defaulting.
 */
export function validateServiceFields(
  service: JsonObject,
  spec: JsonObject,
  type: string,
  ports: readonly ServicePortView[],
  out: ValidationError[],
): void {
  validateServiceClusterIPs(spec, type, out);
  if (type === 'ExternalName') validateExternalName(spec, out);
  validateAppProtocols(ports, out);
  validateSessionAffinity(spec, out);
  if (spec.externalIPs != null) validateExternalIPs(spec, out);
  validateLoadBalancerFields(service, spec, type, ports, out);
  validateTrafficPolicies(spec, type, out);
}
