import { isQualifiedName } from '../rules/names';
import { formatBytes, formatMilliCpu, toMilliUnits, toUnits } from './quantity';

/**
 * Resource amounts as kube-scheduler counts them (`framework.Resource`), keyed by resource name:
 * `cpu` in millicores, every other resource in whole units (bytes for `memory` and
 * `ephemeral-storage`), each rounded up from its exact quantity as upstream `MilliValue()` and
 * `Value()` do. A name that is absent counts as 0.
 */
export type ResourceAmounts = ReadonlyMap<string, bigint>;

/** The names kube-scheduler tracks in fields of their own. */
export const CPU = 'cpu';
/** Memory, in bytes. */
export const MEMORY = 'memory';
/** Local ephemeral storage, in bytes. */
export const EPHEMERAL_STORAGE = 'ephemeral-storage';
/** How many Pods a node takes (`status.allocatable.pods`). */
export const PODS = 'pods';

/** Upstream `v1helper.IsNativeResource`: unprefixed names and `*kubernetes.io/` names. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** Upstream `v1helper.IsExtendedResourceName`, e.g. `nvidia.com/gpu`. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/**
 * Upstream `schedutil.IsScalarResourceName`: extended resources, `hugepages-*`, `*kubernetes.io/*`
 * and `attachable-volumes-*`. Other names (`storage`, a typo like `cpus`) are not counted.
 */
export function isScalarResourceName(name: string): boolean {
  return (
    isExtendedResourceName(name) ||
    name.startsWith('hugepages-') ||
    name.includes('kubernetes.io/') ||
    name.startsWith('attachable-volumes-')
  );
}

/**
 * Converts exact quantities (nano-units) into the scheduler's counts, as upstream `Resource.Add`
 * (node allocatable, with `pods`) and `Resource.SetMaxResource` (a Pod's request, without) do;
 * names the scheduler does not track are dropped.
 */
export function toSchedulerAmounts(
  nanos: ReadonlyMap<string, bigint>,
  withPods: boolean,
): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const [name, amount] of nanos) {
    if (name === CPU) out.set(name, toMilliUnits(amount));
    else if (name === MEMORY || name === EPHEMERAL_STORAGE || isScalarResourceName(name)) {
      out.set(name, toUnits(amount));
    } else if (name === PODS && withPods) out.set(name, toUnits(amount));
  }
  return out;
}

/** Formats one scheduler amount as Kubernetes writes it: `1500m` cpu, `512Mi` memory, `110` pods. */
export function formatAmount(name: string, amount: bigint): string {
  if (name === CPU) return formatMilliCpu(amount);
  if (name === MEMORY || name === EPHEMERAL_STORAGE || name.startsWith('hugepages-'))
    return formatBytes(amount);
  return String(amount);
}

/** Formats amounts as a JSON-friendly object of quantity strings, names sorted. */
export function formatAmounts(amounts: ResourceAmounts): Record<string, string> {
  return Object.fromEntries(
    [...amounts.keys()].sort().map(name => [name, formatAmount(name, amounts.get(name) ?? 0n)]),
  );
}
