import { validateEnvSources } from './env-sources';
import { forbidden } from './field-errors';
import type { JsonObject } from './json';
import { isUnset, read, STRING } from './json';
import { validateLifecycle, validateProbes } from './probes';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';
import { validateResources } from './resources';
import { validateContainerSecurityContext } from './security-context';
import { validateVolumeUse } from './volume-mounts';
import type { VolumeIndex } from './volumes';

/*
 * The container half of the Pod spec (pkg/apis/core/validation: `validateContainerCommon`,
 * `validateContainers`, `validateInitContainers`, `validateEphemeralContainers`' allow-list,
 * `validatePullPolicy`, `validateInitContainerRestartPolicy`).
 */

/** Which list a container is in. Init containers with `restartPolicy: Always` are sidecars. */
export type ContainerKind = 'container' | 'init' | 'ephemeral';

/** What the container rules need to know about the Pod spec around a container. */
export interface ContainerContext {
  /** The list the container is in. */
  readonly kind: ContainerKind;
  /** The Pod's valid volumes, which mounts and devices may use. */
  readonly volumes: VolumeIndex;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const SIDECAR_ONLY = 'may not be set for init containers without restartPolicy=Always';
/** Fields an ephemeral container may not set, in upstream's (struct) order. */
const EPHEMERAL_FORBIDDEN = [
  'ports',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
];

/** `imagePullPolicy` and `terminationMessagePolicy`, as after defaulting (unset takes the default). */
function validatePolicies(container: JsonObject, path: string, out: ValidationError[]): void {
  const messagePolicy = container.terminationMessagePolicy;
  // Skip the common case without building field paths: unset or a supported value.
  if (
    !isUnset(container, 'terminationMessagePolicy') &&
    !MESSAGE_POLICIES.includes(messagePolicy as string)
  ) {
    const field = `${path}.terminationMessagePolicy`;
    const policy = read(container, 'terminationMessagePolicy', field, STRING, out);
    if (policy) {
      out.push(
        error(
          'container-termination-message-policy-unsupported',
          field,
          policy,
          unsupported(MESSAGE_POLICIES, 'as-given'),
          `Set ${field} to File or FallbackToLogsOnError, or omit it for File.`,
        ),
      );
    }
  }
  const pullPolicy = container.imagePullPolicy;
  if (!isUnset(container, 'imagePullPolicy') && !PULL_POLICIES.includes(pullPolicy as string)) {
    const field = `${path}.imagePullPolicy`;
    const policy = read(container, 'imagePullPolicy', field, STRING, out);
    if (policy) {
      out.push(
        error(
          'container-image-pull-policy-unsupported',
          field,
          policy,
          unsupported(PULL_POLICIES),
          `Set ${field} to Always, IfNotPresent or Never.`,
        ),
      );
    }
  }
}

/** Lifecycle hooks and probes of a regular container or sidecar; forbidden on other init containers. */
function validateHooksAndProbes(
  container: JsonObject,
  path: string,
  allowed: boolean,
  out: ValidationError[],
): void {
  if (allowed) {
    validateLifecycle(container, path, out);
    validateProbes(container, path, out);
    return;
  }
  for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (isUnset(container, key)) continue;
    out.push(
      error(
        'init-container-field-forbidden',
        `${path}.${key}`,
        undefined,
        forbidden(SIDECAR_ONLY),
        `Remove ${path}.${key}, or set ${path}.restartPolicy: Always to make the init container a sidecar.`,
      ),
    );
  }
}

/** Upstream `validateInitContainerRestartPolicy`; returns whether the init container is a sidecar. */
function readInitRestartPolicy(container: JsonObject, path: string, out: ValidationError[]): boolean {
  if (isUnset(container, 'restartPolicy')) return false;
  const field = `${path}.restartPolicy`;
  const policy = read(container, 'restartPolicy', field, STRING, out);
  if (policy !== undefined && policy !== 'Always') {
    out.push(
      error(
        'init-container-restart-policy-unsupported',
        field,
        policy,
        unsupported(['Always']),
        `Set ${field} to Always for a sidecar, or remove it.`,
      ),
    );
  }
  return policy === 'Always';
}

/** Upstream `validateFieldAllowList` for ephemeral containers: a field set at all (even empty) is refused. */
function validateEphemeralFields(container: JsonObject, path: string, out: ValidationError[]): void {
  for (const key of EPHEMERAL_FORBIDDEN) {
    const value = container[key];
    if (isUnset(container, key)) continue;
    // An empty `resources` object decodes to the zero value, which is allowed.
    if (key === 'resources' && typeof value === 'object' && !Array.isArray(value)) {
      const resources = value as JsonObject;
      if (isUnset(resources, 'limits') && isUnset(resources, 'requests') && isUnset(resources, 'claims'))
        continue;
    }
    out.push(
      error(
        'ephemeral-container-field-forbidden',
        `${path}.${key}`,
        undefined,
        forbidden('cannot be set for an Ephemeral Container'),
        `Remove ${path}.${key}; ephemeral containers are for debugging and get no ports, resources, probes or hooks.`,
      ),
    );
  }
}

/**
 * Every container rule past name, image, ports and env names, for the container at `path`:
 * policies, env sources, volume mounts and devices, resources, security context, and what its kind
 * allows (hooks and probes on regular containers and sidecars only; ephemeral containers' allow-list).
 */
export function validateContainerDetails(
  container: JsonObject,
  path: string,
  context: ContainerContext,
  out: ValidationError[],
): void {
  validatePolicies(container, path, out);
  validateEnvSources(container, path, out);
  validateVolumeUse(container, path, context.volumes, out);
  validateResources(container, path, out);
  validateContainerSecurityContext(container, path, out);
  if (context.kind === 'container') {
    validateHooksAndProbes(container, path, true, out);
    if (!isUnset(container, 'restartPolicy')) {
      out.push(
        error(
          'container-restart-policy-forbidden',
          `${path}.restartPolicy`,
          container.restartPolicy,
          forbidden('may not be set for non-init containers'),
          `Remove ${path}.restartPolicy; set the Pod's spec.restartPolicy instead, or move the container to initContainers as a sidecar.`,
        ),
      );
    }
  } else if (context.kind === 'init') {
    validateHooksAndProbes(container, path, readInitRestartPolicy(container, path, out), out);
  } else {
    validateEphemeralFields(container, path, out);
  }
}
