import type { JsonObject } from './json';
import { isJsonObject } from './json';
import type { ValidationError } from './problem';
import { warning } from './report';

/** A deprecated well-known node label and what replaced it. */
export interface DeprecatedNodeLabel {
  /** Kubernetes release that deprecated the label. */
  readonly since: string;
  /** The label to use instead. */
  readonly replacement: string;
}

/** Upstream `pkg/api/node` `deprecatedNodeLabels`: node labels the kubelet may stop setting. */
export const DEPRECATED_NODE_LABELS: Readonly<Record<string, DeprecatedNodeLabel>> = Object.freeze({
  'beta.kubernetes.io/arch': { since: 'v1.14', replacement: 'kubernetes.io/arch' },
  'beta.kubernetes.io/os': { since: 'v1.14', replacement: 'kubernetes.io/os' },
  'failure-domain.beta.kubernetes.io/region': {
    since: 'v1.17',
    replacement: 'topology.kubernetes.io/region',
  },
  'failure-domain.beta.kubernetes.io/zone': { since: 'v1.17', replacement: 'topology.kubernetes.io/zone' },
  'beta.kubernetes.io/instance-type': { since: 'v1.17', replacement: 'node.kubernetes.io/instance-type' },
});

/**
 * Warns about deprecated node labels in a Pod spec's `nodeSelector` (`specPath` is `spec` for a Pod), as the API server's pod warnings do
 * (field `spec.nodeSelector[<key>]`, message `deprecated since v1.14; use "kubernetes.io/os" instead`).
 */
export function deprecatedNodeSelectorLabels(spec: JsonObject, specPath = 'spec'): ValidationError[] {
  const selector = spec.nodeSelector;
  if (!isJsonObject(selector)) return [];
  return Object.entries(selector).flatMap(([key, value]) => {
    const deprecated = Object.hasOwn(DEPRECATED_NODE_LABELS, key) ? DEPRECATED_NODE_LABELS[key] : undefined;
    if (deprecated === undefined) return [];
    return [
      warning(
        'node-selector-label-deprecated',
        `${specPath}.nodeSelector[${key}]`,
        value,
        `deprecated since ${deprecated.since}; use ${JSON.stringify(deprecated.replacement)} instead`,
        `Replace nodeSelector key ${JSON.stringify(key)} with ${JSON.stringify(deprecated.replacement)}.`,
      ),
    ];
  });
}
