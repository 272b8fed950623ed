import type { KnownPodSecurityVersion } from './version';

/** A Pod Security Standards level, from least to most restrictive. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** The three Pod Security Standards levels by name, so callers need not repeat string literals. */
export const PodSecurityLevels = {
  PRIVILEGED: 'privileged',
  BASELINE: 'baseline',
  RESTRICTED: 'restricted',
} as const satisfies Record<string, PodSecurityLevel>;

/**
 * The policy version a Kubernetes 1.28 cluster, this project's target, enforces when a namespace
 * has no `-version` label (there `latest` means v1.28). Kept for compatibility: it no longer names
 * the only version evaluated. Pass it as `evaluatePodSecurity(obj, level, { version })` to judge
 * as a 1.28 cluster does; without a version the evaluator uses `'latest'`
 * (NEWEST_POD_SECURITY_VERSION).
 */
export const POD_SECURITY_POLICY_VERSION = 'v1.28' satisfies KnownPodSecurityVersion;

/** One failed Pod Security Standards check, worded as the upstream admission plugin words it. */
export interface PodSecurityViolation {
  /** Upstream check id, e.g. `allowPrivilegeEscalation`. */
  readonly check: string;
  /** Level that introduced the check. */
  readonly level: 'baseline' | 'restricted';
  /** Upstream ForbiddenReason, e.g. `allowPrivilegeEscalation != false`. */
  readonly reason: string;
  /** Upstream ForbiddenDetail, e.g. `container "app" must set securityContext.allowPrivilegeEscalation=false`. */
  readonly detail: string;
  /**
   * Field path of the first offending field in the object evaluated: `spec.containers[0].securityContext.privileged`
   * for a Pod, `spec.template.spec.containers[0].securityContext.privileged` for a Deployment.
   */
  readonly field: string;
  /** One imperative sentence saying how to fix it. */
  readonly fix: string;
}

/** Formats a violation the way the admission plugin does: `reason (detail)`. */
export function formatViolation(violation: PodSecurityViolation): string {
  return `${violation.reason} (${violation.detail})`;
}
