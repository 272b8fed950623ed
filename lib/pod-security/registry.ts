import type { CheckPod, PodSecurityCheck } from './check';
import { POD_SECURITY_CHECKS } from './checks';
import { podSecurityMinor } from './version';

/** A check as it runs at one policy version: the revision in force there. */
export interface ResolvedCheck {
  /** Upstream check id. */
  readonly id: string;
  /** Level that introduces the check. */
  readonly level: 'baseline' | 'restricted';
  /** The revision's test. */
  readonly evaluate: CheckPod;
}

/** The revision of a check in force at a minor version: the last one whose `since` is not newer. */
function revisionAt(check: PodSecurityCheck, minor: number): CheckPod | undefined {
  let evaluate: CheckPod | undefined;
  for (const revision of check.revisions) {
    if (podSecurityMinor(revision.since) > minor) break;
    evaluate = revision.evaluate;
  }
  return evaluate;
}

/** Resolved lists by level, indexed by minor version; filled on first use. */
const CACHE: Record<'baseline' | 'restricted', (readonly ResolvedCheck[] | undefined)[]> = {
  baseline: [],
  restricted: [],
};

/**
 * The checks a level runs at a policy version (a minor number from `podSecurityMinor`), in the
 * order upstream reports them; resolved once per level and version, then served from a cache.
 *
 * Baseline runs the baseline checks in force at that version. Restricted runs those and the
 * restricted ones. Upstream's restricted level lets `capabilities_restricted` (v1.22+),
 * `seccompProfile_restricted` (v1.19+), `restrictedVolumes` and `procMount_restricted` (v1.35+)
 * replace their baseline twins (policy/registry.go, populate); here the twins keep running, so
 * every baseline violation is also a restricted one. The verdict is the same, since each
 * replacement is at least as strict as its twin.
 */
export function checksAt(level: 'baseline' | 'restricted', minor: number): readonly ResolvedCheck[] {
  const cached = CACHE[level][minor];
  if (cached !== undefined) return cached;
  const resolved: ResolvedCheck[] = [];
  for (const check of POD_SECURITY_CHECKS) {
    if (level === 'baseline' && check.level === 'restricted') continue;
    const evaluate = revisionAt(check, minor);
    if (evaluate !== undefined) resolved.push({ id: check.id, level: check.level, evaluate });
  }
  CACHE[level][minor] = resolved;
  return resolved;
}
