import type { CheckFinding, PodSecurityCheck } from '../check';
import type { JsonObject, PodView } from '../manifest';
import { asObject } from '../manifest';
import { setterList } from '../wording';

/** Whether a securityContext sets `windowsOptions.hostProcess: true`. */
function hostProcess(securityContext: JsonObject | undefined): boolean {
  return asObject(securityContext?.windowsOptions)?.hostProcess === true;
}

// Upstream policy/check_windowsHostProcess.go, windowsHostProcess_1_0.
function windowsHostProcessV1Dot0(pod: PodView): CheckFinding | undefined {
  const podIsBad = hostProcess(pod.securityContext);
  const names: string[] = [];
  let field = podIsBad ? `${pod.specPath}.securityContext.windowsOptions.hostProcess` : undefined;
  for (const { name, path, securityContext } of pod.containers) {
    if (!hostProcess(securityContext)) continue;
    names.push(name);
    field ??= `${path}.securityContext.windowsOptions.hostProcess`;
  }
  if (field === undefined) return undefined;
  return {
    reason: 'hostProcess',
    detail: `${setterList(podIsBad, names)} must not set securityContext.windowsOptions.hostProcess=true`,
    field,
    fix: 'Remove securityContext.windowsOptions.hostProcess or set it to false.',
  };
}

/** Baseline: no Windows HostProcess pod or container (v1.0). */
export const windowsHostProcess: PodSecurityCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  revisions: [{ since: 'v1.0', evaluate: windowsHostProcessV1Dot0 }],
};
