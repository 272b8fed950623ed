import type { JsonObject } from './json';
import { INTEGER, read, STRING } from './json';
import { isValidPortNum } from './names';
import type { ValidationError } from './problem';
import { error, reasons, unsupported } from './report';

/** Values the API server accepts for `spec.externalTrafficPolicy` and `spec.internalTrafficPolicy`. */
export const TRAFFIC_POLICIES: readonly string[] = ['Cluster', 'Local'];

/**
 * Upstream `validateServiceExternalTrafficPolicy` (1.28): `externalTrafficPolicy` only on NodePort
 * and LoadBalancer (defaulted to Cluster there; 1.29 also allows it with externalIPs), and
 * `healthCheckNodePort` only on a LoadBalancer with policy Local (allocated there when unset).
 */
function validateExternalTrafficPolicy(spec: JsonObject, type: string, out: ValidationError[]): string {
  const field = 'spec.externalTrafficPolicy';
  const written = read(spec, 'externalTrafficPolicy', field, STRING, out) ?? '';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  if (!external) {
    if (written !== '') {
      out.push(
        error(
          'service-external-traffic-policy-forbidden',
          field,
          written,
          "may only be set when `type` is 'NodePort' or 'LoadBalancer'",
          'Remove spec.externalTrafficPolicy, or set spec.type to NodePort or LoadBalancer.',
        ),
      );
    }
    return written;
  }
  const policy = written || 'Cluster';
  if (!TRAFFIC_POLICIES.includes(policy)) {
    out.push(
      error(
        'service-external-traffic-policy-unsupported',
        field,
        policy,
        unsupported(TRAFFIC_POLICIES),
        'Set spec.externalTrafficPolicy to Cluster or Local.',
      ),
    );
  }
  return policy;
}

function validateHealthCheckNodePort(
  spec: JsonObject,
  type: string,
  policy: string,
  out: ValidationError[],
): void {
  const field = 'spec.healthCheckNodePort';
  const port = read(spec, 'healthCheckNodePort', field, INTEGER, out) ?? 0;
  if (port === 0) return;
  if (type !== 'LoadBalancer' || policy !== 'Local') {
    out.push(
      error(
        'service-health-check-node-port-forbidden',
        field,
        port,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        `Remove ${field}, or use type LoadBalancer with externalTrafficPolicy Local.`,
      ),
    );
    return;
  }
  const found = isValidPortNum(port);
  if (found.length > 0) {
    out.push(
      error(
        'service-health-check-node-port-invalid',
        field,
        port,
        reasons(found),
        `Set ${field} to a port between 1 and 65535, or omit it to let the cluster allocate one.`,
      ),
    );
  }
}

/**
 * Upstream's traffic policy rules for a Service of `type`: external policy and health check node
 * port, and `validateServiceInternalTrafficFieldsValue` (an internal policy, when set, is Cluster or
 * Local; defaulting sets Cluster on every type but ExternalName).
 */
export function validateTrafficPolicies(spec: JsonObject, type: string, out: ValidationError[]): void {
  const policy = validateExternalTrafficPolicy(spec, type, out);
  validateHealthCheckNodePort(spec, type, policy, out);
  const field = 'spec.internalTrafficPolicy';
  const internal = read(spec, 'internalTrafficPolicy', field, STRING, out);
  if (internal !== undefined && !TRAFFIC_POLICIES.includes(internal)) {
    out.push(
      error(
        'service-internal-traffic-policy-unsupported',
        field,
        internal,
        unsupported(TRAFFIC_POLICIES),
        `Set ${field} to Cluster or Local, or remove it for Cluster.`,
      ),
    );
  }
}
