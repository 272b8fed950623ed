/** A Pod Security Standards level, from least to most restrictive. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** The three Pod Security Standards levels by name, so callers need not repeat string literals. */
export const PodSecurityLevels = {
  PRIVILEGED: 'privileged',
  BASELINE: 'baseline',
  RESTRICTED: 'restricted',
} as const satisfies Record<string, PodSecurityLevel>;

/** The policy version whose checks and wording this evaluator mirrors. */
export const POD_SECURITY_POLICY_VERSION = 'v1.28';

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
  /** Field path of the first offending field, relative to the pod (or pod template), e.g. `spec.containers[0].securityContext.allowPrivilegeEscalation`. */
  readonly field: string;
  /** One imperative sentence saying how to fix it. */
  readonly fix: string;
}

/** Formats a violation the way the admission plugin does: `reason (detail)`. */
export function formatViolation(violation: PodSecurityViolation): string {
  return `${violation.reason} (${violation.detail})`;
}
