import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { isWindowsPod } from '../manifest';
import { containerList } from '../wording';

// Upstream policy/check_allowPrivilegeEscalation.go, allowPrivilegeEscalation_1_8.
function allowPrivilegeEscalationV1Dot8(pod: PodView): CheckFinding | undefined {
  const names: string[] = [];
  let field: string | undefined;
  for (const { name, path, securityContext } of pod.containers) {
    if (securityContext?.allowPrivilegeEscalation === false) continue;
    names.push(name);
    field ??= `${path}.securityContext.allowPrivilegeEscalation`;
  }
  if (field === undefined) return undefined;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containerList(names)} must set securityContext.allowPrivilegeEscalation=false`,
    field,
    fix: `Set securityContext.allowPrivilegeEscalation to false on ${containerList(names)}.`,
  };
}

// Upstream policy/check_allowPrivilegeEscalation.go, allowPrivilegeEscalation_1_25: the API rejects
// the field on Windows pods, so they are admitted without it.
function allowPrivilegeEscalationV1Dot25(pod: PodView): CheckFinding | undefined {
  return isWindowsPod(pod) ? undefined : allowPrivilegeEscalationV1Dot8(pod);
}

/** Restricted: every container sets `securityContext.allowPrivilegeEscalation: false` (from v1.8; Windows pods exempt from v1.25). */
export const allowPrivilegeEscalation: PodSecurityCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  revisions: [
    { since: 'v1.8', evaluate: allowPrivilegeEscalationV1Dot8 },
    { since: 'v1.25', evaluate: allowPrivilegeEscalationV1Dot25 },
  ],
};
