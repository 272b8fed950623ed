import type { NodeState } from '../node-state';
import type { SchedulingPod } from '../pod-view';
import type { FilterStatus } from '../status';

/** The upstream plugin name. */
export const NODE_NAME = 'NodeName';
/** Upstream `nodename.ErrReason`. */
export const NODE_NAME_REASON = "node(s) didn't match the requested node name";

/** Upstream `nodename.Filter` (pkg/scheduler/framework/plugins/nodename): `spec.nodeName`, when set, must be this node. */
export function nodeName(pod: SchedulingPod, state: NodeState): FilterStatus | undefined {
  if (pod.nodeName === '' || pod.nodeName === state.node.name) return undefined;
  return FAILED;
}

/** The one status this filter fails with: it runs for every Pod on every node. */
const FAILED: FilterStatus = Object.freeze({
  plugin: NODE_NAME,
  code: 'UnschedulableAndUnresolvable',
  reasons: Object.freeze([NODE_NAME_REASON]),
});
