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

/** Cpu and memory of each node as plain numbers: scoring needs no exactness, and runs for every Pod on every node. */
interface ScoreBook {
  readonly capacity: Float64Array;
  readonly used: Float64Array;
}

function scoreBook(nodes: readonly NodeState[]): ScoreBook {
  const capacity = new Float64Array(nodes.length * 2);
  nodes.forEach((state, i) => {
    capacity[2 * i] = Number(state.node.allocatable.get(CPU) ?? 0n);
    capacity[2 * i + 1] = Number(state.node.allocatable.get(MEMORY) ?? 0n);
  });
  return { capacity, used: new Float64Array(nodes.length * 2) };
}

/**
 * Upstream LeastAllocated scoring (noderesources `leastResourceScorer`, cpu and memory weighted 1 each)
 * on the node with the Pod added: the scheduler's default spreads Pods to the emptiest node.
 */
function leastAllocatedScore(book: ScoreBook, i: number, cpu: number, memory: number): number {
  let score = 0;
  for (let r = 0; r < 2; r++) {
    const capacity = book.capacity[2 * i + r];
    const requested = book.used[2 * i + r] + (r === 0 ? cpu : memory);
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
  const book = scoreBook(nodes);
  const pods: PodPlacement[] = [];
  const pending: PodPlacement[] = [];
  for (const analysis of [...analyses].sort(placementOrder)) {
    const { group, verdict } = analysis;
    const cpu = Number(group.pod.requests.get(CPU) ?? 0n);
    const memory = Number(group.pod.requests.get(MEMORY) ?? 0n);
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
        const score = leastAllocatedScore(book, i, cpu, memory);
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
        book.used[2 * best] += cpu;
        book.used[2 * best + 1] += memory;
        pods.push({ group, replica, node: best });
      }
    }
  }
  return { workloads, analyses, pods: [...pods, ...pending], nodes };
}
