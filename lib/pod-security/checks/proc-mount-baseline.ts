import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { isSet, text, usesUserNamespace } from '../manifest';
import { containerList, joinQuote, sortedUnique } from '../wording';

/**
 * Upstream policy/check_procMount_baseline.go, procMount_1_0: any procMount but Default unmasks
 * /proc. Also restricted's procMount_restricted from v1.35.
 */
export function procMountV1Dot0(pod: PodView): CheckFinding | undefined {
  const names: string[] = [];
  const types: string[] = [];
  let field: string | undefined;
  for (const { name, path, securityContext } of pod.containers) {
    const procMount = securityContext?.procMount;
    if (!isSet(procMount) || procMount === 'Default') continue;
    names.push(name);
    types.push(text(procMount));
    field ??= `${path}.securityContext.procMount`;
  }
  if (field === undefined) return undefined;
  return {
    reason: 'procMount',
    detail: `${containerList(names)} must not set securityContext.procMount to ${joinQuote(sortedUnique(types))}`,
    field,
    fix: 'Remove securityContext.procMount or set it to "Default" so the /proc masks stay in place.',
  };
}

// Upstream policy/check_procMount_baseline.go, procMount1_35baseline: a pod in its own user
// namespace (spec.hostUsers: false) may unmask /proc.
function procMountV1Dot35(pod: PodView): CheckFinding | undefined {
  return usesUserNamespace(pod) ? undefined : procMountV1Dot0(pod);
}

/** Baseline: procMount stays Default (v1.0); any value in a user namespace (from v1.35). */
export const procMountBaseline: PodSecurityCheck = {
  id: 'procMount',
  level: 'baseline',
  revisions: [
    { since: 'v1.0', evaluate: procMountV1Dot0 },
    { since: 'v1.35', evaluate: procMountV1Dot35 },
  ],
};
