import type { JsonObject } from '../rules/json';
import { isJsonObject } from '../rules/json';
import { allFailures } from './filters';
import { matchesRequiredAffinity, NODE_AFFINITY } from './filters/node-affinity';
import { NODE_NAME } from './filters/node-name';
import { NODE_PORTS, NODE_PORTS_REASON, portConflicts } from './filters/node-ports';
import { NODE_RESOURCES_FIT, shortfalls, TOO_MANY_PODS } from './filters/node-resources-fit';
import { NODE_UNSCHEDULABLE } from './filters/node-unschedulable';
import { TAINT_TOLERATION, tolerationsTolerate } from './filters/taint-toleration';
import type { Taint } from './node-info';
import type { NodeState } from './node-state';
import type { GroupAnalysis } from './plan';
import { formatAmount, PODS } from './resources';
import type { FilterStatus } from './status';
import type { PodGroup } from './workloads';

/** Where a finding points, what it quotes, and how to fix it. */
export interface Pointer {
  /** Field path, as the API server writes it. */
  readonly field: string;
  /** The value at that field. */
  readonly value: unknown;
  /** One imperative sentence. */
  readonly fix: string;
}

const valueAt = (obj: JsonObject, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

const taintText = (taint: Taint): string =>
  `${taint.key}${taint.value === '' ? '' : `=${taint.value}`}:${taint.effect}`;

const untolerated = (group: PodGroup, state: NodeState): Taint[] =>
  state.node.taints.filter(
    t =>
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
      !tolerationsTolerate(group.pod.tolerations, t),
  );

const missingLabels = (group: PodGroup, state: NodeState): (readonly [string, string])[] =>
  group.pod.nodeSelector.filter(([key, value]) => state.node.labels.get(key) !== value);

/** The field of the container that asks most of a resource: its requests, or its limits when the request was defaulted from them. */
export function requestPointer(group: PodGroup, resource: string): { field: string; value: unknown } {
  let best: (typeof group.pod.containers)[number] | undefined;
  for (const container of group.pod.containers) {
    const amount = container.requests.get(resource) ?? 0n;
    if (amount > 0n && (best === undefined || amount > (best.requests.get(resource) ?? 0n))) best = container;
  }
  if (best === undefined) {
    return { field: `${group.pod.specPath}.overhead`, value: valueAt(group.spec, 'overhead') };
  }
  const part = best.fromLimits.has(resource) ? 'limits' : 'requests';
  const [list, index] = best.path.slice(group.pod.specPath.length + 1).split(/[[\]]/);
  const containers = valueAt(group.spec, list);
  const container = Array.isArray(containers) ? containers[Number(index)] : undefined;
  const resources = isJsonObject(container) && isJsonObject(container.resources) ? container.resources : {};
  return { field: `${best.path}.resources.${part}`, value: valueAt(resources, part) };
}

/** Noun phrases for what a node lacks for the Pod, one per failing check. */
function lacks(group: PodGroup, state: NodeState, failures: readonly FilterStatus[]): string[] {
  return failures.flatMap(failure => {
    switch (failure.plugin) {
      case NODE_UNSCHEDULABLE:
        return ['cordoned (spec.unschedulable)'];
      case NODE_NAME:
        return [`not the requested node ${JSON.stringify(group.pod.nodeName)}`];
      case TAINT_TOLERATION:
        return untolerated(group, state).map(t => `untolerated taint ${taintText(t)}`);
      case NODE_AFFINITY: {
        const labels = missingLabels(group, state).map(([key, value]) => {
          const has = state.node.labels.get(key);
          return has === undefined ? `missing label ${key}=${value}` : `label ${key}=${has}, not ${value}`;
        });
        const affinity = matchesRequiredAffinity(group.pod, state.node)
          ? []
          : ['no matching required node affinity term'];
        return [...labels, ...affinity];
      }
      case NODE_PORTS:
        return group.pod.hostPorts
          .filter(p => portConflicts(state, p))
          .map(p => `host port ${p.protocol}/${p.port} taken`);
      default:
        return shortfalls(group.pod, state).map(s =>
          s.resource === PODS
            ? `no free pod slot (${s.allocatable} allocatable)`
            : `${s.resource}: ${formatAmount(s.resource, s.requested)} requested, ${formatAmount(s.resource, s.free)} free of ${formatAmount(s.resource, s.allocatable)} allocatable`,
        );
    }
  });
}

/** Where to point and what to do about the first filter that fails on the nearest node. */
function pointerFor(group: PodGroup, state: NodeState, failure: FilterStatus): Pointer {
  const spec = group.pod.specPath;
  const node = state.node.name;
  switch (failure.plugin) {
    case NODE_UNSCHEDULABLE:
      return {
        field: `${spec}.tolerations`,
        value: valueAt(group.spec, 'tolerations'),
        fix: `Uncordon the node: kubectl uncordon ${node}, or tolerate node.kubernetes.io/unschedulable:NoSchedule in ${spec}.tolerations.`,
      };
    case NODE_NAME:
      return {
        field: `${spec}.nodeName`,
        value: group.pod.nodeName,
        fix: `Set ${spec}.nodeName to a node of the inventory, or remove it to let the scheduler choose.`,
      };
    case TAINT_TOLERATION: {
      const [taint] = untolerated(group, state);
      return {
        field: `${spec}.tolerations`,
        value: valueAt(group.spec, 'tolerations'),
        fix: `Add a toleration for ${taintText(taint)} to ${spec}.tolerations, or remove the taint: kubectl taint nodes ${node} ${taintText(taint)}-.`,
      };
    }
    case NODE_AFFINITY: {
      const missing = missingLabels(group, state);
      if (missing.length > 0) {
        const overwrite = missing.some(([key]) => state.node.labels.has(key)) ? ' --overwrite' : '';
        const labels = missing.map(([key, value]) => `${key}=${value}`).join(' ');
        return {
          field: `${spec}.nodeSelector`,
          value: valueAt(group.spec, 'nodeSelector'),
          fix: `Label a node: kubectl label nodes ${node} ${labels}${overwrite}, or change ${spec}.nodeSelector.`,
        };
      }
      const field = `${spec}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
      const affinity = valueAt(group.spec, 'affinity');
      const nodeAffinity =
        isJsonObject(affinity) && isJsonObject(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
      return {
        field,
        value: valueAt(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution'),
        fix: `Label a node so that a term of ${field} matches it, or change the terms to match a node's labels.`,
      };
    }
    case NODE_PORTS: {
      const port = group.pod.hostPorts.find(p => portConflicts(state, p)) ?? group.pod.hostPorts[0];
      return {
        field: `${port.path}.hostPort`,
        value: port.port,
        fix: `Use another hostPort than ${port.port}/${port.protocol}, or drop it and reach the Pod through a Service.`,
      };
    }
    default: {
      const [lack] = shortfalls(group.pod, state);
      if (lack.resource === PODS) {
        return {
          field: spec,
          value: undefined,
          fix: `Raise the pod capacity of ${node} (allocatable pods: ${lack.allocatable}), or add a node.`,
        };
      }
      const pointer = requestPointer(group, lack.resource);
      const fix =
        lack.allocatable === 0n
          ? `Add a node that offers ${lack.resource}, or remove the ${lack.resource} request from ${pointer.field}.`
          : `Lower the Pod's ${lack.resource} request (${formatAmount(lack.resource, lack.requested)} in total) to at most ${formatAmount(lack.resource, lack.free)}, what ${node} has free, or add a node with more ${lack.resource}.`;
      return { ...pointer, fix };
    }
  }
}

/** How many of the Pod's nodeName and nodeSelector values name this node (`hostname=worker-node2` aims at worker-node2). */
function namedBy(group: PodGroup, state: NodeState): number {
  const names = new Set([state.node.name, state.node.labels.get('kubernetes.io/hostname')]);
  let hits = names.has(group.pod.nodeName) ? 1 : 0;
  for (const [, value] of group.pod.nodeSelector) if (names.has(value)) hits += 1;
  return hits;
}

/**
 * The nearest node for a Pod no node takes: the one failing the fewest checks; among those, the one
 * the Pod's nodeSelector values name most; then inventory order.
 */
export function nearestNode(
  group: PodGroup,
  nodes: readonly NodeState[],
  evaluated: (i: number) => boolean,
): { state: NodeState; failures: FilterStatus[] } | undefined {
  let nearest: { state: NodeState; failures: FilterStatus[]; named: number } | undefined;
  nodes.forEach((state, i) => {
    if (!evaluated(i)) return;
    const failures = allFailures(group.pod, state);
    if (failures.length === 0) return;
    const named = namedBy(group, state);
    if (
      nearest === undefined ||
      failures.length < nearest.failures.length ||
      (failures.length === nearest.failures.length && named > nearest.named)
    ) {
      nearest = { state, failures, named };
    }
  });
  return nearest;
}

/**
 * Explains a Pod that no node takes even alone: the nearest node and what it lacks (a sentence to append
 * to the scheduler's message), and the field and fix for the first thing it lacks.
 */
export function explainUnschedulable(
  analysis: GroupAnalysis,
  empty: readonly NodeState[],
): Pointer & { readonly detail: string } {
  const { group, verdict } = analysis;
  const spec = group.pod.specPath;
  const affinityField = `${spec}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
  if (empty.length === 0) {
    return { field: spec, value: undefined, detail: '', fix: "Add the cluster's nodes to the inventory." };
  }
  if (verdict.error !== undefined || verdict.preFilter !== undefined) {
    return {
      field: affinityField,
      value: undefined,
      detail: '',
      fix: `Name nodes of the inventory in the metadata.name matchFields of ${affinityField}, with a name common to every requirement of a term.`,
    };
  }
  // Nodes a PreFilter left out were never evaluated: the scheduler says nothing about them.
  const nearest = nearestNode(
    group,
    empty,
    i => verdict.statuses[i] !== undefined || verdict.candidates.includes(i),
  );
  if (nearest === undefined)
    return { field: spec, value: undefined, detail: '', fix: 'Add a node the Pod fits on.' };
  const detail = `Nearest node: ${nearest.state.node.name} (${lacks(group, nearest.state, nearest.failures).join('; ')}).`;
  return { ...pointerFor(group, nearest.state, nearest.failures[0]), detail };
}

/**
 * Where to point for a Pod that fits some node alone but found no room once the Pods before it were
 * placed: the resource or host port that most nodes lacked for it.
 */
export function pointerForCrowding(
  group: PodGroup,
  statuses: readonly (FilterStatus | undefined)[],
): Pointer {
  const counts = new Map<string, number>();
  for (const status of statuses) {
    if (status?.plugin !== NODE_RESOURCES_FIT && status?.plugin !== NODE_PORTS) continue;
    for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const [top] = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const fix =
    'Leave headroom: lower the requests or replica counts of the Pods competing for these nodes, or add capacity.';
  if (top === undefined || top[0] === TOO_MANY_PODS) {
    const field = group.replicasPath ?? group.pod.specPath;
    return { field, value: group.replicasPath === undefined ? undefined : group.replicas, fix };
  }
  if (top[0] === NODE_PORTS_REASON) {
    const [port] = group.pod.hostPorts;
    return {
      field: `${port.path}.hostPort`,
      value: port.port,
      fix: `Drop hostPort ${port.port} or run fewer Pods that bind it than there are nodes for them.`,
    };
  }
  return { ...requestPointer(group, top[0].slice('Insufficient '.length)), fix };
}
