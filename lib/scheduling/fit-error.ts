import type { FilterStatus } from './status';

/** Upstream `ErrNoNodesAvailable`: the scheduler's answer when the cluster has no node at all. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
/** Upstream preemption status for a node whose failure preemption cannot resolve. */
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** Upstream `SelectVictimsOnNode` status when the node holds no Pod of lower priority. */
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';
/** Upstream `PodEligibleToPreemptOthers` message for `preemptionPolicy: Never`. */
export const PREEMPTION_NEVER = 'not eligible due to preemptionPolicy=Never.';

// Go's sort.Strings compares bytes; for the ASCII of reasons and counts, code units compare the same.
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Upstream `FitError.Error()` (pkg/scheduler/framework/types.go): `0/N nodes are available:`, then the
 * PreFilter message, or else each distinct reason with the number of nodes that gave it, as
 * `"<count> <reason>"` strings sorted bytewise and joined with `, `, then the PostFilter message; each
 * part followed by `.`.
 */
export function formatFitError(
  numAllNodes: number,
  statuses: Iterable<FilterStatus>,
  preFilterMsg = '',
  postFilterMsg = '',
): string {
  let message = `0/${numAllNodes} nodes are available:`;
  if (preFilterMsg !== '') {
    message += ` ${preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const status of statuses) {
      for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    const histogram = [...counts].map(([reason, count]) => `${count} ${reason}`).sort(byteOrder);
    if (histogram.length > 0) message += ` ${histogram.join(', ')}.`;
  }
  if (postFilterMsg !== '') message += ` ${postFilterMsg}.`;
  return message;
}

/** How preemption would answer for a Pod, given each node's status (undefined: not evaluated). */
export interface PreemptionInput {
  /** `spec.preemptionPolicy: Never`. */
  readonly preemptNever: boolean;
  /** The Pod sets a priority: whether lower-priority victims exist is then unknown here. */
  readonly hasPriority: boolean;
}

/**
 * The DefaultPreemption PostFilter message (pkg/scheduler/framework/preemption `Preempt`), assuming every
 * Pod on the nodes has the same priority as this one, so no node offers a victim: nodes that failed with
 * `UnschedulableAndUnresolvable` are "not helpful", every other node (failed with `Unschedulable`, or
 * never evaluated because a PreFilter narrowed the nodes) has no victims. Empty when the Pod sets a
 * priority and some node could be helped: the answer then depends on Pods this check cannot see.
 */
export function preemptionMessage(
  pod: PreemptionInput,
  statusByNode: readonly (FilterStatus | undefined)[],
  preFilterStatus?: FilterStatus,
): string {
  if (pod.preemptNever) return `preemption: ${PREEMPTION_NEVER}`;
  const answers: FilterStatus[] = statusByNode.map(status => {
    const code = preFilterStatus?.code ?? status?.code;
    return code === 'UnschedulableAndUnresolvable'
      ? { plugin: 'DefaultPreemption', code, reasons: [PREEMPTION_NOT_HELPFUL] }
      : {
          plugin: 'DefaultPreemption',
          code: 'UnschedulableAndUnresolvable',
          reasons: [NO_PREEMPTION_VICTIMS],
        };
  });
  const helpable = answers.some(a => a.reasons[0] === NO_PREEMPTION_VICTIMS);
  if (pod.hasPriority && helpable) return '';
  return `preemption: ${formatFitError(statusByNode.length, answers)}`;
}
