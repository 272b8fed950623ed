import { duplicateValue, forbidden } from './field-error';
import { isIPv6String, parseIP } from './ip';
import type { JsonObject } from './json';
import { isUnset, read, STRING } from './json';
import { readStrings } from './json-lists';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/** `spec.ipFamilies` values, sorted as upstream lists them. */
export const IP_FAMILIES: readonly string[] = ['IPv4', 'IPv6'];

/** `spec.ipFamilyPolicy` values, sorted as upstream lists them. */
export const IP_FAMILY_POLICIES: readonly string[] = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

/** Upstream `IsValidIP`'s message (apimachinery 1.28). */
export const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

const CLUSTER_IPS = 'spec.clusterIPs';
const FAMILIES = 'spec.ipFamilies';
const POLICY = 'spec.ipFamilyPolicy';

interface ClusterIPFields {
  readonly clusterIP: string;
  /** After the registry's `normalizeClusterIPs`: `[clusterIP]` when only clusterIP is set. */
  readonly clusterIPs: readonly string[];
  readonly families: readonly string[];
  readonly policy?: string;
}

function readFields(spec: JsonObject, out: ValidationError[]): ClusterIPFields {
  const clusterIP = read(spec, 'clusterIP', 'spec.clusterIP', STRING, out) ?? '';
  const written = readStrings(spec, 'clusterIPs', CLUSTER_IPS, out).map(ip => ip.value);
  const clusterIPs = clusterIP !== '' && written.length === 0 ? [clusterIP] : written;
  const families = readStrings(spec, 'ipFamilies', FAMILIES, out).map(family => family.value);
  const policy = read(spec, 'ipFamilyPolicy', POLICY, STRING, out);
  return { clusterIP, clusterIPs, families, policy };
}

/** ExternalName Services get no cluster IP: upstream forbids the IP fields outright. */
function validateExternalNameIPs(spec: JsonObject, fields: ClusterIPFields, out: ValidationError[]): void {
  const checks: ReadonlyArray<readonly [string, boolean, unknown]> = [
    [CLUSTER_IPS, fields.clusterIPs.length > 0, fields.clusterIPs],
    [FAMILIES, fields.families.length > 0, fields.families],
    [POLICY, !isUnset(spec, 'ipFamilyPolicy'), fields.policy],
  ];
  for (const [field, set, value] of checks) {
    if (!set) continue;
    out.push(
      error(
        'service-external-name-ip-field-forbidden',
        field,
        value,
        forbidden('may not be set for ExternalName services'),
        `Remove ${field}${field === CLUSTER_IPS ? ' and spec.clusterIP' : ''}: an ExternalName Service is a DNS alias without a cluster IP.`,
      ),
    );
  }
}

/** Upstream `ValidateServiceClusterIPsRelatedFields`, in its order; stops where upstream stops. */
function validateRelatedFields(fields: ClusterIPFields, out: ValidationError[]): void {
  const { clusterIP, clusterIPs, families, policy } = fields;
  const ipsFix =
    'Set spec.clusterIPs to [spec.clusterIP] (and a second IP of the other family for dual-stack), or omit both.';
  if (clusterIP !== '' && clusterIPs[0] !== clusterIP) {
    out.push(
      error(
        'service-cluster-ips-mismatch',
        CLUSTER_IPS,
        clusterIPs,
        'first value must match `clusterIP`',
        ipsFix,
      ),
    );
  } else if (clusterIP === '' && clusterIPs.length > 0) {
    out.push(
      error(
        'service-cluster-ips-mismatch',
        CLUSTER_IPS,
        clusterIPs,
        'must be empty when `clusterIP` is not specified',
        ipsFix,
      ),
    );
  }
  const seen = new Set<string>();
  families.forEach((family, i) => {
    const field = `${FAMILIES}[${i}]`;
    if (!IP_FAMILIES.includes(family)) {
      out.push(
        error(
          'service-ip-family-unsupported',
          field,
          family,
          unsupported(IP_FAMILIES),
          `Set ${field} to IPv4 or IPv6.`,
        ),
      );
    }
    if (seen.has(family)) {
      out.push(
        error(
          'service-ip-family-duplicate',
          field,
          family,
          duplicateValue(family),
          `Remove ${field}: list each IP family once.`,
        ),
      );
    }
    seen.add(family);
  });
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy)) {
    out.push(
      error(
        'service-ip-family-policy-unsupported',
        POLICY,
        policy,
        unsupported(IP_FAMILY_POLICIES),
        `Set ${POLICY} to SingleStack, PreferDualStack or RequireDualStack, or remove it.`,
      ),
    );
  }
  let invalid = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        invalid = true;
        out.push(
          error(
            'service-cluster-ips-invalid',
            CLUSTER_IPS,
            clusterIPs,
            "'None' must be the first and only value",
            'Use clusterIPs: [None] alone for a headless Service.',
          ),
        );
      }
      return;
    }
    if (parseIP(ip) === undefined) {
      invalid = true;
      out.push(
        error(
          'service-cluster-ip-invalid',
          `${CLUSTER_IPS}[${i}]`,
          ip,
          INVALID_IP,
          'Use an IP address from the cluster\'s Service range, "None", or omit it.',
        ),
      );
    }
  });
  if (clusterIPs.length > 2) {
    out.push(
      error(
        'service-cluster-ips-too-many',
        CLUSTER_IPS,
        clusterIPs,
        'may only hold up to 2 values',
        'Keep at most one IPv4 and one IPv6 address in spec.clusterIPs.',
      ),
    );
  }
  if (invalid) return;
  if (clusterIPs.length > 1) {
    const v6 = clusterIPs.filter(isIPv6String).length;
    if (v6 === 0 || v6 === clusterIPs.length) {
      out.push(
        error(
          'service-cluster-ips-not-dual-stack',
          CLUSTER_IPS,
          clusterIPs,
          'may specify no more than one IP for each IP family',
          'Give spec.clusterIPs one IPv4 and one IPv6 address, or a single address.',
        ),
      );
    }
  }
  const headless = clusterIPs.length === 1 && clusterIPs[0] === 'None';
  if (headless) return;
  const count = Math.min(clusterIPs.length, families.length);
  for (let i = 0; i < count; i++) {
    const ip = clusterIPs[i] as string;
    const family = families[i];
    if (family !== 'IPv4' && family !== 'IPv6') continue;
    if ((family === 'IPv6') !== isIPv6String(ip)) {
      out.push(
        error(
          'service-cluster-ip-family-mismatch',
          `${CLUSTER_IPS}[${i}]`,
          ip,
          `expected an ${family} value as indicated by \`ipFamilies[${i}]\``,
          `Make ${CLUSTER_IPS}[${i}] an ${family} address, or change ${FAMILIES}[${i}].`,
        ),
      );
    }
  }
}

/**
 * The registry's `initIPFamilyFields` before any cluster configuration is consulted: an unset policy
 * becomes SingleStack (RequireDualStack for a selectorless headless Service), and SingleStack takes
 * one cluster IP and one family. Whether the cluster is dual-stack is not known here.
 */
function validatePolicyCounts(spec: JsonObject, fields: ClusterIPFields, out: ValidationError[]): void {
  const selector = spec.selector;
  const selectorless = selector === undefined || selector === null || Object.keys(selector).length === 0;
  const policy =
    fields.policy ?? (fields.clusterIP === 'None' && selectorless ? 'RequireDualStack' : 'SingleStack');
  if (policy !== 'SingleStack') return;
  const fix = `Set ${POLICY} to PreferDualStack or RequireDualStack, or keep a single entry.`;
  if (fields.clusterIPs.length === 2) {
    out.push(
      error(
        'service-ip-family-policy-single-stack',
        POLICY,
        policy,
        "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        fix,
      ),
    );
  }
  if (fields.families.length === 2) {
    out.push(
      error(
        'service-ip-family-policy-single-stack',
        POLICY,
        policy,
        "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        fix,
      ),
    );
  }
}

/**
 * Upstream's cluster IP rules for a Service of `type` (pkg/apis/core/validation, 1.28):
 * `ValidateService`'s headless and ExternalName cases, `ValidateServiceClusterIPsRelatedFields`
 * (clusterIP/clusterIPs agreement, valid IPs, at most one per family, families and policy values),
 * and the registry's policy defaulting. Cluster-dependent checks (the Service CIDR, whether the
 * cluster is dual-stack) are not made.
 */
export function validateServiceClusterIPs(spec: JsonObject, type: string, out: ValidationError[]): void {
  const fields = readFields(spec, out);
  if (type === 'ExternalName') {
    validateExternalNameIPs(spec, fields, out);
    return;
  }
  const headless = fields.clusterIPs.length === 1 && fields.clusterIPs[0] === 'None';
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    out.push(
      error(
        'service-headless-type-forbidden',
        `${CLUSTER_IPS}[0]`,
        'None',
        `may not be set to 'None' for ${type} services`,
        `Remove clusterIP: None, or set spec.type to ClusterIP for a headless Service.`,
      ),
    );
  }
  const before = out.length;
  validateRelatedFields(fields, out);
  if (out.length === before) validatePolicyCounts(spec, fields, out);
}
