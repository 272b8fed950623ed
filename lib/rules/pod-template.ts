import type { JsonObject } from './json';
import { isJsonObject } from './json';

/** The kinds that carry a Pod spec: the Pod itself and the workloads that stamp Pods out of a template. */
export type PodBearingKind =
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'Job'
  | 'CronJob';

/**
 * Where each pod-bearing kind keeps its Pod's metadata and spec (`''` is the object itself).
 * Keyed by `apiVersion/kind`, so an `extensions/v1beta1` Deployment, which a 1.28 server no
 * longer serves, is not mistaken for one.
 */
const TEMPLATE_PATHS: ReadonlyMap<string, { kind: PodBearingKind; path: readonly string[] }> = new Map([
  ['v1/Pod', { kind: 'Pod', path: [] }],
  ['apps/v1/Deployment', { kind: 'Deployment', path: ['spec', 'template'] }],
  ['apps/v1/StatefulSet', { kind: 'StatefulSet', path: ['spec', 'template'] }],
  ['apps/v1/DaemonSet', { kind: 'DaemonSet', path: ['spec', 'template'] }],
  ['apps/v1/ReplicaSet', { kind: 'ReplicaSet', path: ['spec', 'template'] }],
  ['batch/v1/Job', { kind: 'Job', path: ['spec', 'template'] }],
  ['batch/v1/CronJob', { kind: 'CronJob', path: ['spec', 'jobTemplate', 'spec', 'template'] }],
]);

/** A Pod, or a workload's pod template, with the field paths its parts are reported at. */
export interface PodTemplateRef {
  /** The kind of the object that carries the Pod spec. */
  readonly kind: PodBearingKind;
  /** Field path of the template (`spec.template`, `spec.jobTemplate.spec.template`), or `''` for a Pod. */
  readonly path: string;
  /** Field path of the Pod's metadata: `metadata` or `<path>.metadata`. */
  readonly metadataPath: string;
  /** Field path of the Pod spec: `spec` or `<path>.spec`. */
  readonly specPath: string;
  /** The Pod's metadata (`{}` when absent or not an object). */
  readonly metadata: JsonObject;
  /** The Pod spec (`{}` when absent or not an object). */
  readonly spec: JsonObject;
}

/** The kind of a pod-bearing object (by `apiVersion` and `kind`), or undefined for any other object. */
export function podBearingKind(obj: unknown): PodBearingKind | undefined {
  if (!isJsonObject(obj)) return undefined;
  return TEMPLATE_PATHS.get(`${obj.apiVersion}/${obj.kind}`)?.kind;
}

/**
 * A field path relative to a Pod (`spec.containers[0]`, `metadata.labels`), as its path in the object
 * that carries the Pod (`spec.template.spec.containers[0]` in a Deployment). Pod Security and the
 * credential check read a Pod view and report relative paths; the API server writes full ones.
 */
export function fieldInTemplate(ref: PodTemplateRef, field: string): string {
  return ref.path === '' ? field : `${ref.path}.${field}`;
}

/**
 * Finds the Pod spec of a Pod (`spec`), of an apps/v1 Deployment, StatefulSet, DaemonSet or
 * ReplicaSet and a batch/v1 Job (`spec.template.spec`), or of a batch/v1 CronJob
 * (`spec.jobTemplate.spec.template.spec`). Undefined for any other object.
 */
export function podTemplateOf(obj: unknown): PodTemplateRef | undefined {
  if (!isJsonObject(obj)) return undefined;
  const entry = TEMPLATE_PATHS.get(`${obj.apiVersion}/${obj.kind}`);
  if (entry === undefined) return undefined;
  let template: unknown = obj;
  for (const key of entry.path) template = isJsonObject(template) ? template[key] : undefined;
  const part = (key: string): JsonObject => {
    const value = isJsonObject(template) && Object.hasOwn(template, key) ? template[key] : undefined;
    return isJsonObject(value) ? value : {};
  };
  const path = entry.path.join('.');
  const prefix = path === '' ? '' : `${path}.`;
  return {
    kind: entry.kind,
    path,
    metadataPath: `${prefix}metadata`,
    specPath: `${prefix}spec`,
    metadata: part('metadata'),
    spec: part('spec'),
  };
}
