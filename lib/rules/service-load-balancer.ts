import { forbidden } from './field-errors';
import { isCIDR } from './ip';
import type { JsonObject } from './json';
import { isJsonObject, isUnset, ownField, read, STRING } from './json';
import { readStrings } from './json-lists';
import { isQualifiedName } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';
import type { ServicePortView } from './service';

/** Upstream `ports.KubeletPort`: a LoadBalancer may not expose it. */
const KUBELET_PORT = 10250;
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const LB_ONLY = forbidden("may only be used when `type` is 'LoadBalancer'");
// Upstream's message ends with a space.
const NOT_RANGES = 'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ';

/**
 * Upstream `ValidateService` on load balancer source ranges, from the field (reported as upstream
 * spells it, `spec.LoadBalancerSourceRanges`) or else the annotation: only for LoadBalancer, and CIDRs.
 */
function validateSourceRanges(
  service: JsonObject,
  spec: JsonObject,
  type: string,
  out: ValidationError[],
): void {
  const ranges = readStrings(spec, 'loadBalancerSourceRanges', 'spec.loadBalancerSourceRanges', out);
  const metadata = isJsonObject(service.metadata) ? service.metadata : {};
  const found = ownField(metadata, 'annotations');
  const annotations = isJsonObject(found) ? found : {};
  const annotated = Object.hasOwn(annotations, SOURCE_RANGES_ANNOTATION);
  if (ranges.length === 0 && !annotated) return;
  const fromField = ranges.length > 0;
  const field = fromField
    ? 'spec.LoadBalancerSourceRanges'
    : `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
  const annotation = String(annotations[SOURCE_RANGES_ANNOTATION] ?? '').trim();
  const value = fromField
    ? `[${ranges.map(r => r.value).join(' ')}]`
    : String(annotations[SOURCE_RANGES_ANNOTATION] ?? '');
  if (type !== 'LoadBalancer') {
    out.push(
      error(
        'service-source-ranges-forbidden',
        field,
        value,
        LB_ONLY,
        `Remove ${field}, or set spec.type to LoadBalancer.`,
      ),
    );
  }
  const specs = fromField
    ? ranges.map(r => r.value)
    : (annotation === '' ? '0.0.0.0/0' : annotation).split(',');
  if (!specs.every(cidr => isCIDR(cidr.trim()))) {
    out.push(
      error(
        'service-source-ranges-invalid',
        field,
        value,
        NOT_RANGES,
        'List CIDR ranges such as 203.0.113.0/24 or 2001:db8::/32.',
      ),
    );
  }
}

/**
 * Upstream `ValidateService`'s LoadBalancer-only fields (pkg/apis/core/validation, 1.28): no port
 * 10250 on a LoadBalancer, source ranges, `allocateLoadBalancerNodePorts` (defaulted to true on a
 * LoadBalancer) and `loadBalancerClass` (a qualified name) only on a LoadBalancer.
 */
export function validateLoadBalancerFields(
  service: JsonObject,
  spec: JsonObject,
  type: string,
  ports: readonly ServicePortView[],
  out: ValidationError[],
): void {
  const loadBalancer = type === 'LoadBalancer';
  if (loadBalancer) {
    for (const port of ports) {
      if (port.port !== KUBELET_PORT) continue;
      out.push(
        error(
          'service-kubelet-port-forbidden',
          port.path,
          port.port,
          `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`,
          `Expose another port in ${port.path}.port; ${KUBELET_PORT} is the kubelet's API on every node.`,
        ),
      );
    }
  }
  validateSourceRanges(service, spec, type, out);
  const allocateField = 'spec.allocateLoadBalancerNodePorts';
  if (!loadBalancer && !isUnset(spec, 'allocateLoadBalancerNodePorts')) {
    out.push(
      error(
        'service-allocate-node-ports-forbidden',
        allocateField,
        spec.allocateLoadBalancerNodePorts,
        LB_ONLY,
        `Remove ${allocateField}, or set spec.type to LoadBalancer.`,
      ),
    );
  }
  const classField = 'spec.loadBalancerClass';
  const lbClass = read(spec, 'loadBalancerClass', classField, STRING, out);
  if (lbClass === undefined) return;
  if (!loadBalancer) {
    out.push(
      error(
        'service-load-balancer-class-forbidden',
        classField,
        lbClass,
        LB_ONLY,
        `Remove ${classField}, or set spec.type to LoadBalancer.`,
      ),
    );
    return;
  }
  const found = isQualifiedName(lbClass);
  if (found.length > 0) {
    out.push(
      error(
        'service-load-balancer-class-invalid',
        classField,
        lbClass,
        reasons(found),
        `Set ${classField} to a qualified name such as example.com/internal-lb.`,
      ),
    );
  }
}
