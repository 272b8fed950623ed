import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { usesUserNamespace } from '../manifest';
import { containerList, setterList } from '../wording';

// Upstream policy/check_runAsNonRoot.go, runAsNonRoot1_0. Explicit `false` anywhere is reported
// first; otherwise containers that leave it unset without a pod-level `true`.
function runAsNonRootV1Dot0(pod: PodView): CheckFinding | undefined {
  const podValue = pod.securityContext?.runAsNonRoot;
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  let field = podValue === false ? `${pod.specPath}.securityContext.runAsNonRoot` : undefined;
  for (const { name, path, securityContext } of pod.containers) {
    const value = securityContext?.runAsNonRoot;
    if (value === false) {
      explicitlyBad.push(name);
      field ??= `${path}.securityContext.runAsNonRoot`;
    } else if (value !== true && podValue !== true) {
      implicitlyBad.push(name);
    }
  }
  if (field !== undefined) {
    return {
      reason: 'runAsNonRoot != true',
      detail: `${setterList(podValue === false, explicitlyBad)} must not set securityContext.runAsNonRoot=false`,
      field,
      fix: 'Set securityContext.runAsNonRoot to true (never false) and run the image as a non-root user.',
    };
  }
  if (implicitlyBad.length === 0) return undefined;
  return {
    reason: 'runAsNonRoot != true',
    detail: `pod or ${containerList(implicitlyBad)} must set securityContext.runAsNonRoot=true`,
    // Nothing is set to a bad value; the pod-level field is the single place that covers every container.
    field: `${pod.specPath}.securityContext.runAsNonRoot`,
    fix: `Set ${pod.specPath}.securityContext.runAsNonRoot to true (or runAsNonRoot on every container) and run the image as a non-root user.`,
  };
}

// Upstream policy/check_runAsNonRoot.go, runAsNonRoot1_35: a pod in its own user namespace
// (spec.hostUsers: false) may run as root, which maps to an unprivileged host user.
function runAsNonRootV1Dot35(pod: PodView): CheckFinding | undefined {
  return usesUserNamespace(pod) ? undefined : runAsNonRootV1Dot0(pod);
}

/** Restricted: runAsNonRoot true on the pod or on every container (v1.0); anything in a user namespace (from v1.35). */
export const runAsNonRoot: PodSecurityCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  revisions: [
    { since: 'v1.0', evaluate: runAsNonRootV1Dot0 },
    { since: 'v1.35', evaluate: runAsNonRootV1Dot35 },
  ],
};
