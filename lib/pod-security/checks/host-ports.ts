import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { asArray, asObject, isSet, text } from '../manifest';
import { containerList, pluralize, sortedUnique } from '../wording';

// Upstream policy/check_hostPorts.go, hostPorts_1_0.
function hostPortsV1Dot0(pod: PodView): CheckFinding | undefined {
  const names: string[] = [];
  const ports: string[] = [];
  let field: string | undefined;
  for (const { container, name, path } of pod.containers) {
    const containerPorts = asArray(container?.ports);
    let bad = false;
    for (let index = 0; index < containerPorts.length; index++) {
      const hostPort = asObject(containerPorts[index])?.hostPort;
      if (!isSet(hostPort) || hostPort === 0) continue;
      bad = true;
      ports.push(text(hostPort));
      field ??= `${path}.ports[${index}].hostPort`;
    }
    if (bad) names.push(name);
  }
  if (field === undefined) return undefined;
  const unique = sortedUnique(ports);
  return {
    reason: 'hostPort',
    detail: `${containerList(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('hostPort', 'hostPorts', unique.length)} ${unique.join(', ')}`,
    field,
    fix: 'Remove hostPort from the container ports and reach the pod through a Service instead.',
  };
}

/** Baseline: no container port sets a hostPort (v1.0). */
export const hostPorts: PodSecurityCheck = {
  id: 'hostPorts',
  level: 'baseline',
  revisions: [{ since: 'v1.0', evaluate: hostPortsV1Dot0 }],
};
