import { ApiObject, JsonPatch } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { podBearingKind } from './rules/pod-template';

/** Node labels a Pod must be scheduled on: every one must match. */
export type NodeSelector = { readonly [key: string]: string };

/** Where each pod-bearing kind keeps its Pod spec's `nodeSelector`, as a JSON Pointer. */
const NODE_SELECTOR_POINTERS = {
  Pod: '/spec/nodeSelector',
  Deployment: '/spec/template/spec/nodeSelector',
  StatefulSet: '/spec/template/spec/nodeSelector',
  DaemonSet: '/spec/template/spec/nodeSelector',
  ReplicaSet: '/spec/template/spec/nodeSelector',
  Job: '/spec/template/spec/nodeSelector',
  CronJob: '/spec/jobTemplate/spec/template/spec/nodeSelector',
} as const;

/** What each object has been pinned to so far. */
const pinned = new WeakMap<ApiObject, NodeSelector>();

/**
 * Holds a Pod or a workload's Pods to the nodes that carry every given label, by writing
 * `nodeSelector` into its Pod spec exactly as given: `spec.nodeSelector` for a Pod,
 * `spec.template.spec.nodeSelector` for a Deployment, StatefulSet, DaemonSet, ReplicaSet or Job,
 * `spec.jobTemplate.spec.template.spec.nodeSelector` for a CronJob.
 *
 * Takes any construct that `ApiObject.of()` resolves to one of these kinds: a cdk8s-plus Pod or
 * workload (of any cdk8s-plus version) or an L1 object. Calling it again merges the labels
 * (later keys win).
 *
 * If no node carries every label, the Pods stay Pending: label the node first, e.g.
 * `kubectl label nodes worker-node2 hostname=worker-node2`.
 *
 * @returns the target's whole node selector after the call (a copy)
 */
export function pinToNodes(target: IConstruct, nodeSelector: NodeSelector): NodeSelector {
  const object = ApiObject.of(target);
  const kind = podBearingKind({ apiVersion: object.apiVersion, kind: object.kind });
  if (kind === undefined) {
    throw new Error(
      `${target.node.path}: cannot pin a ${object.apiVersion} ${object.kind} to nodes. ` +
        'Pass a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob.',
    );
  }
  if (Object.keys(nodeSelector).length === 0) {
    throw new Error(
      `${target.node.path}: nodeSelector must hold at least one node label (got {}). ` +
        "Pass e.g. { 'kubernetes.io/hostname': 'worker-node2' }, or do not pin to let the scheduler pick any node.",
    );
  }
  const merged = { ...pinned.get(object), ...nodeSelector };
  pinned.set(object, merged);
  // cdk8s-plus-28 has no nodeSelector API (only node affinity; cdk8s#2679), so write the field on
  // the L1 object. `add` replaces an earlier value, so the last call's merged selector wins. Patches
  // apply after cdk8s sorts an object's keys, so sort them here as cdk8s would.
  const sorted = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map(key => [key, merged[key]]),
  );
  object.addJsonPatch(JsonPatch.add(NODE_SELECTOR_POINTERS[kind], sorted));
  return { ...merged };
}

/** The node labels `pinToNodes()` pinned a Pod or workload to (a copy), or undefined if it was never pinned. */
export function nodeSelectorOf(target: IConstruct): NodeSelector | undefined {
  const selector = pinned.get(ApiObject.of(target));
  return selector === undefined ? undefined : { ...selector };
}
