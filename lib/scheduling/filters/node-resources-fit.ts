import { freeAmount, type NodeState } from '../node-state';
import type { SchedulingPod } from '../pod-view';
import { PODS } from '../resources';
import type { FilterStatus } from '../status';

/** The upstream plugin name. */
export const NODE_RESOURCES_FIT = 'NodeResourcesFit';
/** Upstream reason when the node's pod slots are taken. */
export const TOO_MANY_PODS = 'Too many pods';

/** Upstream reason for one resource, e.g. `Insufficient cpu`, `Insufficient nvidia.com/gpu`. */
export const insufficient = (name: string): string => `Insufficient ${name}`;

/** A resource the node lacks for the Pod. */
export interface Shortfall {
  /** The resource name (`pods` for the pod count). */
  readonly resource: string;
  /** What the Pod requests (1 for `pods`). */
  readonly requested: bigint;
  /** What is still free on the node. */
  readonly free: bigint;
  /** The node's allocatable amount. */
  readonly allocatable: bigint;
}

/**
 * Upstream `fitsRequest` (pkg/scheduler/framework/plugins/noderesources/fit.go): the pod count, then cpu,
 * memory, ephemeral-storage and each scalar resource (sorted by name here; upstream iterates a map).
 * A resource the Pod does not request (or requests 0 of) never fails. No extended resource is ignored,
 * as in the default scheduler configuration.
 */
export function shortfalls(pod: SchedulingPod, state: NodeState): Shortfall[] {
  // Runs for every Pod on every node: allocate only when something is lacking.
  let out: Shortfall[] | undefined;
  if (state.podCount + 1 > state.podCapacity) {
    const allowed = state.node.allocatable.get(PODS) ?? 0n;
    out = [{ resource: PODS, requested: 1n, free: allowed - BigInt(state.podCount), allocatable: allowed }];
  }
  for (const [name, requested] of pod.requestList) {
    const free = freeAmount(state, name);
    if (requested <= free) continue;
    out ??= [];
    out.push({ resource: name, requested, free, allocatable: state.node.allocatable.get(name) ?? 0n });
  }
  return out ?? NONE;
}

const NONE: Shortfall[] = [];

/** Upstream `noderesources.Fit.Filter`: one reason per resource the node lacks. */
export function nodeResourcesFit(pod: SchedulingPod, state: NodeState): FilterStatus | undefined {
  const lacking = shortfalls(pod, state);
  if (lacking.length === 0) return undefined;
  return {
    plugin: NODE_RESOURCES_FIT,
    code: 'Unschedulable',
    reasons: lacking.map(s => (s.resource === PODS ? TOO_MANY_PODS : insufficient(s.resource))),
  };
}
