import type { CheckPod } from './check';
import type { PodSecurityLevel, PodSecurityViolation } from './level';
import type { PodView } from './manifest';
import { podViewOf } from './manifest';
import type { ResolvedCheck } from './registry';
import { checksAt } from './registry';
import type { PodSecurityVersion } from './version';
import { DEFAULT_POD_SECURITY_VERSION, podSecurityMinor } from './version';

/** Options for {@link evaluatePodSecurity}. */
export interface PodSecurityOptions {
  /**
   * The policy version, as the namespace's `pod-security.kubernetes.io/enforce-version` label
   * gives it: `'latest'` or `'v1.N'`. Pin a cluster's minor (`'v1.28'` for a 1.28 cluster) to
   * judge what that cluster enforces when the label is unset: there `latest` means its own minor.
   * @default 'latest' - the newest version this package knows (NEWEST_POD_SECURITY_VERSION)
   */
  readonly version?: PodSecurityVersion;
}

/** Whether an earlier violation already says exactly this (a restricted check and its baseline twin). */
function alreadyReported(
  violations: readonly PodSecurityViolation[],
  reason: string,
  detail: string,
  field: string,
) {
  for (const v of violations)
    if (v.reason === reason && v.detail === detail && v.field === field) return true;
  return false;
}

/**
 * Evaluates a Pod, or the pod template of a workload, against a Pod Security Standards level at a
 * policy version; returns [] when it complies.
 *
 * Field paths are those of the object passed in: `spec.template.spec.volumes[0].hostPath` for a
 * Deployment. An unrecognised level is evaluated as restricted, so a typo cannot switch checks off;
 * a version upstream would reject throws (see `podSecurityMinor`).
 */
export function evaluatePodSecurity(
  podOrWorkload: unknown,
  level: PodSecurityLevel,
  options: PodSecurityOptions = {},
): PodSecurityViolation[] {
  const minor = podSecurityMinor(options.version ?? DEFAULT_POD_SECURITY_VERSION);
  if (level === 'privileged') return [];
  const pod = podViewOf(podOrWorkload);
  if (pod === undefined) return [];
  const violations: PodSecurityViolation[] = [];
  for (const check of checksAt(level === 'baseline' ? 'baseline' : 'restricted', minor)) {
    const finding = check.evaluate(pod);
    if (finding === undefined) continue;
    // A restricted check that words a finding exactly like its baseline twin would print the same line twice.
    if (
      check.level === 'restricted' &&
      alreadyReported(violations, finding.reason, finding.detail, finding.field)
    )
      continue;
    violations.push({ check: check.id, level: check.level, ...finding });
  }
  return violations;
}

/** A violation and the policy version (as given) at which it was found. */
export interface VersionedViolation extends PodSecurityViolation {
  /** The first of the versions asked for whose policy finds this violation. */
  readonly version: PodSecurityVersion;
}

/**
 * Evaluates a Pod or workload at several policy versions at once: what it must pass to be admitted
 * under every one of them. Each revision of a check runs once, however many of the versions share
 * it, and a violation found at several versions is reported once, with the first version that
 * finds it; in check order, as `evaluatePodSecurity` reports them. Throws like it for a version
 * upstream would reject.
 */
export function evaluatePodSecurityAcross(
  podOrWorkload: unknown,
  level: PodSecurityLevel,
  versions: readonly PodSecurityVersion[],
): VersionedViolation[] {
  const steps = planAcross(level, versions);
  if (level === 'privileged') return [];
  const pod = podViewOf(podOrWorkload);
  return pod === undefined ? [] : runSteps(steps, pod);
}

/**
 * `evaluatePodSecurityAcross` for a pod the caller has already read into a view (the engine reads
 * each Pod once for Pod Security and credentials).
 */
export function evaluatePodViewAcross(
  pod: PodView,
  level: PodSecurityLevel,
  versions: readonly PodSecurityVersion[],
): VersionedViolation[] {
  const steps = planAcross(level, versions);
  return level === 'privileged' ? [] : runSteps(steps, pod);
}

function runSteps(steps: readonly Step[], pod: PodView): VersionedViolation[] {
  const violations: VersionedViolation[] = [];
  for (const { check, version } of steps) {
    const finding = check.evaluate(pod);
    if (finding === undefined || alreadyReported(violations, finding.reason, finding.detail, finding.field))
      continue;
    violations.push({ check: check.id, level: check.level, version, ...finding });
  }
  return violations;
}

/** One revision to run, and the first of the versions asked for whose policy runs it. */
interface Step {
  readonly check: ResolvedCheck;
  readonly version: PodSecurityVersion;
}

/** Plans by level and versions (joined with a space, which no version holds); built once each. */
const PLANS = new Map<string, readonly Step[]>();

/** The plan asked for last, with a copy of its versions. */
let lastPlan:
  | {
      readonly level: PodSecurityLevel;
      readonly versions: readonly PodSecurityVersion[];
      readonly steps: readonly Step[];
    }
  | undefined;

function sameVersions(a: readonly PodSecurityVersion[], b: readonly PodSecurityVersion[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The revisions `evaluatePodSecurityAcross` runs for a level and versions, in order: check ids in
 * registry order (the union of the versions' lists, which only ever append or keep ids); per id,
 * each distinct revision once, with the first version that runs it. Throws like
 * `podSecurityMinor` for a version upstream would reject, before anything is cached.
 */
function planAcross(level: PodSecurityLevel, versions: readonly PodSecurityVersion[]): readonly Step[] {
  // The engine asks for the same plan for every Pod: the last one is kept with a copy of its versions.
  if (lastPlan !== undefined && lastPlan.level === level && sameVersions(lastPlan.versions, versions))
    return lastPlan.steps;
  const steps = planOf(level, versions);
  lastPlan = { level, versions: [...versions], steps };
  return steps;
}

/** `planAcross` without the last plan: by key, built once each. */
function planOf(level: PodSecurityLevel, versions: readonly PodSecurityVersion[]): readonly Step[] {
  const key = `${level} ${versions.join(' ')}`;
  const cached = PLANS.get(key);
  if (cached !== undefined) return cached;
  const minors = versions.map(podSecurityMinor);
  const lists = minors.map(minor => checksAt(level === 'baseline' ? 'baseline' : 'restricted', minor));
  const ids: string[] = [];
  for (const list of lists) for (const check of list) if (!ids.includes(check.id)) ids.push(check.id);
  const steps: Step[] = [];
  for (const id of ids) {
    const ran = new Set<CheckPod>();
    lists.forEach((list, i) => {
      const check = list.find(c => c.id === id);
      if (check === undefined || ran.has(check.evaluate)) return;
      ran.add(check.evaluate);
      steps.push({ check, version: versions[i] });
    });
  }
  PLANS.set(key, steps);
  return steps;
}
