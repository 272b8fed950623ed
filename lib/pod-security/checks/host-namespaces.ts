import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { pluralize } from '../wording';

/** The host namespaces, in the order upstream lists them. */
const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

// Upstream policy/check_hostNamespaces.go, hostNamespaces_1_0.
function hostNamespacesV1Dot0({ spec, specPath }: PodView): CheckFinding | undefined {
  const shared: string[] = [];
  for (const namespace of HOST_NAMESPACES) if (spec[namespace] === true) shared.push(namespace);
  const first = shared[0];
  if (first === undefined) return undefined;
  return {
    reason: 'host namespaces',
    detail: shared.map(namespace => `${namespace}=true`).join(', '),
    field: `${specPath}.${first}`,
    fix: `Remove ${shared.map(namespace => `${specPath}.${namespace}`).join(', ')} or set ${pluralize('it', 'them', shared.length)} to false so the pod keeps its own namespaces.`,
  };
}

/** Baseline: no hostNetwork, hostPID or hostIPC (v1.0). */
export const hostNamespaces: PodSecurityCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  revisions: [{ since: 'v1.0', evaluate: hostNamespacesV1Dot0 }],
};
