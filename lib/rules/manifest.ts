import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './apps';
import { validateCronJob, validateJob } from './batch';
import { defaultManifest } from './defaults';
import type { JsonObject } from './json';
import { isJsonObject } from './json';
import type { RuleOptions } from './options';
import { applySuppression } from './options';
import { validatePod } from './pod';
import type { PodBearingKind } from './pod-template';
import type { ValidationError } from './problem';
import { validateService } from './service';

/** The kinds these rules check: every kind that carries a Pod spec, and the Service. */
export type CheckedKind = PodBearingKind | 'Service';

type Validator = (obj: JsonObject, options: RuleOptions) => ValidationError[];

/** Validators by `apiVersion/kind`: the group versions a 1.28 API server serves for these kinds. */
const VALIDATORS: ReadonlyMap<string, { kind: CheckedKind; validate: Validator }> = new Map([
  ['v1/Pod', { kind: 'Pod', validate: validatePod }],
  ['v1/Service', { kind: 'Service', validate: validateService }],
  ['apps/v1/Deployment', { kind: 'Deployment', validate: validateDeployment }],
  ['apps/v1/StatefulSet', { kind: 'StatefulSet', validate: validateStatefulSet }],
  ['apps/v1/DaemonSet', { kind: 'DaemonSet', validate: validateDaemonSet }],
  ['apps/v1/ReplicaSet', { kind: 'ReplicaSet', validate: validateReplicaSet }],
  ['batch/v1/Job', { kind: 'Job', validate: validateJob }],
  ['batch/v1/CronJob', { kind: 'CronJob', validate: validateCronJob }],
]);

/** The kind of an object these rules check (by `apiVersion` and `kind`), or undefined for anything else. */
export function checkedKind(obj: unknown): CheckedKind | undefined {
  if (!isJsonObject(obj)) return undefined;
  return VALIDATORS.get(`${obj.apiVersion}/${obj.kind}`)?.kind;
}

/**
 * Checks one rendered manifest (`ApiObject.toJson()`) the way the Kubernetes 1.28 API server would,
 * after its v1 defaults (`defaultManifest`): v1 Pod and Service, apps/v1 Deployment, StatefulSet,
 * DaemonSet and ReplicaSet, batch/v1 Job and CronJob (every Pod rule on their pod template, with the
 * template's field paths). Any other object yields `[]`. Never throws: malformed fields are reported
 * as `field-type-invalid`.
 */
export function validateManifest(obj: unknown, options: RuleOptions = {}): ValidationError[] {
  return validateDefaultedManifest(defaultManifest(obj), options);
}

/** `validateManifest` for a manifest the caller has already passed through `defaultManifest` (the engine). */
export function validateDefaultedManifest(obj: unknown, options: RuleOptions = {}): ValidationError[] {
  if (!isJsonObject(obj)) return [];
  const entry = VALIDATORS.get(`${obj.apiVersion}/${obj.kind}`);
  if (entry === undefined) return [];
  return applySuppression(entry.validate(obj, options), options);
}
