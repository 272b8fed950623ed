import type { JsonObject } from './json';
import { isJsonObject, isUnset, OBJECT, read, STRING } from './json';
import type { LabelSelectorView } from './label-selector';
import { isEmptySelector, readLabelSelector } from './label-selector';
import { LABEL_NAME_FORMAT, SUBDOMAIN_NAME_FORMAT, validateObjectMeta } from './metadata';
import type { PodTemplateRef } from './pod-template';
import { podTemplateOf } from './pod-template';
import {
  alwaysRestartingTemplate,
  selectorMismatch,
  selectorRequired,
  validatePodTemplateSpec,
} from './pod-template-spec';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';
import { intOrPercent, nonNegative } from './workload-fields';

/*
 * apps/v1 workload rules of the 1.28 API server (pkg/apis/apps/validation/validation.go), applied
 * after the v1 defaults (pkg/apis/apps/v1/defaults.go), plus every Pod rule on the pod template.
 */

/** What the kinds share: metadata, spec, the template and the rules that need all three. */
interface Workload {
  readonly out: ValidationError[];
  readonly spec: JsonObject;
  readonly template: PodTemplateRef;
}

function readWorkload(obj: JsonObject, nameFormat = SUBDOMAIN_NAME_FORMAT): Workload {
  const out = validateObjectMeta(obj, nameFormat);
  const spec = read(obj, 'spec', 'spec', OBJECT, out) ?? {};
  // Callers dispatch on apiVersion/kind, so the template always resolves.
  const template = podTemplateOf(obj) as PodTemplateRef;
  return { out, spec, template };
}

/** Upstream's detail for a selector `LabelSelectorAsSelector` cannot parse (Deployments, ReplicaSets). */
const INVALID_SELECTOR = 'invalid label selector';

/**
 * Upstream: `spec.selector` required, valid, non-empty and parsable (`ValidateDeploymentSpec`,
 * `ValidateReplicaSetSpec`, `ValidateStatefulSetSpec`). `emptyWording` is the kind named in the
 * empty-selector message, which upstream words as "deployment" for ReplicaSets too.
 */
function requiredSelector(
  spec: JsonObject,
  emptyWording: string,
  out: ValidationError[],
  invalidDetail = INVALID_SELECTOR,
): LabelSelectorView | undefined {
  const selector = readLabelSelector(spec, 'selector', 'spec.selector', out);
  if (selector === undefined) {
    out.push(
      selectorRequired(
        spec.selector,
        'Set spec.selector.matchLabels to labels of the pod template, e.g. { app: "web" }.',
      ),
    );
  } else {
    out.push(...emptyOrInvalidSelector(spec, selector, emptyWording, invalidDetail));
  }
  return selector;
}

function emptyOrInvalidSelector(
  spec: JsonObject,
  selector: LabelSelectorView,
  emptyWording: string,
  invalidDetail: string,
): ValidationError[] {
  if (isEmptySelector(selector)) {
    return [
      error(
        'workload-selector-empty',
        'spec.selector',
        spec.selector,
        `empty selector is invalid for ${emptyWording}`,
        'Set spec.selector.matchLabels to labels of the pod template, e.g. { app: "web" }.',
      ),
    ];
  }
  if (selector.unparsable) {
    return [
      error(
        'workload-selector-invalid',
        'spec.selector',
        spec.selector,
        invalidDetail,
        'Fix the problems reported inside spec.selector.',
      ),
    ];
  }
  return [];
}

/** Upstream `ValidateDeploymentStrategy` and `ValidateRollingUpdateDeployment`, after defaulting (RollingUpdate, 25%/25%). */
function validateDeploymentStrategy(spec: JsonObject, out: ValidationError[]): void {
  const strategy = read(spec, 'strategy', 'spec.strategy', OBJECT, out) ?? {};
  const type = read(strategy, 'type', 'spec.strategy.type', STRING, out) || 'RollingUpdate';
  if (type === 'Recreate') {
    if (!isUnset(strategy, 'rollingUpdate')) {
      out.push(
        error(
          'deployment-rolling-update-forbidden',
          'spec.strategy.rollingUpdate',
          strategy.rollingUpdate,
          "Forbidden: may not be specified when strategy `type` is 'Recreate'",
          'Remove spec.strategy.rollingUpdate, or set spec.strategy.type to RollingUpdate.',
        ),
      );
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    out.push(
      error(
        'deployment-strategy-unsupported',
        'spec.strategy',
        strategy,
        unsupported(['Recreate', 'RollingUpdate'], 'as-given'),
        'Set spec.strategy.type to RollingUpdate or Recreate, or omit it for RollingUpdate.',
      ),
    );
    return;
  }
  const path = 'spec.strategy.rollingUpdate';
  const rollingUpdate = read(strategy, 'rollingUpdate', path, OBJECT, out) ?? {};
  const quarter = { value: 25, percent: true };
  const maxUnavailable = intOrPercent(rollingUpdate, 'maxUnavailable', path, quarter, true, out);
  const maxSurge = intOrPercent(rollingUpdate, 'maxSurge', path, quarter, false, out);
  if (maxUnavailable.value === 0 && maxSurge.value === 0) {
    out.push(
      error(
        'deployment-rolling-update-stuck',
        `${path}.maxUnavailable`,
        rollingUpdate.maxUnavailable,
        'may not be 0 when `maxSurge` is 0',
        `Set ${path}.maxSurge or ${path}.maxUnavailable above 0, or the rollout could never replace a Pod.`,
      ),
    );
  }
}

/** Validates an apps/v1 Deployment: metadata, replicas, selector, template, strategy and timings. */
export function validateDeployment(obj: JsonObject): ValidationError[] {
  const { out, spec, template } = readWorkload(obj);
  nonNegative(spec, 'replicas', 'spec', out);
  const selector = requiredSelector(spec, 'deployment', out);
  out.push(...selectorMismatch(selector, template));
  out.push(...validatePodTemplateSpec(template), ...alwaysRestartingTemplate(template, 'ReplicaSet'));
  validateDeploymentStrategy(spec, out);
  const minReady = nonNegative(spec, 'minReadySeconds', 'spec', out) ?? 0;
  nonNegative(spec, 'revisionHistoryLimit', 'spec', out);
  // Defaulting sets progressDeadlineSeconds to 600, so a larger minReadySeconds alone is refused.
  const progressDeadline = nonNegative(spec, 'progressDeadlineSeconds', 'spec', out) ?? 600;
  if (progressDeadline <= minReady) {
    out.push(
      error(
        'deployment-progress-deadline-invalid',
        'spec.progressDeadlineSeconds',
        progressDeadline,
        'must be greater than minReadySeconds',
        `Set spec.progressDeadlineSeconds above spec.minReadySeconds (${minReady}).`,
      ),
    );
  }
  return out;
}

/** Validates an apps/v1 ReplicaSet (upstream `ValidateReplicaSetSpec`). */
export function validateReplicaSet(obj: JsonObject): ValidationError[] {
  const { out, spec, template } = readWorkload(obj);
  nonNegative(spec, 'replicas', 'spec', out);
  nonNegative(spec, 'minReadySeconds', 'spec', out);
  // Upstream words the empty-selector message for ReplicaSets as for Deployments.
  const selector = requiredSelector(spec, 'deployment', out);
  out.push(...selectorMismatch(selector, template));
  out.push(...validatePodTemplateSpec(template), ...alwaysRestartingTemplate(template, 'ReplicaSet'));
  return out;
}

const RETENTION_POLICIES = ['Retain', 'Delete'];

/** Upstream `ValidateStatefulSetSpec`'s policy and strategy checks, after defaulting (OrderedReady, RollingUpdate, Retain). */
function validateStatefulSetPolicies(spec: JsonObject, out: ValidationError[]): void {
  const management =
    read(spec, 'podManagementPolicy', 'spec.podManagementPolicy', STRING, out) || 'OrderedReady';
  if (management !== 'OrderedReady' && management !== 'Parallel') {
    out.push(
      error(
        'statefulset-pod-management-policy-invalid',
        'spec.podManagementPolicy',
        management,
        "must be 'OrderedReady' or 'Parallel'",
        'Set spec.podManagementPolicy to OrderedReady or Parallel, or omit it for OrderedReady.',
      ),
    );
  }
  const strategy = read(spec, 'updateStrategy', 'spec.updateStrategy', OBJECT, out) ?? {};
  const type = read(strategy, 'type', 'spec.updateStrategy.type', STRING, out) || 'RollingUpdate';
  if (type === 'OnDelete' && !isUnset(strategy, 'rollingUpdate')) {
    out.push(
      error(
        'statefulset-rolling-update-forbidden',
        'spec.updateStrategy.rollingUpdate',
        strategy.rollingUpdate,
        "only allowed for updateStrategy 'RollingUpdate'",
        'Remove spec.updateStrategy.rollingUpdate, or set spec.updateStrategy.type to RollingUpdate.',
      ),
    );
  } else if (type === 'RollingUpdate') {
    const path = 'spec.updateStrategy.rollingUpdate';
    // maxUnavailable needs the MaxUnavailableStatefulSet feature gate, off in 1.28: the server drops it.
    nonNegative(read(strategy, 'rollingUpdate', path, OBJECT, out) ?? {}, 'partition', path, out);
  } else if (type !== 'OnDelete') {
    out.push(
      error(
        'statefulset-update-strategy-invalid',
        'spec.updateStrategy',
        strategy,
        "must be 'RollingUpdate' or 'OnDelete'",
        'Set spec.updateStrategy.type to RollingUpdate or OnDelete, or omit it for RollingUpdate.',
      ),
    );
  }
  const retentionPath = 'spec.persistentVolumeClaimRetentionPolicy';
  const retention = read(spec, 'persistentVolumeClaimRetentionPolicy', retentionPath, OBJECT, out) ?? {};
  for (const key of ['whenDeleted', 'whenScaled']) {
    const field = `${retentionPath}.${key}`;
    const policy = read(retention, key, field, STRING, out) || 'Retain';
    if (!RETENTION_POLICIES.includes(policy)) {
      out.push(
        error(
          'statefulset-pvc-retention-policy-unsupported',
          field,
          policy,
          unsupported(RETENTION_POLICIES, 'as-given'),
          `Set ${field} to Retain or Delete, or omit it for Retain.`,
        ),
      );
    }
  }
}

/**
 * Validates an apps/v1 StatefulSet. Its name is a DNS-1123 label (each Pod's hostname is
 * `<name>-<ordinal>`). The 1.28 server checks only the template's labels and annotations; its
 * Pods' spec is refused later, when the controller creates them, so it is checked here too.
 */
export function validateStatefulSet(obj: JsonObject): ValidationError[] {
  const { out, spec, template } = readWorkload(obj, LABEL_NAME_FORMAT);
  validateStatefulSetPolicies(spec, out);
  nonNegative(spec, 'replicas', 'spec', out);
  nonNegative(spec, 'minReadySeconds', 'spec', out);
  const ordinals = read(spec, 'ordinals', 'spec.ordinals', OBJECT, out);
  if (ordinals !== undefined) nonNegative(ordinals, 'start', 'spec.ordinals', out);
  // Upstream `ValidateStatefulSetSpec` gives no detail here; the server then prints just "Invalid value".
  const selector = requiredSelector(spec, 'statefulset', out, 'Invalid value');
  out.push(...selectorMismatch(selector, template));
  out.push(
    ...validatePodTemplateSpec(template, claimTemplateNames(spec)),
    ...alwaysRestartingTemplate(template, 'StatefulSet'),
  );
  return out;
}

/** Upstream `ValidateDaemonSetUpdateStrategy` and `ValidateRollingUpdateDaemonSet`, after defaulting (maxUnavailable 1, maxSurge 0). */
function validateDaemonSetStrategy(spec: JsonObject, out: ValidationError[]): void {
  const strategy = read(spec, 'updateStrategy', 'spec.updateStrategy', OBJECT, out) ?? {};
  const type = read(strategy, 'type', 'spec.updateStrategy.type', STRING, out) || 'RollingUpdate';
  if (type === 'OnDelete') return;
  if (type !== 'RollingUpdate') {
    out.push(
      error(
        'daemonset-update-strategy-unsupported',
        'spec.updateStrategy',
        strategy,
        unsupported(['RollingUpdate', 'OnDelete'], 'as-given'),
        'Set spec.updateStrategy.type to RollingUpdate or OnDelete, or omit it for RollingUpdate.',
      ),
    );
    return;
  }
  const path = 'spec.updateStrategy.rollingUpdate';
  const rollingUpdate = read(strategy, 'rollingUpdate', path, OBJECT, out) ?? {};
  const maxUnavailable = intOrPercent(
    rollingUpdate,
    'maxUnavailable',
    path,
    { value: 1, percent: false },
    true,
    out,
  );
  const maxSurge = intOrPercent(rollingUpdate, 'maxSurge', path, { value: 0, percent: false }, true, out);
  if (maxUnavailable.value !== 0 && maxSurge.value !== 0) {
    out.push(
      error(
        'daemonset-max-surge-forbidden',
        `${path}.maxSurge`,
        rollingUpdate.maxSurge,
        'may not be set when maxUnavailable is non-zero',
        `Set ${path}.maxUnavailable to 0 when you set maxSurge (maxUnavailable defaults to 1).`,
      ),
    );
  } else if (maxUnavailable.value === 0 && maxSurge.value === 0) {
    out.push(
      error(
        'daemonset-max-unavailable-required',
        `${path}.maxUnavailable`,
        rollingUpdate.maxUnavailable,
        'Required value: cannot be 0 when maxSurge is 0',
        `Set ${path}.maxUnavailable or ${path}.maxSurge above 0.`,
      ),
    );
  }
}

/** Validates an apps/v1 DaemonSet (upstream `ValidateDaemonSetSpec`). */
export function validateDaemonSet(obj: JsonObject): ValidationError[] {
  const { out, spec, template } = readWorkload(obj);
  const selector = readLabelSelector(spec, 'selector', 'spec.selector', out);
  out.push(...selectorMismatch(selector, template));
  if (selector !== undefined && isEmptySelector(selector)) {
    out.push(...emptyOrInvalidSelector(spec, selector, 'daemonset', INVALID_SELECTOR));
  }
  out.push(...validatePodTemplateSpec(template), ...alwaysRestartingTemplate(template, 'DaemonSet'));
  nonNegative(spec, 'minReadySeconds', 'spec', out);
  // No templateGeneration check: apps/v1 has no such field (upstream checks the internal one).
  validateDaemonSetStrategy(spec, out);
  nonNegative(spec, 'revisionHistoryLimit', 'spec', out);
  return out;
}

/** Names of a StatefulSet's `volumeClaimTemplates`: the volumes its controller adds to every Pod. */
function claimTemplateNames(spec: JsonObject): string[] {
  const templates = spec.volumeClaimTemplates;
  if (!Array.isArray(templates)) return [];
  return templates.flatMap(claim => {
    const name = isJsonObject(claim) && isJsonObject(claim.metadata) ? claim.metadata.name : undefined;
    return typeof name === 'string' && name !== '' ? [name] : [];
  });
}
