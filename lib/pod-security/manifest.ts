import { isJsonObject, type JsonObject } from '../rules/json';
import { podTemplateOf } from '../rules/pod-template';

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

/*
 * The checks read fields by name (`securityContext?.privileged`) and pass the value through
 * `asObject`, `asArray` or `asString`: each read site then keeps its own inline cache, where the
 * generic `objectAt(parent, key)` readers share one for every key and every shape, which makes
 * them slow on every object. Both read the same thing: the parent is an object or undefined.
 */

/** `value` when it is an object; what `objectAt` returns for the value it finds. */
export function asObject(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}

/** `value` when it is an array, else an empty array; what `arrayAt` returns for the value it finds. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : NO_ITEMS;
}

const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/** A string field's value as text, `''` when absent or null; what `stringAt` returns for the value it finds. */
export function asString(value: unknown): string {
  return isSet(value) ? text(value) : '';
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

/** One container of a pod, with its name and field path (e.g. `spec.template.spec.initContainers[0]`). */
export interface ContainerRef {
  /** The container object. */
  readonly container: JsonObject;
  /** `name`, or `''` when missing, as the Go types would decode it. */
  readonly name: string;
  /** Field path of the container in the object checked, e.g. `spec.containers[1]`. */
  readonly path: string;
  /** The container's `securityContext`, when an object. */
  readonly securityContext: JsonObject | undefined;
}

/** A Pod, or a workload's pod template: what the checks read, and where it sits in the object checked. */
export interface PodView {
  /** The pod's `metadata`, or `{}` when missing. */
  readonly metadata: JsonObject;
  /** The pod's `spec`, or `{}` when missing. */
  readonly spec: JsonObject;
  /** Field path of `metadata`: `metadata`, `spec.template.metadata`, `spec.jobTemplate.spec.template.metadata`. */
  readonly metadataPath: string;
  /** Field path of `spec`: `spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`. */
  readonly specPath: string;
  /** Every container, in the order upstream `visitContainers` walks them; listed once per object. */
  readonly containers: readonly ContainerRef[];
  /** The pod's `spec.securityContext`, when an object. */
  readonly securityContext: JsonObject | undefined;
}

/** Every container of a pod spec, in the order upstream `visitContainers` walks them (this order shapes the detail text): init containers, then containers, then ephemeral containers. */
function containersOf(spec: JsonObject, specPath: string): ContainerRef[] {
  const init = asArray(spec.initContainers);
  const regular = asArray(spec.containers);
  const ephemeral = asArray(spec.ephemeralContainers);
  // Sized up front (a list grown by push starts at 16 slots); trimmed to the objects found.
  const refs = new Array<ContainerRef>(init.length + regular.length + ephemeral.length);
  let count = addContainers(refs, 0, init, specPath, 'initContainers');
  count = addContainers(refs, count, regular, specPath, 'containers');
  count = addContainers(refs, count, ephemeral, specPath, 'ephemeralContainers');
  refs.length = count;
  return refs;
}

/** Puts the containers of one list into `refs` from position `count`; returns the new count. */
function addContainers(
  refs: ContainerRef[],
  count: number,
  containers: readonly unknown[],
  specPath: string,
  list: string,
): number {
  for (let index = 0; index < containers.length; index++) {
    const container = containers[index];
    if (isJsonObject(container)) {
      refs[count++] = {
        container,
        name: asString(container.name),
        path: `${specPath}.${list}[${index}]`,
        securityContext: asObject(container.securityContext),
      };
    }
  }
  return count;
}

/** A view of the template found at `path` (no trailing dot; `''` for the object itself). */
function viewAt(template: unknown, path: string): PodView {
  const prefix = path === '' ? '' : `${path}.`;
  const spec = objectAt(template, 'spec') ?? {};
  const specPath = `${prefix}spec`;
  return {
    metadata: objectAt(template, 'metadata') ?? {},
    spec,
    metadataPath: `${prefix}metadata`,
    specPath,
    containers: containersOf(spec, specPath),
    securityContext: asObject(spec.securityContext),
  };
}

/**
 * Finds the pod template in a Pod or in a workload, with the field paths of its parts.
 *
 * The kinds `podTemplateOf` knows (v1 Pod, apps/v1 Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * batch/v1 Job, CronJob) are read where their API puts the template. Any other object goes by
 * shape, so manifests without `kind` (or with a custom kind that embeds a standard template) still
 * work: `spec.jobTemplate.spec.template` (CronJob-like), then `spec.template`
 * (ReplicationController, older API versions), then `template` (PodTemplate), else the object itself.
 */
export function podViewOf(podOrWorkload: unknown): PodView | undefined {
  if (!isJsonObject(podOrWorkload)) return undefined;
  const known = podTemplateOf(podOrWorkload);
  if (known !== undefined) {
    return {
      metadata: known.metadata,
      spec: known.spec,
      metadataPath: known.metadataPath,
      specPath: known.specPath,
      containers: containersOf(known.spec, known.specPath),
      securityContext: asObject(known.spec.securityContext),
    };
  }
  const spec = objectAt(podOrWorkload, 'spec');
  const cronJobTemplate = objectAt(objectAt(objectAt(spec, 'jobTemplate'), 'spec'), 'template');
  if (cronJobTemplate !== undefined) return viewAt(cronJobTemplate, 'spec.jobTemplate.spec.template');
  const template = objectAt(spec, 'template');
  if (template !== undefined) return viewAt(template, 'spec.template');
  const podTemplate = objectAt(podOrWorkload, 'template');
  if (podTemplate !== undefined) return viewAt(podTemplate, 'template');
  return viewAt(podOrWorkload, '');
}

/** Whether the pod declares `spec.os.name: windows`, which upstream v1.25+ exempts from some restricted checks. */
export function isWindowsPod(pod: PodView): boolean {
  return asObject(pod.spec.os)?.name === 'windows';
}

/**
 * Whether the pod runs in its own user namespace (`spec.hostUsers: false`), for which upstream
 * v1.35+ relaxes procMount, runAsNonRoot and runAsUser (policy/helpers.go, relaxPolicyForUserNamespacePod).
 */
export function usesUserNamespace(pod: PodView): boolean {
  return pod.spec.hostUsers === false;
}
