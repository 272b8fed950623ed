import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { asArray, asObject, isWindowsPod, text } from '../manifest';
import { containerList, joinQuote, sortedUnique } from '../wording';

/** The one capability restricted lets containers add. */
const NET_BIND_SERVICE = 'NET_BIND_SERVICE';

// Upstream policy/check_capabilities_restricted.go, capabilitiesRestricted_1_22.
function capabilitiesRestrictedV1Dot22(pod: PodView): CheckFinding | undefined {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  let field: string | undefined;
  for (const { name, path, securityContext } of pod.containers) {
    const capabilities = asObject(securityContext?.capabilities);
    if (!asArray(capabilities?.drop).includes('ALL')) {
      missingDropAll.push(name);
      field ??= `${path}.securityContext.capabilities.drop`;
    }
    const add = asArray(capabilities?.add);
    let addedForbidden = false;
    for (let index = 0; index < add.length; index++) {
      if (add[index] === NET_BIND_SERVICE) continue;
      addedForbidden = true;
      forbidden.push(text(add[index]));
      field ??= `${path}.securityContext.capabilities.add[${index}]`;
    }
    if (addedForbidden) addingForbidden.push(name);
  }
  if (field === undefined) return undefined;
  const details: string[] = [];
  if (missingDropAll.length > 0) {
    details.push(`${containerList(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (addingForbidden.length > 0) {
    details.push(
      `${containerList(addingForbidden)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`,
    );
  }
  return {
    reason: 'unrestricted capabilities',
    detail: details.join('; '),
    field,
    fix: 'Set securityContext.capabilities.drop to ["ALL"] and add back nothing but NET_BIND_SERVICE.',
  };
}

// Upstream policy/check_capabilities_restricted.go, capabilitiesRestricted_1_25: the API rejects
// capabilities on Windows pods, so they are admitted without them.
function capabilitiesRestrictedV1Dot25(pod: PodView): CheckFinding | undefined {
  return isWindowsPod(pod) ? undefined : capabilitiesRestrictedV1Dot22(pod);
}

/**
 * Restricted: every container drops ALL and adds nothing but NET_BIND_SERVICE (from v1.22, where
 * upstream runs it instead of capabilities_baseline; Windows pods exempt from v1.25).
 */
export const capabilitiesRestricted: PodSecurityCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  revisions: [
    { since: 'v1.22', evaluate: capabilitiesRestrictedV1Dot22 },
    { since: 'v1.25', evaluate: capabilitiesRestrictedV1Dot25 },
  ],
};
