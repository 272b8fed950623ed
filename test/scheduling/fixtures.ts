import { readNodeInventory } from '../../lib/scheduling/inventory';
import type { NodeInfo } from '../../lib/scheduling/node-info';
import type { NodeState } from '../../lib/scheduling/node-state';
import { addPod, emptyNodeState } from '../../lib/scheduling/node-state';
import type { SchedulingPod } from '../../lib/scheduling/pod-view';
import { readSchedulingPod } from '../../lib/scheduling/pod-view';

type Json = Record<string, unknown>;

/** Options of a raw test Node. */
export interface NodeOptions {
  readonly labels?: Record<string, string>;
  readonly taints?: readonly Json[];
  readonly unschedulable?: boolean;
  readonly allocatable?: Record<string, string>;
}

/** A raw v1 Node as `kubectl get nodes -o json` prints it (2 CPUs, 4Gi, 110 pods unless told). */
export function rawNode(name: string, options: NodeOptions = {}): Json {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...options.labels } },
    spec: {
      ...(options.taints === undefined ? {} : { taints: options.taints }),
      ...(options.unschedulable === undefined ? {} : { unschedulable: options.unschedulable }),
    },
    status: { allocatable: options.allocatable ?? { cpu: '2', memory: '4Gi', pods: '110' } },
  };
}

/** A node read the way the pre-flight reads it. */
export function node(name: string, options: NodeOptions = {}): NodeInfo {
  return readNodeInventory(rawNode(name, options))[0];
}

/** A Pod spec read the way the pre-flight reads it; fails the test on a reading problem. */
export function pod(spec: Json): SchedulingPod {
  const problems: unknown[] = [];
  const view = readSchedulingPod(spec, 'spec', problems as never[]);
  expect(problems).toEqual([]);
  return view;
}

/** A node state with the given Pods already placed. */
export function state(info: NodeInfo, ...placed: readonly SchedulingPod[]): NodeState {
  const s = emptyNodeState(info);
  for (const p of placed) addPod(s, p);
  return s;
}

/** A container requesting the given resources. */
export const container = (requests: Record<string, string> = {}, extra: Json = {}): Json => ({
  name: 'app',
  image: 'nginx:1.27.3',
  resources: { requests },
  ...extra,
});

/** A v1 Pod manifest. */
export function podManifest(name: string, spec: Json, metadata: Json = {}): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...metadata }, spec };
}

/** An apps/v1 Deployment manifest with `replicas` Pods of `spec`. */
export function deployment(
  name: string,
  replicas: number | undefined,
  spec: Json,
  labels: Json = { app: name },
): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec },
    },
  };
}
