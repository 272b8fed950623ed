import type { NodeState } from '../node-state';
import type { SchedulingPod } from '../pod-view';
import type { FilterStatus } from '../status';
import { tolerationsTolerate } from './taint-toleration';

/** The upstream plugin name. */
export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
/** Upstream `ErrReasonUnschedulable`. */
export const NODE_UNSCHEDULABLE_REASON = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };

/**
 * Upstream `nodeunschedulable.Filter` (pkg/scheduler/framework/plugins/nodeunschedulable): a cordoned
 * node (`spec.unschedulable`) takes only Pods tolerating `node.kubernetes.io/unschedulable:NoSchedule`.
 */
export function nodeUnschedulable(pod: SchedulingPod, state: NodeState): FilterStatus | undefined {
  if (!state.node.unschedulable || tolerationsTolerate(pod.tolerations, UNSCHEDULABLE_TAINT))
    return undefined;
  return FAILED;
}

/** The one status this filter fails with: it runs for every Pod on every node. */
const FAILED: FilterStatus = Object.freeze({
  plugin: NODE_UNSCHEDULABLE,
  code: 'UnschedulableAndUnresolvable',
  reasons: Object.freeze([NODE_UNSCHEDULABLE_REASON]),
});
