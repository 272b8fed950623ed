import type { Taint } from '../node-info';
import type { NodeState } from '../node-state';
import type { SchedulingPod, Toleration } from '../pod-view';
import type { FilterStatus } from '../status';

/** The upstream plugin name. */
export const TAINT_TOLERATION = 'TaintToleration';

/** Upstream `v1.Toleration.ToleratesTaint` (k8s.io/api core/v1/toleration.go). */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  // An empty effect tolerates every effect; an empty key (with Exists) tolerates every key.
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator) {
    case '':
    case 'Equal':
      return toleration.value === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Upstream `TolerationsTolerateTaint`: some toleration tolerates the taint. */
export function tolerationsTolerate(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const toleration of tolerations) if (toleratesTaint(toleration, taint)) return true;
  return false;
}

/** The taint effects the filter considers (upstream `DoNotScheduleTaintsFilterFunc`). */
const isDoNotSchedule = (taint: Taint): boolean =>
  taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';

/** Upstream `FindMatchingUntoleratedTaint` with the NoSchedule/NoExecute filter: the first such taint not tolerated. */
export function untoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): Taint | undefined {
  for (const taint of taints) {
    if (isDoNotSchedule(taint) && !tolerationsTolerate(tolerations, taint)) return taint;
  }
  return undefined;
}

/** One status per taint object: the filter runs for every Pod on every node. */
const STATUS_BY_TAINT = new WeakMap<Taint, FilterStatus>();

/** Upstream reason, with the first untolerated taint: `node(s) had untolerated taint {key: value}`. */
export const untoleratedTaintReason = (taint: Taint): string =>
  `node(s) had untolerated taint {${taint.key}: ${taint.value}}`;

/**
 * Upstream `tainttoleration.Filter` (pkg/scheduler/framework/plugins/tainttoleration): every NoSchedule
 * and NoExecute taint must be tolerated; PreferNoSchedule only weighs in scoring.
 */
export function taintToleration(pod: SchedulingPod, state: NodeState): FilterStatus | undefined {
  const taint = untoleratedTaint(state.node.taints, pod.tolerations);
  if (taint === undefined) return undefined;
  let status = STATUS_BY_TAINT.get(taint);
  if (status === undefined) {
    status = {
      plugin: TAINT_TOLERATION,
      code: 'UnschedulableAndUnresolvable',
      reasons: [untoleratedTaintReason(taint)],
    };
    STATUS_BY_TAINT.set(taint, status);
  }
  return status;
}
