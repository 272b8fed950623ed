import { forbidden } from './field-errors';
import type { JsonObject } from './json';
import { isJsonObject } from './json';
import { isLocalDescendingPath } from './paths';
import { visitContainers } from './pod-containers-visit';
import type { ValidationError } from './problem';
import { error } from './report';

const MIRROR = 'kubernetes.io/config.mirror';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
// Upstream `validFirstDigit`: no '+', no leading zeros (but "0" and a leading '-').
const DELETION_COST_RE = /^(-[0-9]+|0|[1-9][0-9]*)$/;

/** Upstream `GetDeletionCostFromPodAnnotations` succeeds: a plain 32-bit decimal integer. */
function isDeletionCost(value: string): boolean {
  if (!DELETION_COST_RE.test(value)) return false;
  const n = Number(value);
  return n >= INT32_MIN && n <= INT32_MAX;
}

/** Upstream `ValidateSeccompProfile` for the deprecated seccomp annotations. */
function isSeccompAnnotationProfile(profile: string): boolean {
  if (profile === 'runtime/default' || profile === 'docker/default' || profile === 'unconfined') return true;
  return profile.startsWith('localhost/') && isLocalDescendingPath(profile.slice(10));
}

/** Upstream `ValidateAppArmorProfileFormat`. */
function isAppArmorProfile(profile: string): boolean {
  return (
    profile === '' ||
    profile === 'runtime/default' ||
    profile === 'unconfined' ||
    profile.startsWith('localhost/')
  );
}

function containerNames(spec: JsonObject): Set<string> {
  const names = new Set<string>();
  visitContainers(spec, '', container => {
    if (typeof container.name === 'string') names.add(container.name);
  });
  return names;
}

/** Upstream `validateSeccompAnnotationsAndFieldsMatch`, for an annotation and a `seccompProfile` both set. */
function seccompMismatch(annotation: string, profile: unknown, path: string, out: ValidationError[]): void {
  if (!isJsonObject(profile)) return;
  const fix = `Make the annotation and ${path} name the same profile, or remove the deprecated annotation.`;
  const type = profile.type;
  const typeMatches =
    type === 'Unconfined'
      ? annotation === 'unconfined'
      : type === 'RuntimeDefault'
        ? annotation === 'runtime/default' || annotation === 'docker/default'
        : type === 'Localhost'
          ? annotation.startsWith('localhost/')
          : true;
  if (!typeMatches) {
    out.push(
      error(
        'seccomp-annotation-field-mismatch',
        `${path}.type`,
        type,
        forbidden('seccomp type in annotation and field must match'),
        fix,
      ),
    );
  } else if (type === 'Localhost' && profile.localhostProfile !== annotation.slice(10)) {
    out.push(
      error(
        'seccomp-annotation-field-mismatch',
        `${path}.localhostProfile`,
        profile.localhostProfile,
        forbidden('seccomp profile in annotation and field must match'),
        fix,
      ),
    );
  }
}

function validateSeccompFieldsMatch(
  annotations: ReadonlyMap<string, string>,
  spec: JsonObject,
  specPath: string,
  out: ValidationError[],
): void {
  const podAnnotation = annotations.get(SECCOMP_POD);
  const sc = spec.securityContext;
  if (podAnnotation !== undefined && isJsonObject(sc)) {
    seccompMismatch(podAnnotation, sc.seccompProfile, `${specPath}.securityContext.seccompProfile`, out);
  }
  visitContainers(spec, specPath, (container, path) => {
    const annotation = annotations.get(`${SECCOMP_CONTAINER}${String(container.name)}`);
    const csc = container.securityContext;
    if (annotation !== undefined && isJsonObject(csc)) {
      seccompMismatch(annotation, csc.seccompProfile, `${path}.securityContext.seccompProfile`, out);
    }
  });
}

/**
 * Upstream `ValidatePodSpecificAnnotations` (pkg/apis/core/validation) for a Pod's or a template's
 * annotations (`field` is `metadata.annotations` or `<template>.annotations`): the mirror-pod
 * annotation needs a nodeName, pod-deletion-cost is a 32-bit integer, the deprecated seccomp
 * annotations name valid profiles (and match `seccompProfile` fields where both are set), and AppArmor
 * annotations name a container of the Pod and a valid profile.
 */
export function validatePodAnnotations(
  entries: readonly [string, string][],
  field: string,
  spec: JsonObject,
  specPath: string,
  out: ValidationError[],
): void {
  if (entries.length === 0) return;
  let names: Set<string> | undefined;
  let seccomp = false;
  for (const [key, value] of entries) {
    if (key === MIRROR && !spec.nodeName) {
      out.push(
        error(
          'pod-mirror-annotation-node-name-required',
          `${field}[${key}]`,
          value,
          'must set spec.nodeName if mirror pod annotation is set',
          `Remove annotation ${MIRROR}; only the kubelet creates mirror Pods.`,
        ),
      );
    } else if (key === DELETION_COST && !isDeletionCost(value)) {
      out.push(
        error(
          'pod-deletion-cost-invalid',
          `${field}[${key}]`,
          value,
          'must be a 32bit integer',
          `Set annotation ${DELETION_COST} to an integer between ${INT32_MIN} and ${INT32_MAX}, without '+' or leading zeros.`,
        ),
      );
    } else if (key === SECCOMP_POD || key.startsWith(SECCOMP_CONTAINER)) {
      seccomp = true;
      if (!isSeccompAnnotationProfile(value)) {
        out.push(
          error(
            'seccomp-annotation-invalid',
            `${field}.${key}`,
            value,
            'must be a valid seccomp profile',
            'Use runtime/default, unconfined or localhost/<relative path>, or better the securityContext.seccompProfile field.',
          ),
        );
      }
    } else if (key.startsWith(APPARMOR_CONTAINER)) {
      const container = key.slice(APPARMOR_CONTAINER.length);
      names ??= containerNames(spec);
      if (!names.has(container)) {
        out.push(
          error(
            'apparmor-annotation-container-not-found',
            `${field}[${key}]`,
            container,
            'container not found',
            `Name a container of this Pod after ${APPARMOR_CONTAINER}, or remove the annotation.`,
          ),
        );
      }
      if (!isAppArmorProfile(value)) {
        out.push(
          error(
            'apparmor-annotation-profile-invalid',
            `${field}[${key}]`,
            value,
            `invalid AppArmor profile name: ${JSON.stringify(value)}`,
            'Use runtime/default, unconfined or localhost/<profile name>.',
          ),
        );
      }
    }
  }
  if (seccomp) validateSeccompFieldsMatch(new Map(entries), spec, specPath, out);
}
