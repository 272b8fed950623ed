import type { PodBearingKind } from '../rules/pod-template';
import type { NodeInfo } from './node-info';
import { freeAmount } from './node-state';
import { toInventory } from './nodes-input';
import { type Plan, plan } from './plan';
import { formatAmounts } from './resources';

/** One Pod of the app and the node it lands on. */
export interface PlacedPod {
  /** Position of the manifest that makes the Pod. */
  readonly index: number;
  /** Kind of that manifest. */
  readonly kind: PodBearingKind;
  /** Its namespace (`default` when unset). */
  readonly namespace: string;
  /** Its `metadata.name`. */
  readonly name: string;
  /** The Pod's number within its object, from 0 (a DaemonSet numbers its Pods across its nodes). */
  readonly replica: number;
  /** A display name: the Pod's name, or `<name>-<replica>` for a workload's Pods. */
  readonly pod: string;
  /** The node it lands on, or `null` when it stays Pending. */
  readonly node: string | null;
  /** What the scheduler counts the Pod as requesting (`cpu`, `memory`, ...), as quantity strings. */
  readonly requests: Readonly<Record<string, string>>;
  /** Why it stays Pending: the scheduler's message, as `kubectl describe pod` shows it. */
  readonly reason?: string;
}

/** One node after the placement. */
export interface NodeUsage {
  /** The node name. */
  readonly node: string;
  /** Its allocatable resources, as quantity strings. */
  readonly allocatable: Readonly<Record<string, string>>;
  /** The sum of the requests of the Pods placed on it (with `pods`: how many). */
  readonly requested: Readonly<Record<string, string>>;
  /** Allocatable minus requested, for every allocatable resource. */
  readonly free: Readonly<Record<string, string>>;
  /** Display names of the Pods placed on it, in placement order. */
  readonly pods: readonly string[];
}

/** Which Pod lands on which node, and what is left on each node: plain JSON, ready to print. */
export interface Placement {
  /** Every Pod, in placement order; Pods no node takes even alone come last. */
  readonly pods: readonly PlacedPod[];
  /** Every node, in inventory order. */
  readonly nodes: readonly NodeUsage[];
}

/**
 * Places every Pod the manifests make (Pods, Deployments, ReplicaSets and StatefulSets by replicas,
 * DaemonSets per node, Jobs by parallelism, one run of each CronJob) onto the nodes, as
 * `checkScheduling` does, and returns the result. `nodes` is `NodeInfo[]` or raw Node documents.
 * Throws a `NodeInventoryError` when raw nodes cannot be read.
 */
export function placePods(manifests: readonly unknown[], nodes: readonly NodeInfo[] | unknown): Placement {
  return placementOf(plan(manifests, toInventory(nodes)));
}

/** The placement a pre-flight plan found, as plain JSON (what `placePods` returns). */
export function placementOf(result: Plan): Placement {
  const names = new Map<number, string[]>();
  const pods = result.pods.map(({ group, replica, node, message }): PlacedPod => {
    const pod = group.kind === 'Pod' ? group.name : `${group.name}-${replica}`;
    if (node !== undefined) names.set(node, [...(names.get(node) ?? []), pod]);
    return {
      index: group.index,
      kind: group.kind,
      namespace: group.namespace,
      name: group.name,
      replica,
      pod,
      node: node === undefined ? null : result.nodes[node].node.name,
      requests: formatAmounts(group.pod.requests),
      ...(message === undefined ? {} : { reason: message }),
    };
  });
  return {
    pods,
    nodes: result.nodes.map((state, i) => {
      const requested = new Map(state.requested);
      requested.set('pods', BigInt(state.podCount));
      const free = new Map([...state.node.allocatable.keys()].map(name => [name, freeAmount(state, name)]));
      free.set('pods', (state.node.allocatable.get('pods') ?? 0n) - BigInt(state.podCount));
      return {
        node: state.node.name,
        allocatable: formatAmounts(state.node.allocatable),
        requested: formatAmounts(requested),
        free: formatAmounts(free),
        pods: names.get(i) ?? [],
      };
    }),
  };
}
