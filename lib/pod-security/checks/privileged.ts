import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { containerList } from '../wording';

// Upstream policy/check_privileged.go, privileged_1_0.
function privilegedV1Dot0(pod: PodView): CheckFinding | undefined {
  const names: string[] = [];
  let field: string | undefined;
  for (const { name, path, securityContext } of pod.containers) {
    if (securityContext?.privileged !== true) continue;
    names.push(name);
    field ??= `${path}.securityContext.privileged`;
  }
  if (field === undefined) return undefined;
  return {
    reason: 'privileged',
    detail: `${containerList(names)} must not set securityContext.privileged=true`,
    field,
    fix: 'Remove securityContext.privileged or set it to false, and add only the specific capabilities the container needs.',
  };
}

/** Baseline: no privileged container (v1.0). */
export const privileged: PodSecurityCheck = {
  id: 'privileged',
  level: 'baseline',
  revisions: [{ since: 'v1.0', evaluate: privilegedV1Dot0 }],
};
