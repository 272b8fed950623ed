import type { NodeInfo } from './node-info';
import type { SchedulingPod } from './pod-view';
import { PODS } from './resources';

/** What upstream `framework.NodeInfo` tracks of a node while Pods are placed on it. */
export interface NodeState {
  /** The node. */
  readonly node: NodeInfo;
  /** The sum of the placed Pods' requests, in scheduler units. */
  readonly requested: Map<string, bigint>;
  /**
   * Allocatable minus requested, per resource (negative for a resource the node lacks but a Pod
   * requested). Kept up to date on placement, so the fit check only compares: the check runs for
   * every Pod on every node, and bigint arithmetic allocates.
   */
  readonly free: Map<string, bigint>;
  /** `status.allocatable.pods`. */
  readonly podCapacity: number;
  /** How many Pods are placed on it. */
  podCount: number;
  /** Host ports in use (upstream `HostPortInfo`): host IP → `protocol/port`. */
  readonly usedPorts: Map<string, Set<string>>;
}

/** A node with nothing placed on it yet. */
export function emptyNodeState(node: NodeInfo): NodeState {
  return {
    node,
    requested: new Map(),
    free: new Map(node.allocatable),
    podCapacity: Number(node.allocatable.get(PODS) ?? 0n),
    podCount: 0,
    usedPorts: new Map(),
  };
}

/** How much of a resource is still free on the node (allocatable minus requested; may be negative). */
export function freeAmount(state: NodeState, name: string): bigint {
  return state.free.get(name) ?? 0n;
}

/** Upstream `NodeInfo.AddPod`: the Pod's requests, one pod slot and its host ports are taken. */
export function addPod(state: NodeState, pod: SchedulingPod): void {
  for (const [name, amount] of pod.requests) {
    state.requested.set(name, (state.requested.get(name) ?? 0n) + amount);
    state.free.set(name, (state.free.get(name) ?? 0n) - amount);
  }
  state.podCount += 1;
  for (const port of pod.hostPorts) {
    const used = state.usedPorts.get(port.ip);
    const key = `${port.protocol}/${port.port}`;
    if (used === undefined) state.usedPorts.set(port.ip, new Set([key]));
    else used.add(key);
  }
}
