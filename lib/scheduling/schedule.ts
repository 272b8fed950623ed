import { DYNAMIC_FILTERS, runFilters, STATIC_FILTERS } from './filters';
import { NODE_AFFINITY, NODE_AFFINITY_CONFLICT_REASON, preFilterNodeNames } from './filters/node-affinity';
import { formatFitError, NO_NODES_AVAILABLE, preemptionMessage } from './fit-error';
import type { NodeState } from './node-state';
import type { SchedulingPod } from './pod-view';
import type { FilterStatus } from './status';

/**
 * What the filters that never change as Pods are placed (NodeUnschedulable, NodeName, TaintToleration,
 * NodeAffinity, and the NodeAffinity PreFilter) say about one Pod on every node. Computed once per pod
 * template; the placement then only runs NodePorts and NodeResourcesFit on the candidates.
 */
export interface StaticVerdict {
  /** Indexes of the nodes that pass the static filters, in inventory order. */
  readonly candidates: readonly number[];
  /** Per node: the static filter that failed, undefined when it passed or was not evaluated. */
  readonly statuses: readonly (FilterStatus | undefined)[];
  /** The PreFilter's failure (`pod affinity terms conflict`), when it rejected the Pod outright. */
  readonly preFilter?: FilterStatus;
  /** A scheduler error that is not a fit error (no node at all, a named node that does not exist). */
  readonly error?: string;
}

/** Runs the NodeAffinity PreFilter and the static filters of one Pod against every node. */
export function staticVerdict(pod: SchedulingPod, nodes: readonly NodeState[]): StaticVerdict {
  const statuses: (FilterStatus | undefined)[] = new Array(nodes.length).fill(undefined);
  if (nodes.length === 0) return { candidates: [], statuses, error: NO_NODES_AVAILABLE };
  const names = preFilterNodeNames(pod);
  if (names !== undefined && names.size === 0) {
    const preFilter: FilterStatus = {
      plugin: NODE_AFFINITY,
      code: 'UnschedulableAndUnresolvable',
      reasons: [NODE_AFFINITY_CONFLICT_REASON],
    };
    return { candidates: [], statuses: statuses.fill(preFilter), preFilter };
  }
  if (names !== undefined) {
    // Upstream `findNodesThatFitPod` looks each name up and fails the whole attempt on an unknown one.
    const known = new Set(nodes.map(state => state.node.name));
    const missing = [...names].filter(name => !known.has(name)).sort();
    if (missing.length > 0) {
      return {
        candidates: [],
        statuses,
        error: `nodeinfo not found for node name ${JSON.stringify(missing[0])}`,
      };
    }
  }
  const candidates: number[] = [];
  // A plain loop: this runs for every Pod on every node.
  for (let i = 0; i < nodes.length; i++) {
    if (names !== undefined && !names.has(nodes[i].node.name)) continue;
    const status = runFilters(pod, nodes[i], STATIC_FILTERS);
    if (status === undefined) candidates.push(i);
    else statuses[i] = status;
  }
  return { candidates, statuses, preFilter: undefined };
}

/** The nodes' statuses once the dynamic filters ran on the static candidates against the current state. */
export function currentStatuses(
  pod: SchedulingPod,
  verdict: StaticVerdict,
  nodes: readonly NodeState[],
): (FilterStatus | undefined)[] {
  const statuses = [...verdict.statuses];
  for (const i of verdict.candidates) statuses[i] = runFilters(pod, nodes[i], DYNAMIC_FILTERS);
  return statuses;
}

/**
 * The message `kubectl describe pod` shows for a Pod no node takes: the FitError summary followed by the
 * preemption PostFilter's (see `preemptionMessage`), or the scheduler's error.
 */
export function unschedulableMessage(
  pod: SchedulingPod,
  verdict: StaticVerdict,
  statuses: readonly (FilterStatus | undefined)[],
): string {
  if (verdict.error !== undefined) return verdict.error;
  const failed = statuses.filter((s): s is FilterStatus => s !== undefined);
  const postFilter = preemptionMessage(pod, statuses, verdict.preFilter);
  return formatFitError(statuses.length, failed, verdict.preFilter?.reasons[0] ?? '', postFilter);
}
