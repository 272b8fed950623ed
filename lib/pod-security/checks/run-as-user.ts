import { ownField } from '../../rules/json';
import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { usesUserNamespace } from '../manifest';
import { setterList } from '../wording';

// Upstream policy/check_runAsUser.go, runAsUser1_23.
function runAsUserV1Dot23(pod: PodView): CheckFinding | undefined {
  const podIsRoot = ownField(pod.securityContext, 'runAsUser') === 0;
  const names: string[] = [];
  let field = podIsRoot ? `${pod.specPath}.securityContext.runAsUser` : undefined;
  for (const { name, path, securityContext } of pod.containers) {
    if (securityContext?.runAsUser !== 0) continue;
    names.push(name);
    field ??= `${path}.securityContext.runAsUser`;
  }
  if (field === undefined) return undefined;
  return {
    reason: 'runAsUser=0',
    detail: `${setterList(podIsRoot, names)} must not set runAsUser=0`,
    field,
    fix: 'Set runAsUser to a non-zero UID (e.g. 1000), or remove it and let the image run as its non-root user.',
  };
}

// Upstream policy/check_runAsUser.go, runAsUser1_35: a pod in its own user namespace
// (spec.hostUsers: false) may run as UID 0, which maps to an unprivileged host user.
function runAsUserV1Dot35(pod: PodView): CheckFinding | undefined {
  return usesUserNamespace(pod) ? undefined : runAsUserV1Dot23(pod);
}

/** Restricted: no runAsUser 0 (from v1.23); anything in a user namespace (from v1.35). */
export const runAsUser: PodSecurityCheck = {
  id: 'runAsUser',
  level: 'restricted',
  revisions: [
    { since: 'v1.23', evaluate: runAsUserV1Dot23 },
    { since: 'v1.35', evaluate: runAsUserV1Dot35 },
  ],
};
