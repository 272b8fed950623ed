import type { NodeState } from '../node-state';
import type { HostPortView, SchedulingPod } from '../pod-view';
import type { FilterStatus } from '../status';

/** The upstream plugin name. */
export const NODE_PORTS = 'NodePorts';
/** Upstream `nodeports.ErrReason`. */
export const NODE_PORTS_REASON = "node(s) didn't have free ports for the requested pod ports";

const ANY_IP = '0.0.0.0';

/**
 * Upstream `HostPortInfo.CheckConflict`: a wildcard host IP clashes with the same protocol/port on
 * any IP; a specific IP clashes with the wildcard and with itself.
 */
export function portConflicts(state: NodeState, port: HostPortView): boolean {
  const key = `${port.protocol}/${port.port}`;
  if (port.ip === ANY_IP) {
    for (const used of state.usedPorts.values()) if (used.has(key)) return true;
    return false;
  }
  return state.usedPorts.get(ANY_IP)?.has(key) === true || state.usedPorts.get(port.ip)?.has(key) === true;
}

/** Upstream `nodeports.Filter` (pkg/scheduler/framework/plugins/nodeports): every wanted host port must be free. */
export function nodePorts(pod: SchedulingPod, state: NodeState): FilterStatus | undefined {
  for (const port of pod.hostPorts) {
    if (portConflicts(state, port)) return FAILED;
  }
  return undefined;
}

/** The one status this filter fails with: it runs for every Pod on every node. */
const FAILED: FilterStatus = Object.freeze({
  plugin: NODE_PORTS,
  code: 'Unschedulable',
  reasons: Object.freeze([NODE_PORTS_REASON]),
});
