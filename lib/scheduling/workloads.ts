import type { JsonObject } from '../rules/json';
import { isJsonObject } from '../rules/json';
import type { PodBearingKind } from '../rules/pod-template';
import { podTemplateOf } from '../rules/pod-template';
import type { ValidationError } from '../rules/problem';
import { matchesNodeSelector, matchesRequiredAffinity } from './filters/node-affinity';
import { untoleratedTaint } from './filters/taint-toleration';
import type { NodeInfo } from './node-info';
import type { SchedulingPod, Toleration } from './pod-view';
import { readSchedulingPod } from './pod-view';

/** Identical Pods stamped from one template (or one DaemonSet Pod for one node): placed one by one. */
export interface PodGroup {
  /** Position of the manifest in the list checked. */
  readonly index: number;
  /** The kind of the manifest. */
  readonly kind: PodBearingKind;
  /** `metadata.namespace`, `default` when unset. */
  readonly namespace: string;
  /** `metadata.name` of the manifest (or its `generateName`). */
  readonly name: string;
  /** The Pod spec object, to quote values in findings. */
  readonly spec: JsonObject;
  /** The Pod's labels (`metadata.labels` of the Pod or template), for Services' selectors. */
  readonly labels: ReadonlyMap<string, string>;
  /** The Pod as the filters read it (for a DaemonSet, with the controller's tolerations and node affinity). */
  readonly pod: SchedulingPod;
  /** How many Pods: 1 for a Pod, `replicas`, the Job's active Pods, 1 per DaemonSet group. */
  readonly replicas: number;
  /** Number of the first Pod: a DaemonSet's Pods are numbered across its nodes. */
  readonly firstReplica: number;
  /** Field path of the replica count (`spec.replicas`, `spec.parallelism`), when the kind has one. */
  readonly replicasPath?: string;
  /** Pods that finish (Job, CronJob, or `restartPolicy` other than Always): their room frees up again. */
  readonly transient: boolean;
  /** A DaemonSet Pod: the node it is made for. */
  readonly daemonNode?: string;
}

/** What the manifests ask the cluster to run, and the problems found while reading them. */
export interface Workloads {
  /** Pod groups, in manifest order (a DaemonSet's in inventory order). */
  readonly groups: readonly PodGroup[];
  /** Problems found reading the manifests, each with the index of its manifest. */
  readonly problems: readonly (ValidationError & { readonly index: number })[];
  /** DaemonSets that no node should run (index of the manifest), for a warning. */
  readonly idleDaemonSets: readonly PodGroup[];
}

const count = (value: unknown, fallback: number): number =>
  Number.isInteger(value) && (value as number) >= 0 ? (value as number) : fallback;

/**
 * Upstream job controller `manageJob`: `parallelism` (default 1) Pods at once, never more than the
 * `completions` still to do; none while suspended.
 */
function jobPods(jobSpec: JsonObject): number {
  if (jobSpec.suspend === true) return 0;
  const parallelism = count(jobSpec.parallelism, 1);
  return Number.isInteger(jobSpec.completions)
    ? Math.min(parallelism, count(jobSpec.completions, 1))
    : parallelism;
}

/** The Pods a manifest's controller keeps running at once, and where that number is set. */
function replicasOf(obj: JsonObject, kind: PodBearingKind): { replicas: number; path?: string } {
  const spec = isJsonObject(obj.spec) ? obj.spec : {};
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      return { replicas: count(spec.replicas, 1), path: 'spec.replicas' };
    case 'Job':
      return { replicas: jobPods(spec), path: 'spec.parallelism' };
    case 'CronJob': {
      // One run at a time: the first run needs room; overlapping runs (concurrencyPolicy Allow) are not modelled.
      const jobSpec =
        isJsonObject(spec.jobTemplate) && isJsonObject(spec.jobTemplate.spec) ? spec.jobTemplate.spec : {};
      return {
        replicas: spec.suspend === true ? 0 : jobPods(jobSpec),
        path: 'spec.jobTemplate.spec.parallelism',
      };
    }
    default:
      return { replicas: 1 };
  }
}

const toleration = (key: string, effect: string): Toleration => ({
  key,
  operator: 'Exists',
  value: '',
  effect,
});

/** Upstream daemon util `AddOrUpdateDaemonPodTolerations` (pkg/controller/daemon/util/daemonset_util.go). */
function daemonTolerations(spec: JsonObject): Toleration[] {
  const added = [
    toleration('node.kubernetes.io/not-ready', 'NoExecute'),
    toleration('node.kubernetes.io/unreachable', 'NoExecute'),
    toleration('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    toleration('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (spec.hostNetwork === true)
    added.push(toleration('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return added;
}

/**
 * Upstream DaemonSet controller `NodeShouldRunDaemonPod` (pkg/controller/daemon/daemon_controller.go):
 * the template's nodeName, nodeSelector and required node affinity match the node, and its tolerations
 * (with the controller's own) tolerate every NoSchedule and NoExecute taint.
 */
function shouldRunDaemonPod(pod: SchedulingPod, node: NodeInfo): boolean {
  if (pod.nodeName !== '' && pod.nodeName !== node.name) return false;
  if (!matchesNodeSelector(pod, node) || !matchesRequiredAffinity(pod, node)) return false;
  return untoleratedTaint(node.taints, pod.tolerations) === undefined;
}

/**
 * The Pod the DaemonSet controller creates for a node: its tolerations added, and its required node
 * affinity replaced by `metadata.name In [node]` (upstream `ReplaceDaemonSetPodNodeNameNodeAffinity`).
 */
function daemonPodFor(pod: SchedulingPod, node: string): SchedulingPod {
  const path = `${pod.specPath}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]`;
  return {
    ...pod,
    requiredTerms: [{ path, fields: [{ key: 'metadata.name', operator: 'In', value: node }], valid: true }],
  };
}

function labelsOf(metadata: JsonObject): Map<string, string> {
  const labels = new Map<string, string>();
  if (!isJsonObject(metadata.labels)) return labels;
  for (const [key, value] of Object.entries(metadata.labels))
    if (typeof value === 'string') labels.set(key, value);
  return labels;
}

function identity(obj: JsonObject): { namespace: string; name: string } {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  const name =
    typeof meta.name === 'string' && meta.name !== ''
      ? meta.name
      : typeof meta.generateName === 'string' && meta.generateName !== ''
        ? meta.generateName
        : '(unnamed)';
  return { namespace, name };
}

/**
 * Finds every Pod the manifests make: a v1 Pod; `replicas` Pods (default 1) of an apps/v1 Deployment,
 * ReplicaSet or StatefulSet; a DaemonSet's Pod for each node its controller picks; the Pods a
 * batch/v1 Job runs at once; one run of a CronJob's Job. Other objects are skipped.
 */
export function readWorkloads(manifests: readonly unknown[], nodes: readonly NodeInfo[]): Workloads {
  const groups: PodGroup[] = [];
  const problems: (ValidationError & { index: number })[] = [];
  const idleDaemonSets: PodGroup[] = [];
  manifests.forEach((manifest, index) => {
    const ref = podTemplateOf(manifest);
    if (ref === undefined || !isJsonObject(manifest)) return;
    const found: ValidationError[] = [];
    const pod = readSchedulingPod(ref.spec, ref.specPath, found);
    for (const problem of found) problems.push({ ...problem, index });
    const { replicas, path } = replicasOf(manifest, ref.kind);
    const base = {
      index,
      kind: ref.kind,
      ...identity(manifest),
      spec: ref.spec,
      labels: labelsOf(ref.metadata),
      transient: ref.kind === 'Job' || ref.kind === 'CronJob' || !pod.longRunning,
    };
    if (ref.kind !== 'DaemonSet') {
      groups.push({ ...base, pod, replicas, firstReplica: 0, replicasPath: path });
      return;
    }
    const withTolerations = { ...pod, tolerations: [...pod.tolerations, ...daemonTolerations(ref.spec)] };
    let replica = 0;
    for (const node of nodes) {
      if (!shouldRunDaemonPod(withTolerations, node)) continue;
      const daemonPod = daemonPodFor(withTolerations, node.name);
      groups.push({ ...base, pod: daemonPod, replicas: 1, firstReplica: replica, daemonNode: node.name });
      replica += 1;
    }
    if (replica === 0) idleDaemonSets.push({ ...base, pod: withTolerations, replicas: 0, firstReplica: 0 });
  });
  return { groups, problems, idleDaemonSets };
}
