import { isJsonObject, type JsonObject } from '../rules/json';

export { isJsonObject, type JsonObject };

/** Whether a field is present; like a non-nil pointer in the Go API types, `null` counts as absent. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The object at `key`, or undefined when absent or not an object. */
export function objectAt(parent: unknown, key: string): JsonObject | undefined {
  if (!isJsonObject(parent)) return undefined;
  const value = parent[key];
  return isJsonObject(value) ? value : undefined;
}

/** The array at `key`, or an empty array when absent or not an array. */
export function arrayAt(parent: unknown, key: string): readonly unknown[] {
  if (!isJsonObject(parent)) return [];
  const value = parent[key];
  return Array.isArray(value) ? value : [];
}

/** The value at `key`, or undefined when the parent is not an object. */
export function valueAt(parent: unknown, key: string): unknown {
  return isJsonObject(parent) ? parent[key] : undefined;
}

/**
 * Renders any manifest value as text without throwing.
 *
 * Odd input (numbers where strings belong, null-prototype objects, BigInts) must not crash the
 * evaluator, and the text ends up in messages, so it only has to be readable.
 */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '<unprintable>';
  }
}

/** The string at `key`; absent or null reads as `''`, like an unset string field in the Go API types. */
export function stringAt(parent: unknown, key: string): string {
  const value = valueAt(parent, key);
  return isSet(value) ? text(value) : '';
}

/** A pod (or pod template): the two parts the checks read. */
export interface PodView {
  /** `metadata`, or `{}` when missing. */
  readonly metadata: JsonObject;
  /** `spec`, or `{}` when missing. */
  readonly spec: JsonObject;
}

/**
 * Finds the pod template in a Pod or in a workload.
 *
 * Goes by shape rather than `kind`, so manifests without `kind` (or with a custom kind that embeds a
 * standard template) still work: CronJob (`spec.jobTemplate.spec.template`), then the
 * Deployment/StatefulSet/DaemonSet/ReplicaSet/Job/ReplicationController `spec.template`, then a
 * PodTemplate's `template`, else the object itself as a Pod.
 */
export function podViewOf(podOrWorkload: unknown): PodView | undefined {
  if (!isJsonObject(podOrWorkload)) return undefined;
  const spec = objectAt(podOrWorkload, 'spec');
  const template =
    objectAt(objectAt(objectAt(spec, 'jobTemplate'), 'spec'), 'template') ??
    objectAt(spec, 'template') ??
    objectAt(podOrWorkload, 'template') ??
    podOrWorkload;
  return { metadata: objectAt(template, 'metadata') ?? {}, spec: objectAt(template, 'spec') ?? {} };
}

/** One container of a pod, with its name and field path (e.g. `spec.initContainers[0]`). */
export interface ContainerRef {
  /** The container object. */
  readonly container: JsonObject;
  /** `name`, or `''` when missing, as the Go types would decode it. */
  readonly name: string;
  /** Field path of the container, e.g. `spec.containers[1]`. */
  readonly path: string;
}

/** The container lists, in the order upstream `visitContainers` walks them (this order shapes the detail text). */
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** Every container of a pod spec: init containers, then containers, then ephemeral containers. */
export function containersOf(spec: JsonObject): ContainerRef[] {
  const refs: ContainerRef[] = [];
  for (const list of CONTAINER_LISTS) {
    arrayAt(spec, list).forEach((container, index) => {
      if (isJsonObject(container)) {
        refs.push({ container, name: stringAt(container, 'name'), path: `spec.${list}[${index}]` });
      }
    });
  }
  return refs;
}

/** Whether the pod declares `spec.os.name: windows`, which upstream v1.25+ exempts from some restricted checks. */
export function isWindowsPod(pod: PodView): boolean {
  return valueAt(objectAt(pod.spec, 'os'), 'name') === 'windows';
}
