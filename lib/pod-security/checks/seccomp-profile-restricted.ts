import { ownField } from '../../rules/json';
import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { asObject, asString, isWindowsPod } from '../manifest';
import { containerList, joinQuote, setterList, sortedUnique } from '../wording';
import { isValidSeccompType } from './seccomp-profile-baseline';

const seccompTypeField = (specPath: string): string => `${specPath}.securityContext.seccompProfile.type`;

// Upstream policy/check_seccompProfile_restricted.go, seccompProfileRestricted_1_19. Bad values
// anywhere are reported first; otherwise containers that set nothing without a good pod-level profile.
function seccompProfileRestrictedV1Dot19(pod: PodView): CheckFinding | undefined {
  const badValues: string[] = [];
  const podProfile = asObject(ownField(pod.securityContext, 'seccompProfile'));
  const podIsSet = podProfile !== undefined;
  const podIsGood = podIsSet && isValidSeccompType(asString(podProfile?.type));
  if (podIsSet && !podIsGood) badValues.push(asString(podProfile?.type));
  let field = podIsSet && !podIsGood ? seccompTypeField(pod.specPath) : undefined;
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  for (const { name, path, securityContext } of pod.containers) {
    const profile = asObject(securityContext?.seccompProfile);
    if (profile === undefined) {
      if (!podIsGood) implicitlyBad.push(name);
    } else if (!isValidSeccompType(asString(profile?.type))) {
      explicitlyBad.push(name);
      badValues.push(asString(profile?.type));
      field ??= `${path}.securityContext.seccompProfile.type`;
    }
  }
  if (field !== undefined) {
    return {
      reason: 'seccompProfile',
      detail: `${setterList(podIsSet && !podIsGood, explicitlyBad)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`,
      field,
      fix: 'Set securityContext.seccompProfile.type to "RuntimeDefault" (or "Localhost" with a localhostProfile) instead of disabling the syscall filter.',
    };
  }
  if (implicitlyBad.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `pod or ${containerList(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    // Nothing is set to a bad value; the pod-level field is the single place that covers every container.
    field: seccompTypeField(pod.specPath),
    fix: `Set ${pod.specPath}.securityContext.seccompProfile.type to "RuntimeDefault" (or seccompProfile on every container).`,
  };
}

// Upstream policy/check_seccompProfile_restricted.go, seccompProfileRestricted_1_25: seccomp does
// not apply to Windows, so Windows pods are admitted without it.
function seccompProfileRestrictedV1Dot25(pod: PodView): CheckFinding | undefined {
  return isWindowsPod(pod) ? undefined : seccompProfileRestrictedV1Dot19(pod);
}

/**
 * Restricted: RuntimeDefault or Localhost seccomp on the pod or on every container (from v1.19,
 * where upstream runs it instead of seccompProfile_baseline; Windows pods exempt from v1.25).
 */
export const seccompProfileRestricted: PodSecurityCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  revisions: [
    { since: 'v1.19', evaluate: seccompProfileRestrictedV1Dot19 },
    { since: 'v1.25', evaluate: seccompProfileRestrictedV1Dot25 },
  ],
};
