import { required } from './field-errors';
import type { JsonObject } from './json';
import { read, STRING } from './json';
import { isQualifiedName } from './names';
import type { ValidationError } from './problem';
import type { Quantity } from './quantity';
import { quantityString, readQuantity } from './quantity';
import { error, reasons, unsupported } from './report';

/*
 * Downward API selectors (pkg/apis/core/validation: `validateObjectFieldSelector`,
 * `validateContainerResourceFieldSelector`, `validateContainerResourceDivisor`; the field labels of
 * pkg/apis/core/pods `ConvertDownwardAPIFieldLabel`), shared by env vars and downwardAPI volumes.
 */

/** Field paths an env var may read (1.28, without the alpha `status.hostIPs`). */
export const ENV_FIELD_PATHS: ReadonlySet<string> = new Set([
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.podIP',
  'status.podIPs',
]);

/** Field paths a downwardAPI volume file may read. */
export const VOLUME_FIELD_PATHS: ReadonlySet<string> = new Set([
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'metadata.uid',
]);

/** Labels the v1 Pod field-label conversion knows. */
const CONVERTIBLE_LABELS: ReadonlySet<string> = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
];
const RESOURCE_FIELD_PATH_SET: ReadonlySet<string> = new Set(RESOURCE_FIELD_PATHS);
const HUGEPAGES_PREFIXES = ['requests.hugepages-', 'limits.hugepages-'];

const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
const BYTE_DIVISOR_SET: ReadonlySet<string> = new Set(BYTE_DIVISORS);
const CPU_DIVISORS: ReadonlySet<string> = new Set(['1m', '1']);
const BYTE_DIVISOR_LIST = BYTE_DIVISORS.join(', ');

/** Upstream `fieldpath.SplitMaybeSubscriptedPath`: `metadata.labels['app']` → `metadata.labels`, `app`. */
export function splitSubscript(fieldPath: string): [path: string, subscript: string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const open = inner.indexOf("['");
  if (open <= 0) return undefined;
  return [inner.slice(0, open), inner.slice(open + 2)];
}

/** Upstream `ConvertDownwardAPIFieldLabel`'s error, or undefined when the label converts. */
function conversionError(apiVersion: string, label: string): string | undefined {
  if (apiVersion !== 'v1') return `unsupported pod version: ${apiVersion}`;
  const split = splitSubscript(label);
  if (split !== undefined) {
    return split[0] === 'metadata.annotations' || split[0] === 'metadata.labels'
      ? undefined
      : `field label does not support subscript: ${label}`;
  }
  return CONVERTIBLE_LABELS.has(label) || label === 'spec.host'
    ? undefined
    : `field label not supported: ${label}`;
}

/** Upstream `validateObjectFieldSelector` for a `fieldRef` at `path`. */
export function validateFieldRef(
  fieldRef: JsonObject,
  path: string,
  allowed: ReadonlySet<string>,
  out: ValidationError[],
): void {
  const versionField = `${path}.apiVersion`;
  const apiVersion = read(fieldRef, 'apiVersion', versionField, STRING, out) ?? '';
  if (apiVersion === '') {
    out.push(
      error(
        'field-ref-api-version-required',
        versionField,
        fieldRef.apiVersion,
        required(),
        `Set ${versionField} to v1.`,
      ),
    );
    return;
  }
  const pathField = `${path}.fieldPath`;
  const fieldPath = read(fieldRef, 'fieldPath', pathField, STRING, out) ?? '';
  const fix = `Set ${pathField} to one of ${[...allowed].sort().join(', ')}.`;
  if (fieldPath === '') {
    out.push(error('field-ref-field-path-required', pathField, fieldRef.fieldPath, required(), fix));
    return;
  }
  const conversion = conversionError(apiVersion, fieldPath);
  if (conversion !== undefined) {
    out.push(
      error(
        'field-ref-field-path-invalid',
        pathField,
        fieldPath,
        `error converting fieldPath: ${conversion}`,
        fix,
      ),
    );
    return;
  }
  const split = splitSubscript(fieldPath);
  if (split !== undefined) {
    // Annotation keys are compared case-insensitively, label keys as written.
    const key = split[0] === 'metadata.annotations' ? split[1].toLowerCase() : split[1];
    const keyReasons = isQualifiedName(key);
    if (keyReasons.length > 0) {
      out.push(
        error(
          'field-ref-subscript-invalid',
          path,
          key,
          reasons(keyReasons),
          `Put a valid label or annotation key between the brackets of ${pathField}.`,
        ),
      );
    }
    return;
  }
  const converted = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!allowed.has(converted)) {
    out.push(error('field-ref-field-path-unsupported', pathField, converted, unsupported([...allowed]), fix));
  }
}

/** Upstream `validateContainerResourceDivisor`: which divisors a resource accepts. */
function divisorProblem(resource: string, divisor: Quantity): string | undefined {
  const text = quantityString(divisor);
  if (resource === 'limits.cpu' || resource === 'requests.cpu') {
    return CPU_DIVISORS.has(text)
      ? undefined
      : "only divisor's values 1m and 1 are supported with the cpu resource";
  }
  if (BYTE_DIVISOR_SET.has(text)) return undefined;
  if (resource === 'limits.memory' || resource === 'requests.memory') {
    return `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the memory resource`;
  }
  if (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') {
    return `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the local ephemeral storage resource`;
  }
  if (HUGEPAGES_PREFIXES.some(prefix => resource.startsWith(prefix))) {
    return `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the hugepages resource`;
  }
  return undefined;
}

/** Reports a quantity the API server cannot decode. */
export function quantityDecodeError(field: string, value: unknown, reason: string): ValidationError {
  return error(
    'quantity-invalid',
    field,
    value,
    reason,
    `Write ${field} as a number with an optional suffix, e.g. "500m", "1", "128Mi" or "1Gi".`,
  );
}

/**
 * Upstream `validateContainerResourceFieldSelector` for a `resourceFieldRef` at `path`; a volume
 * file must also name its container.
 */
export function validateResourceFieldRef(
  ref: JsonObject,
  path: string,
  inVolume: boolean,
  out: ValidationError[],
): void {
  const containerField = `${path}.containerName`;
  const resourceField = `${path}.resource`;
  const resource = read(ref, 'resource', resourceField, STRING, out) ?? '';
  const resourceFix = `Set ${resourceField} to one of ${RESOURCE_FIELD_PATHS.join(', ')}, or requests.hugepages-<size> or limits.hugepages-<size>.`;
  if (inVolume && !read(ref, 'containerName', containerField, STRING, out)) {
    out.push(
      error(
        'resource-field-ref-container-name-required',
        containerField,
        ref.containerName,
        required(),
        `Set ${containerField} to the container whose resources the file shows.`,
      ),
    );
  } else if (resource === '') {
    out.push(
      error('resource-field-ref-resource-required', resourceField, ref.resource, required(), resourceFix),
    );
  } else if (
    !RESOURCE_FIELD_PATH_SET.has(resource) &&
    !HUGEPAGES_PREFIXES.some(p => resource.startsWith(p))
  ) {
    out.push(
      error(
        'resource-field-ref-resource-unsupported',
        resourceField,
        resource,
        unsupported(RESOURCE_FIELD_PATHS),
        resourceFix,
      ),
    );
  }
  if (ref.divisor === undefined || ref.divisor === null) return;
  const divisorField = `${path}.divisor`;
  const divisor = readQuantity(ref.divisor);
  if (typeof divisor === 'string') {
    out.push(quantityDecodeError(divisorField, ref.divisor, divisor));
    return;
  }
  const problem = divisor.nanos === 0n ? undefined : divisorProblem(resource, divisor);
  if (problem !== undefined) {
    out.push(
      error(
        'resource-field-ref-divisor-invalid',
        divisorField,
        resource,
        problem,
        `Set ${divisorField} to one of the divisors the message lists, or remove it.`,
      ),
    );
  }
}
