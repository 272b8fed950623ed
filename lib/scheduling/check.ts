import type { Finding, ValidationError } from '../rules/problem';
import { error, warning } from '../rules/report';
import type { Shortage } from './collective';
import { collectiveShortages } from './collective';
import { explainUnschedulable, pointerForCrowding, requestPointer } from './explain';
import type { NodeInfo } from './node-info';
import { emptyNodeState } from './node-state';
import { toInventory } from './nodes-input';
import type { Plan, PodPlacement } from './plan';
import { plan } from './plan';
import { formatAmount, PODS } from './resources';
import type { PodGroup } from './workloads';

/** Options of the scheduling pre-flight. */
export interface SchedulingOptions {
  /** Rule ids of warnings to silence; errors cannot be silenced. */
  readonly suppress?: readonly string[];
}

/** The scheduling pre-flight's rule ids. */
export const SCHEDULING_RULES = Object.freeze({
  /** Error: no node takes the Pod even with nothing else placed. */
  podUnschedulable: 'pod-unschedulable',
  /** Error: the Pods fit one by one, but cannot all run at once in any order. */
  podsDoNotFitTogether: 'pods-do-not-fit-together',
  /** Warning: placed in the documented order, a Pod found no room left; another order may fit. */
  podsMayNotFitTogether: 'pods-may-not-fit-together',
  /** Warning: no node matches a DaemonSet, so it runs no Pod. */
  daemonSetMatchesNoNode: 'daemonset-matches-no-node',
  /** Error: a resource quantity the API server rejects. */
  resourceQuantityInvalid: 'resource-quantity-invalid',
});

/** Another scheduler places Pods with a `schedulerName` of its own: its verdict may differ, so only warn. */
const build = (group: PodGroup) => (group.pod.schedulerName === 'default-scheduler' ? error : warning);

const podLabel = (group: PodGroup): string => {
  if (group.kind === 'Pod') return `Pod "${group.namespace}/${group.name}"`;
  return `${group.kind} "${group.namespace}/${group.name}"`;
};

const amountText = (what: string, amount: bigint): string =>
  what === PODS ? `${amount} pod slots` : `${formatAmount(what, amount)} ${what}`;

function shortageSentence(shortage: Shortage): string {
  const nodes = shortage.nodes.join(', ');
  if (shortage.port) {
    return `Together they cannot all run: ${shortage.pods} Pods bind host port ${shortage.what}, one per node, and can run on ${shortage.capacity} node(s) only (${nodes}).`;
  }
  return `Together they cannot all run: the ${shortage.pods} Pods that can only run on ${nodes} need ${amountText(shortage.what, shortage.demand)}, and those nodes have ${amountText(shortage.what, shortage.capacity)} allocatable.`;
}

function shortageFinding(
  group: PodGroup,
  first: PodPlacement,
  pending: number,
  shortage: Shortage,
): ValidationError {
  const message = `${first.message} ${shortageSentence(shortage)} ${pending} of ${group.replicas} Pod(s) of ${podLabel(group)} stay Pending.`;
  const rule = SCHEDULING_RULES.podsDoNotFitTogether;
  if (shortage.port) {
    const port =
      group.pod.hostPorts.find(p => shortage.what.endsWith(`${p.protocol}/${p.port}`)) ??
      group.pod.hostPorts[0];
    return build(group)(
      rule,
      `${port.path}.hostPort`,
      port.port,
      message,
      `Run at most ${shortage.capacity} Pods binding host port ${shortage.what}, or drop the hostPort and reach them through a Service.`,
    );
  }
  if (shortage.what === PODS) {
    return build(group)(
      rule,
      group.replicasPath ?? group.pod.specPath,
      group.replicasPath === undefined ? undefined : group.replicas,
      message,
      `Run fewer Pods on ${shortage.nodes.join(', ')}, or raise their pod capacity.`,
    );
  }
  const pointer = requestPointer(group, shortage.what);
  return build(group)(
    rule,
    pointer.field,
    pointer.value,
    message,
    `Lower the ${shortage.what} requests or replica counts of the Pods that can only run on ${shortage.nodes.join(', ')}, or give those nodes more ${shortage.what}.`,
  );
}

/**
 * The scheduling pre-flight: places every Pod the manifests make onto the nodes (see `placePods`) and
 * reports, on the manifest that makes them:
 * - `pod-unschedulable` (error): no node takes the Pod even alone; the message is kube-scheduler
 *   1.28's own (`0/3 nodes are available: ...`), then the nearest node and what it lacks;
 * - `pods-do-not-fit-together` (error): the Pods fit one by one but no placement order runs them all
 *   (their nodes lack the resources, pod slots or host ports for all of them);
 * - `pods-may-not-fit-together` (warning): in the pre-flight's order a Pod found no room left;
 * - `daemonset-matches-no-node` (warning): no node matches a DaemonSet;
 * - `resource-quantity-invalid` (error): a request, limit or overhead the API server rejects.
 * `nodes` is `NodeInfo[]` or raw Node documents (a List, a Node, or an array of either); throws a
 * `NodeInventoryError` when raw nodes cannot be read.
 */
export function checkScheduling(
  manifests: readonly unknown[],
  nodes: readonly NodeInfo[] | unknown,
  options: SchedulingOptions = {},
): Finding[] {
  const inventory = toInventory(nodes);
  return planFindings(plan(manifests, inventory), inventory, options);
}

/** The problems a pre-flight plan of `inventory` found (what `checkScheduling` returns). */
export function planFindings(
  result: Plan,
  inventory: readonly NodeInfo[],
  options: SchedulingOptions = {},
): Finding[] {
  const empty = inventory.map(emptyNodeState);
  const findings: Finding[] = [...result.workloads.problems];
  for (const group of result.workloads.idleDaemonSets) {
    const field =
      group.pod.nodeSelector.length > 0 ? `${group.pod.specPath}.nodeSelector` : group.pod.specPath;
    findings.push({
      index: group.index,
      ...warning(
        SCHEDULING_RULES.daemonSetMatchesNoNode,
        field,
        group.pod.nodeSelector.length > 0 ? Object.fromEntries(group.pod.nodeSelector) : undefined,
        `the DaemonSet controller creates no Pod: none of the ${inventory.length} node(s) matches the template's nodeName, nodeSelector and required node affinity, or all of them have a NoSchedule or NoExecute taint it does not tolerate`,
        'Label the nodes the DaemonSet should run on, or change its nodeSelector, node affinity or tolerations.',
      ),
    });
  }
  for (const analysis of result.analyses) {
    if (analysis.aloneMessage === undefined) continue;
    const { group } = analysis;
    const explained = explainUnschedulable(analysis, empty);
    const message =
      explained.detail === '' ? analysis.aloneMessage : `${analysis.aloneMessage} ${explained.detail}`;
    findings.push({
      index: group.index,
      ...build(group)(
        SCHEDULING_RULES.podUnschedulable,
        explained.field,
        explained.value,
        message,
        explained.fix,
      ),
    });
  }
  const shortages = collectiveShortages(result.analyses, result.nodes);
  const crowded = new Map<PodGroup, { first: PodPlacement; pending: number }>();
  for (const placed of result.pods) {
    if (placed.node !== undefined || placed.statuses === undefined) continue;
    const seen = crowded.get(placed.group);
    crowded.set(placed.group, { first: seen?.first ?? placed, pending: (seen?.pending ?? 0) + 1 });
  }
  for (const [group, { first, pending }] of crowded) {
    const shortage = shortages.get(group);
    if (shortage !== undefined) {
      findings.push({ index: group.index, ...shortageFinding(group, first, pending, shortage) });
      continue;
    }
    const pointer = pointerForCrowding(group, first.statuses ?? []);
    findings.push({
      index: group.index,
      ...warning(
        SCHEDULING_RULES.podsMayNotFitTogether,
        pointer.field,
        pointer.value,
        `${first.message} Each fits a node alone, but once the Pods before it were placed no node had room: ${pending} of ${group.replicas} Pod(s) of ${podLabel(group)} stay Pending in the pre-flight's order; the real scheduler's order may differ.`,
        pointer.fix,
      ),
    });
  }
  const silenced = new Set(options.suppress ?? []);
  return findings
    .filter(f => f.severity === 'error' || !silenced.has(f.rule))
    .sort((a, b) => a.index - b.index);
}
