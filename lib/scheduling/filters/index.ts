import type { NodeState } from '../node-state';
import type { SchedulingPod } from '../pod-view';
import type { FilterStatus } from '../status';
import { nodeAffinity } from './node-affinity';
import { nodeName } from './node-name';
import { nodePorts } from './node-ports';
import { nodeResourcesFit } from './node-resources-fit';
import { nodeUnschedulable } from './node-unschedulable';
import { taintToleration } from './taint-toleration';

/** A filter plugin: undefined when the node passes, else why not. */
export type Filter = (pod: SchedulingPod, state: NodeState) => FilterStatus | undefined;

/**
 * The modelled filters in kube-scheduler 1.28's default order (pkg/scheduler/apis/config/v1
 * `getDefaultPlugins`): the first to fail decides a node's status, as `RunFilterPlugins` stops there.
 */
export const FILTERS: readonly Filter[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
];

/** The filters whose verdict never changes as Pods are placed: they read only the Pod and the node. */
export const STATIC_FILTERS: readonly Filter[] = FILTERS.slice(0, 4);
/** The filters that read what is already placed on the node. */
export const DYNAMIC_FILTERS: readonly Filter[] = FILTERS.slice(4);

/** Upstream `RunFilterPlugins`: the status of the first filter that fails, or undefined when all pass. */
export function runFilters(
  pod: SchedulingPod,
  state: NodeState,
  filters: readonly Filter[] = FILTERS,
): FilterStatus | undefined {
  for (const filter of filters) {
    const status = filter(pod, state);
    if (status !== undefined) return status;
  }
  return undefined;
}

/** Every filter that fails, in order: what a node lacks in all, not only what the scheduler reports. */
export function allFailures(pod: SchedulingPod, state: NodeState): FilterStatus[] {
  const out: FilterStatus[] = [];
  for (const filter of FILTERS) {
    const status = filter(pod, state);
    if (status !== undefined) out.push(status);
  }
  return out;
}
