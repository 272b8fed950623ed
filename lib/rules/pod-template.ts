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
const TEMPLATE_PATHS: ReadonlyMap<string, TemplatePlace> = new Map(
  (
    [
      ['v1/Pod', 'Pod', []],
      ['apps/v1/Deployment', 'Deployment', ['spec', 'template']],
      ['apps/v1/StatefulSet', 'StatefulSet', ['spec', 'template']],
      ['apps/v1/DaemonSet', 'DaemonSet', ['spec', 'template']],
      ['apps/v1/ReplicaSet', 'ReplicaSet', ['spec', 'template']],
      ['batch/v1/Job', 'Job', ['spec', 'template']],
      ['batch/v1/CronJob', 'CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
    ] as const
  ).map(([key, kind, keys]) => [key, placeOf(kind, keys)]),
);

/** Where a kind keeps its template, with the field paths built once. */
interface TemplatePlace {
  readonly kind: PodBearingKind;
  readonly keys: readonly string[];
  readonly path: string;
  readonly metadataPath: string;
  readonly specPath: string;
}

function placeOf(kind: PodBearingKind, keys: readonly string[]): TemplatePlace {
  const path = keys.join('.');
  const prefix = path === '' ? '' : `${path}.`;
  return { kind, keys, path, metadataPath: `${prefix}metadata`, specPath: `${prefix}spec` };
}

/** The object at `key` of a template (own properties only), or `{}`. */
function partOf(template: unknown, key: string): JsonObject {
  if (!isJsonObject(template)) return EMPTY;
  const value = template[key];
  return isJsonObject(value) && Object.hasOwn(template, key) ? value : EMPTY;
}

// Shared by every template without metadata or spec: frozen, since readers only read it.
const EMPTY: JsonObject = Object.freeze({});

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
  return podBearingKindOf(obj.apiVersion, obj.kind);
}

/** `podBearingKind` of an object's `apiVersion` and `kind`, without the object (e.g. a construct's). */
export function podBearingKindOf(apiVersion: unknown, kind: unknown): PodBearingKind | undefined {
  return TEMPLATE_PATHS.get(`${apiVersion}/${kind}`)?.kind;
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
  for (const key of entry.keys) template = isJsonObject(template) ? template[key] : undefined;
  return {
    kind: entry.kind,
    path: entry.path,
    metadataPath: entry.metadataPath,
    specPath: entry.specPath,
    metadata: partOf(template, 'metadata'),
    spec: partOf(template, 'spec'),
  };
}
