import { forbidden } from './field-errors';
import type { JsonObject } from './json';
import { isJsonObject, readObjects, readStringMap } from './json';
import { validateLocalDescendingPath } from './paths';
import type { ValidationError } from './problem';
import { error } from './report';

/*
 * The security annotations of a Pod or pod template, in 1.28 the only way to set AppArmor
 * (pkg/apis/core/validation: `ValidateAppArmorPodAnnotations`, `ValidateAppArmorProfileFormat`,
 * `ValidateSeccompPodAnnotations`, `ValidateSeccompProfile`, `validateSeccompAnnotationsAndFields`).
 */

const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const LOCALHOST = 'localhost/';
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

/** Every container of a spec: name, field path and object, in upstream's visiting order. */
function containersOf(
  spec: JsonObject,
  specPath: string,
): { name: unknown; path: string; item: JsonObject }[] {
  return CONTAINER_LISTS.flatMap(list =>
    readObjects(spec, list, `${specPath}.${list}`, []).map(({ path, item }) => ({
      name: item.name,
      path,
      item,
    })),
  );
}

/** Upstream `ValidateSeccompProfile` for an annotation value. */
function validateSeccompAnnotation(value: string, field: string, out: ValidationError[]): void {
  if (value === 'runtime/default' || value === 'docker/default' || value === 'unconfined') return;
  if (value.startsWith(LOCALHOST)) {
    validateLocalDescendingPath(value.slice(LOCALHOST.length), field, 'seccomp-annotation-invalid', out);
    return;
  }
  out.push(
    error(
      'seccomp-annotation-invalid',
      field,
      value,
      'must be a valid seccomp profile',
      'Use runtime/default, unconfined or localhost/<profile>; better, set securityContext.seccompProfile.',
    ),
  );
}

/** Upstream `validateSeccompAnnotationsAndFieldsMatch`: an annotation and a field that both set seccomp must agree. */
function seccompMismatch(annotation: string, profile: unknown, path: string): ValidationError | undefined {
  if (!isJsonObject(profile)) return undefined;
  const type = profile.type;
  const mismatch = (field: string, what: string) =>
    error(
      'seccomp-annotation-field-mismatch',
      `${path}.${field}`,
      annotation,
      forbidden(`seccomp ${what} in annotation and field must match`),
      'Remove the deprecated seccomp annotation and keep securityContext.seccompProfile.',
    );
  if (type === 'Unconfined' && annotation !== 'unconfined') return mismatch('type', 'type');
  if (type === 'RuntimeDefault' && annotation !== 'runtime/default' && annotation !== 'docker/default')
    return mismatch('type', 'type');
  if (type === 'Localhost') {
    if (!annotation.startsWith(LOCALHOST)) return mismatch('type', 'type');
    if (profile.localhostProfile !== annotation.slice(LOCALHOST.length))
      return mismatch('localhostProfile', 'profile');
  }
  return undefined;
}

/**
 * The AppArmor and seccomp annotations of a Pod (`annotationsPath` `metadata.annotations`) or pod
 * template (`<template>.annotations`) whose spec is at `specPath`. Like upstream, seccomp annotation
 * problems are reported at `<annotationsPath>.<key>` and AppArmor ones at `<annotationsPath>[<key>]`.
 */
export function validateSecurityAnnotations(
  metadata: JsonObject,
  annotationsPath: string,
  spec: JsonObject,
  specPath: string,
): ValidationError[] {
  const annotations = readStringMap(metadata, 'annotations', annotationsPath, []);
  if (annotations.length === 0) return [];
  const out: ValidationError[] = [];
  const containers = containersOf(spec, specPath);
  const byName = new Map(annotations);
  for (const [key, value] of annotations) {
    if (key.startsWith(APPARMOR_PREFIX)) {
      const field = `${annotationsPath}[${key}]`;
      const container = key.slice(APPARMOR_PREFIX.length);
      if (!containers.some(c => c.name === container)) {
        out.push(
          error(
            'apparmor-annotation-container-not-found',
            field,
            container,
            'container not found',
            `Rename the annotation after one of the Pod's containers, or remove it.`,
          ),
        );
      }
      if (
        value !== '' &&
        value !== 'runtime/default' &&
        value !== 'unconfined' &&
        !value.startsWith(LOCALHOST)
      ) {
        out.push(
          error(
            'apparmor-annotation-profile-invalid',
            field,
            value,
            `invalid AppArmor profile name: ${JSON.stringify(value)}`,
            'Use runtime/default, unconfined or localhost/<profile>.',
          ),
        );
      }
    } else if (key === SECCOMP_POD || key.startsWith(SECCOMP_CONTAINER_PREFIX)) {
      validateSeccompAnnotation(value, `${annotationsPath}.${key}`, out);
    }
  }
  const podAnnotation = byName.get(SECCOMP_POD);
  const podContext = spec.securityContext;
  if (podAnnotation !== undefined && isJsonObject(podContext)) {
    const problem = seccompMismatch(
      podAnnotation,
      podContext.seccompProfile,
      `${specPath}.securityContext.seccompProfile`,
    );
    if (problem !== undefined) out.push(problem);
  }
  for (const { name, path, item } of containers) {
    const annotation =
      typeof name === 'string' ? byName.get(`${SECCOMP_CONTAINER_PREFIX}${name}`) : undefined;
    const context = item.securityContext;
    if (annotation === undefined || !isJsonObject(context)) continue;
    const problem = seccompMismatch(
      annotation,
      context.seccompProfile,
      `${path}.securityContext.seccompProfile`,
    );
    if (problem !== undefined) out.push(problem);
  }
  return out;
}
