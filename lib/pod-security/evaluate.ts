import { BASELINE_CHECKS } from './baseline-checks';
import type { PodSecurityCheck } from './check';
import type { PodSecurityLevel, PodSecurityViolation } from './level';
import { podViewOf } from './manifest';
import { RESTRICTED_CHECKS } from './restricted-checks';

/**
 * Every check, baseline first, each in upstream registration order.
 *
 * Unlike upstream, restricted does not let `capabilities_restricted`, `seccompProfile_restricted` and
 * `restrictedVolumes` replace their baseline counterparts: running both keeps baseline violations a
 * subset of restricted ones, at the cost of two messages for some fields.
 */
export const POD_SECURITY_CHECKS: readonly PodSecurityCheck[] = [...BASELINE_CHECKS, ...RESTRICTED_CHECKS];

/** The checks a level runs; an unrecognised level runs everything, so a typo fails closed. */
function checksFor(level: PodSecurityLevel): readonly PodSecurityCheck[] {
  if (level === 'privileged') return [];
  return level === 'baseline' ? BASELINE_CHECKS : POD_SECURITY_CHECKS;
}

/**
 * Evaluates a Pod, or the pod template of a Deployment/StatefulSet/DaemonSet/ReplicaSet/Job/CronJob,
 * against a Pod Security Standards level (policy v1.28); returns [] when it complies.
 */
export function evaluatePodSecurity(podOrWorkload: unknown, level: PodSecurityLevel): PodSecurityViolation[] {
  const checks = checksFor(level);
  if (checks.length === 0) return [];
  const pod = podViewOf(podOrWorkload);
  if (pod === undefined) return [];
  const violations: PodSecurityViolation[] = [];
  for (const check of checks) {
    const finding = check.evaluate(pod);
    if (finding !== undefined) violations.push({ check: check.id, level: check.level, ...finding });
  }
  return violations;
}
