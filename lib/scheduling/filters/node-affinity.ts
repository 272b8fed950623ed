import type { NodeInfo } from '../node-info';
import type { NodeState } from '../node-state';
import type { FieldRequirement, LabelRequirement, NodeSelectorTermView, SchedulingPod } from '../pod-view';
import { parseInt64 } from '../pod-view';
import type { FilterStatus } from '../status';

/** The upstream plugin name. */
export const NODE_AFFINITY = 'NodeAffinity';
/** Upstream `nodeaffinity.ErrReasonPod`. */
export const NODE_AFFINITY_REASON = "node(s) didn't match Pod's node affinity/selector";
/** Upstream `errReasonConflict`: the PreFilter finds the terms' `metadata.name` sets leave no node. */
export const NODE_AFFINITY_CONFLICT_REASON = 'pod affinity terms conflict';

/** Upstream `labels.Requirement.Matches` for the node selector operators. */
export function matchesLabelRequirement(req: LabelRequirement, labels: ReadonlyMap<string, string>): boolean {
  const value = labels.get(req.key);
  switch (req.operator) {
    case 'In':
      return value !== undefined && req.values.includes(value);
    case 'NotIn':
      return value === undefined || !req.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default: {
      // Gt / Lt: both sides must parse as int64.
      const actual = value === undefined ? undefined : parseInt64(value);
      if (actual === undefined || req.bound === undefined) return false;
      return req.operator === 'Gt' ? actual > req.bound : actual < req.bound;
    }
  }
}

/** Upstream `fields.Selector` over the one field a node offers, `metadata.name` (other keys read as ''). */
function matchesField(req: FieldRequirement, node: NodeInfo): boolean {
  const value = req.key === 'metadata.name' ? node.name : '';
  return req.operator === 'In' ? value === req.value : value !== req.value;
}

/** Upstream `nodeSelectorTerm.match`: a valid term whose label and field requirements all hold. */
export function matchesTerm(term: NodeSelectorTermView, node: NodeInfo): boolean {
  if (!term.valid) return false;
  if (term.labels !== undefined && !term.labels.every(req => matchesLabelRequirement(req, node.labels)))
    return false;
  return term.fields === undefined || term.fields.every(req => matchesField(req, node));
}

/** `spec.nodeSelector`: every key present with the same value (upstream `labels.SelectorFromSet`). */
export function matchesNodeSelector(pod: SchedulingPod, node: NodeInfo): boolean {
  const selector = pod.nodeSelector;
  for (let i = 0; i < selector.length; i++)
    if (node.labels.get(selector[i][0]) !== selector[i][1]) return false;
  return true;
}

/** The required node affinity: some term matches (upstream `LazyErrorNodeSelector.Match`; no terms match nothing). */
export function matchesRequiredAffinity(pod: SchedulingPod, node: NodeInfo): boolean {
  return pod.requiredTerms === undefined || pod.requiredTerms.some(term => matchesTerm(term, node));
}

/**
 * Upstream `nodeaffinity.PreFilter`: when every term names nodes through `matchFields` `metadata.name In`,
 * only those nodes are evaluated. Returns the names (undefined: every node), or an empty set when the
 * terms conflict.
 */
export function preFilterNodeNames(pod: SchedulingPod): ReadonlySet<string> | undefined {
  if (pod.requiredTerms === undefined || pod.requiredTerms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const term of pod.requiredTerms) {
    let termNames: Set<string> | undefined;
    for (const req of term.fields ?? []) {
      if (req.key !== 'metadata.name' || req.operator !== 'In') continue;
      termNames =
        termNames === undefined ? new Set([req.value]) : new Set([...termNames].filter(n => n === req.value));
    }
    // A term without a name restriction lets every node through, since the terms are ORed.
    if (termNames === undefined) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

/**
 * Upstream `nodeaffinity.Filter` (pkg/scheduler/framework/plugins/nodeaffinity, with
 * component-helpers `GetRequiredNodeAffinity`): `spec.nodeSelector` and the required node affinity.
 */
export function nodeAffinity(pod: SchedulingPod, state: NodeState): FilterStatus | undefined {
  if (matchesNodeSelector(pod, state.node) && matchesRequiredAffinity(pod, state.node)) return undefined;
  return FAILED;
}

/** The one status this filter fails with: it runs for every Pod on every node. */
const FAILED: FilterStatus = Object.freeze({
  plugin: NODE_AFFINITY,
  code: 'UnschedulableAndUnresolvable',
  reasons: Object.freeze([NODE_AFFINITY_REASON]),
});
