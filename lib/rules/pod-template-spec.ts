import { validateAnnotations } from './annotations';
import { isUnset } from './json';
import type { LabelSelectorView } from './label-selector';
import { isEmptySelector, labelMap, selectorMatches } from './label-selector';
import { validateLabels } from './labels';
import { validatePodAnnotations } from './pod-annotations';
import { validatePodSpec } from './pod-spec';
import type { PodTemplateRef } from './pod-template';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/**
 * Upstream `ValidatePodTemplateSpec` (pkg/apis/core/validation): the template's labels, annotations
 * and its Pod spec. Like the API server, label and annotation problems are reported at
 * `<template>.labels` and `<template>.annotations` (it skips `metadata` in those paths).
 */
export function validatePodTemplateSpec(
  template: PodTemplateRef,
  claimVolumes: readonly string[] = [],
): ValidationError[] {
  const out = [
    ...validateLabels(template.metadata, 'labels', `${template.path}.labels`),
    ...validatePodSpec(template.spec, template.specPath, claimVolumes),
  ];
  const annotationsPath = `${template.path}.annotations`;
  const annotations = validateAnnotations(template.metadata, annotationsPath, out);
  validatePodAnnotations(annotations, annotationsPath, template.spec, template.specPath, out);
  // Upstream tests the list's length, so an empty list passes.
  const ephemeral = template.spec.ephemeralContainers;
  if (Array.isArray(ephemeral) ? ephemeral.length > 0 : !isUnset(template.spec, 'ephemeralContainers')) {
    out.push(
      error(
        'pod-template-ephemeral-containers-forbidden',
        `${template.specPath}.ephemeralContainers`,
        // field.Forbidden carries no value, and the list (after defaulting) would only repeat the input.
        undefined,
        'Forbidden: ephemeral containers not allowed in pod template',
        `Remove ${template.specPath}.ephemeralContainers; add ephemeral containers to a running Pod with kubectl debug.`,
      ),
    );
  }
  return out;
}

/**
 * Upstream `ValidateDeploymentSpec`, `ValidateReplicaSetSpec`, `ValidateStatefulSetSpec`,
 * `validateGeneratedSelector` (a Job with `manualSelector`): `spec.selector` is required. `fix`
 * says what the workload's kind needs.
 */
export function selectorRequired(selector: unknown, fix: string): ValidationError {
  return error('workload-selector-required', 'spec.selector', selector, 'Required value', fix);
}

/**
 * Upstream: a controller's selector must select the Pods its template makes, or the controller
 * would create Pods forever. Reported at `<template>.metadata.labels` with the template's labels.
 * `selector` undefined stands for a missing selector, which selects nothing.
 */
export function selectorMismatch(
  selector: LabelSelectorView | undefined,
  template: PodTemplateRef,
): ValidationError[] {
  if (selector?.unparsable || (selector !== undefined && isEmptySelector(selector))) return [];
  if (selector !== undefined && selectorMatches(selector, labelMap(template.metadata))) return [];
  const field = `${template.metadataPath}.labels`;
  return [
    error(
      'workload-selector-mismatch',
      field,
      template.metadata.labels,
      '`selector` does not match template `labels`',
      `Give ${field} every label spec.selector requires, or change spec.selector to match them.`,
    ),
  ];
}

/**
 * Upstream: Pods of a Deployment, StatefulSet, DaemonSet or ReplicaSet must restart (`Always`, the
 * default when unset) and may not have a deadline.
 */
export function alwaysRestartingTemplate(template: PodTemplateRef, kind: string): ValidationError[] {
  const out: ValidationError[] = [];
  const policy = template.spec.restartPolicy;
  // Defaulting turns an unset restartPolicy into Always before validation runs.
  if (!isUnset(template.spec, 'restartPolicy') && policy !== '' && policy !== 'Always') {
    out.push(
      error(
        'workload-restart-policy-unsupported',
        `${template.specPath}.restartPolicy`,
        policy,
        unsupported(['Always']),
        `Remove ${template.specPath}.restartPolicy or set it to Always; use a Job for Pods that run to completion.`,
      ),
    );
  }
  if (!isUnset(template.spec, 'activeDeadlineSeconds')) {
    out.push(
      error(
        'workload-active-deadline-forbidden',
        `${template.specPath}.activeDeadlineSeconds`,
        template.spec.activeDeadlineSeconds,
        `Forbidden: activeDeadlineSeconds in ${kind} is not Supported`,
        `Remove ${template.specPath}.activeDeadlineSeconds; use a Job for Pods with a deadline.`,
      ),
    );
  }
  return out;
}
