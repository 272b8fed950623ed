import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { asArray, asObject, text } from '../manifest';
import { containerList, joinQuote, sortedUnique } from '../wording';

/** Capabilities the container runtime grants by default; baseline lets pods add only these back. */
const BASELINE_ALLOWED_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

// Upstream policy/check_capabilities_baseline.go, capabilitiesBaseline_1_0.
function capabilitiesBaselineV1Dot0(pod: PodView): CheckFinding | undefined {
  const names: string[] = [];
  const added: string[] = [];
  let field: string | undefined;
  for (const { name, path, securityContext } of pod.containers) {
    const add = asArray(asObject(securityContext?.capabilities)?.add);
    let bad = false;
    for (let index = 0; index < add.length; index++) {
      const capability = text(add[index]);
      if (BASELINE_ALLOWED_CAPABILITIES.has(capability)) continue;
      bad = true;
      added.push(capability);
      field ??= `${path}.securityContext.capabilities.add[${index}]`;
    }
    if (bad) names.push(name);
  }
  if (field === undefined) return undefined;
  const capabilities = joinQuote(sortedUnique(added));
  return {
    reason: 'non-default capabilities',
    detail: `${containerList(names)} must not include ${capabilities} in securityContext.capabilities.add`,
    field,
    fix: `Remove ${capabilities} from securityContext.capabilities.add; baseline only lets containers add back the runtime's default capabilities.`,
  };
}

/** Baseline: containers add back only the runtime's default capabilities (v1.0). */
export const capabilitiesBaseline: PodSecurityCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  revisions: [{ since: 'v1.0', evaluate: capabilitiesBaselineV1Dot0 }],
};
