import { DYNAMIC_FILTERS, runFilters } from './filters';
import type { NodeInfo } from './node-info';
import type { NodeState } from './node-state';
import { addPod, emptyNodeState } from './node-state';
import { CPU, MEMORY } from './resources';
import type { StaticVerdict } from './schedule';
import { currentStatuses, staticVerdict, unschedulableMessage } from './schedule';
import type { FilterStatus } from './status';
import type { PodGroup, Workloads } from './workloads';
import { readWorkloads } from './workloads';

/** One Pod of a group, and where the placement put it. */
export interface PodPlacement {
  /** The group it belongs to. */
  readonly group: PodGroup;
  /** Its number within the object (0-based). */
  readonly replica: number;
  /** Index of its node in the inventory; undefined when it stays Pending. */
  readonly node?: number;
  /** The scheduler's message for it when it stays Pending. */
  readonly message?: string;
  /** Each node's status when it was left Pending (undefined: the node passed or was not evaluated). */
  readonly statuses?: readonly (FilterStatus | undefined)[];
}

/** What a group's Pod meets on an empty cluster: the base of every verdict about it. */
export interface GroupAnalysis {
  /** The group. */
  readonly group: PodGroup;
  /** The static filters' verdict. */
  readonly verdict: StaticVerdict;
  /** Nodes that take the Pod when nothing else is placed (inventory indexes). */
  readonly aloneFits: readonly number[];
  /** The scheduler's message when no node takes it even alone. */
  readonly aloneMessage?: string;
}

/** The whole pre-flight's working: Pods, their analysis, the placement and the nodes after it. */
export interface Plan {
  /** The workloads read from the manifests. */
  readonly workloads: Workloads;
  /** One analysis per group, in group order. */
  readonly analyses: readonly GroupAnalysis[];
  /** Every Pod, in placement order (Pods that fit no node even alone are listed last, Pending). */
  readonly pods: readonly PodPlacement[];
  /** The nodes after placement, in inventory order. */
  readonly nodes: readonly NodeState[];
}

/**
 * Upstream LeastAllocated scoring (noderesources `leastResourceScorer`, cpu and memory weighted 1 each)
 * on the node with the Pod added: the scheduler's default spreads Pods to the emptiest node.
 */
function leastAllocatedScore(state: NodeState, group: PodGroup): number {
  let score = 0;
  for (const name of [CPU, MEMORY]) {
    const capacity = Number(state.node.allocatable.get(name) ?? 0n);
    const requested = Number((state.requested.get(name) ?? 0n) + (group.pod.requests.get(name) ?? 0n));
    if (capacity > 0 && requested <= capacity) score += ((capacity - requested) * 100) / capacity;
  }
  return score / 2;
}

function analyse(group: PodGroup, empty: readonly NodeState[]): GroupAnalysis {
  const verdict = staticVerdict(group.pod, empty);
  const aloneFits = verdict.candidates.filter(
    i => runFilters(group.pod, empty[i], DYNAMIC_FILTERS) === undefined,
  );
  if (aloneFits.length > 0 || group.replicas === 0) return { group, verdict, aloneFits };
  const aloneMessage = unschedulableMessage(group.pod, verdict, currentStatuses(group.pod, verdict, empty));
  return { group, verdict, aloneFits, aloneMessage };
}

/**
 * The placement order: Pods that keep running before those that finish (Jobs, CronJobs, Pods with
 * `restartPolicy` other than Always); among them, Pods that fit on fewer nodes first (a DaemonSet's
 * Pod or a Pod pinned to one node before a Pod that may go anywhere); then manifest order; then replica
 * number.
 */
function placementOrder(a: GroupAnalysis, b: GroupAnalysis): number {
  return (
    Number(a.group.transient) - Number(b.group.transient) ||
    a.aloneFits.length - b.aloneFits.length ||
    a.group.index - b.group.index ||
    a.group.firstReplica - b.group.firstReplica
  );
}

/**
 * Places every Pod the manifests make onto the nodes, one at a time, in a fixed order (see
 * `placementOrder`): each Pod goes to the node that passes every filter and scores best on
 * LeastAllocated (ties: inventory order), and takes its requests, a pod slot and its host ports there.
 */
export function plan(manifests: readonly unknown[], inventory: readonly NodeInfo[]): Plan {
  const workloads = readWorkloads(manifests, inventory);
  const empty = inventory.map(emptyNodeState);
  const nodes = inventory.map(emptyNodeState);
  const analyses = workloads.groups.map(group => analyse(group, empty));
  const pods: PodPlacement[] = [];
  const pending: PodPlacement[] = [];
  for (const analysis of [...analyses].sort(placementOrder)) {
    const { group, verdict } = analysis;
    for (let r = 0; r < group.replicas; r++) {
      const replica = group.firstReplica + r;
      if (analysis.aloneMessage !== undefined) {
        pending.push({ group, replica, message: analysis.aloneMessage });
        continue;
      }
      let best: number | undefined;
      let bestScore = -1;
      for (const i of analysis.aloneFits) {
        if (runFilters(group.pod, nodes[i], DYNAMIC_FILTERS) !== undefined) continue;
        const score = leastAllocatedScore(nodes[i], group);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
      if (best === undefined) {
        const statuses = currentStatuses(group.pod, verdict, nodes);
        pods.push({ group, replica, message: unschedulableMessage(group.pod, verdict, statuses), statuses });
      } else {
        addPod(nodes[best], group.pod);
        pods.push({ group, replica, node: best });
      }
    }
  }
  return { workloads, analyses, pods: [...pods, ...pending], nodes };
}
