import { quantityDecodeError } from './downward-api';
import { forbidden, required } from './field-errors';
import type { JsonObject } from './json';
import { OBJECT, read, readField } from './json';
import { isQualifiedName } from './names';
import type { ValidationError } from './problem';
import type { Quantity } from './quantity';
import {
  compareQuantities,
  parseQuantity,
  quantityMilliValue,
  quantityString,
  quantityValue,
  readQuantity,
  roundUpToMilli,
} from './quantity';
import { error, NON_NEGATIVE } from './report';

/*
 * A container's `resources` (pkg/apis/core/validation: `ValidateResourceRequirements`,
 * `validateContainerResourceName`, `ValidateResourceQuantityValue`,
 * `validateResourceQuantityHugePageValue`; pkg/apis/core/helper for the name classes). Values are
 * compared after upstream's defaulting rounds them up to milli precision. `resources.claims` needs
 * the DynamicResourceAllocation feature gate, off in 1.28, and is not checked.
 */

/** Resource names a container may ask for without a domain. */
const CONTAINER_RESOURCES: ReadonlySet<string> = new Set(['cpu', 'memory', 'ephemeral-storage']);
/** Upstream `standardResources`: the single-segment names the API knows at all. */
const STANDARD_RESOURCES: ReadonlySet<string> = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'quotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);
/** Upstream `integerResources`. */
const INTEGER_RESOURCES: ReadonlySet<string> = new Set([
  'pods',
  'quotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);
const HUGEPAGES = 'hugepages-';

const isHugePages = (name: string): boolean => name.startsWith(HUGEPAGES);
/** Upstream `IsQuotaHugePageResourceName`. */
const isQuotaHugePages = (name: string): boolean =>
  isHugePages(name) || name.startsWith(`requests.${HUGEPAGES}`);
/** Upstream `IsNativeResource`: no domain, or the kubernetes.io one. */
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
/** Upstream `IsExtendedResourceName`: a domain other than kubernetes.io, and a valid quota name. */
const isExtended = (name: string): boolean =>
  !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;
/** Upstream `IsOvercommitAllowed`: requests may be below limits only for native, non-hugepages resources. */
const overcommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name);

const NAME_FIX =
  'Use cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with a domain such as example.com/gpu.';

/** Upstream `validateContainerResourceName`, with `validateResourceName` before it. */
function validateResourceName(name: string, field: string, out: ValidationError[]): void {
  if (CONTAINER_RESOURCES.has(name)) return;
  const nameReasons = isQualifiedName(name);
  for (const reason of nameReasons) out.push(error('resource-name-invalid', field, name, reason, NAME_FIX));
  const singleSegment = !name.includes('/');
  if (nameReasons.length === 0 && singleSegment && !STANDARD_RESOURCES.has(name) && !isQuotaHugePages(name)) {
    out.push(
      error(
        'resource-name-invalid',
        field,
        name,
        'must be a standard resource type or fully qualified',
        NAME_FIX,
      ),
    );
  }
  if (singleSegment) {
    if (!CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      out.push(
        error('resource-name-invalid', field, name, 'must be a standard resource for containers', NAME_FIX),
      );
    }
  } else if (!isNative(name) && !isExtended(name)) {
    out.push(
      error('resource-name-invalid', field, name, "doesn't follow extended resource name standard", NAME_FIX),
    );
  }
}

/** Upstream `IsHugePageResourceValueDivisible`. */
function hugePagesDivisible(name: string, q: Quantity): boolean {
  const pageSize = parseQuantity(name.slice(HUGEPAGES.length));
  if (typeof pageSize === 'string' || pageSize.nanos <= 0n || quantityMilliValue(pageSize) % 1000n !== 0n)
    return false;
  return quantityValue(q) % quantityValue(pageSize) === 0n;
}

interface Read {
  readonly name: string;
  readonly raw: unknown;
  readonly quantity: Quantity;
}

/** Field path of one value of `limits` or `requests`, built only for a problem. */
const valueField = (listPath: string, name: string): string => `${listPath}[${name}]`;

/** Milli-rounded parses by parse (the parses are cached, so few distinct ones). */
const ROUNDED = new Map<Quantity, Quantity>();

function roundedOnce(parsed: Quantity): Quantity {
  let rounded = ROUNDED.get(parsed);
  if (rounded === undefined) {
    rounded = roundUpToMilli(parsed);
    // Only the cached parses come back again; a bounded map keeps odd inputs from piling up.
    if (ROUNDED.size < 10_000) ROUNDED.set(parsed, rounded);
  }
  return rounded;
}

/** Reads one of `limits`/`requests`, checking names and values; returns the values that parse. */
function readList(
  resources: JsonObject,
  key: 'limits' | 'requests',
  path: string,
  out: ValidationError[],
): Read[] {
  // One read of the list, and its path (`<path>.<key>`) built only for a problem.
  const list = readField(resources, key, path, OBJECT, out);
  if (list === undefined) return [];
  const listPath = `${path}.${key}`;
  const names = Object.keys(list);
  // Sized up front: a list grown by push starts at 16 slots.
  const result = new Array<Read>(names.length);
  let count = 0;
  for (const name of names) {
    const raw = list[name];
    // The usual names (cpu, memory, ephemeral-storage) are valid: no path to build for them.
    if (!CONTAINER_RESOURCES.has(name)) validateResourceName(name, valueField(listPath, name), out);
    const parsed = readQuantity(raw);
    if (typeof parsed === 'string') {
      out.push(quantityDecodeError(valueField(listPath, name), raw, parsed));
      continue;
    }
    const quantity = roundedOnce(parsed);
    if (quantity.nanos < 0n) {
      out.push(
        error(
          'resource-quantity-negative',
          valueField(listPath, name),
          raw,
          NON_NEGATIVE,
          `Set ${valueField(listPath, name)} to 0 or more.`,
        ),
      );
    }
    if ((INTEGER_RESOURCES.has(name) || isExtended(name)) && quantityMilliValue(quantity) % 1000n !== 0n) {
      out.push(
        error(
          'resource-quantity-not-integer',
          valueField(listPath, name),
          raw,
          'must be an integer',
          `Set ${valueField(listPath, name)} to a whole number.`,
        ),
      );
    }
    if (isHugePages(name) && !hugePagesDivisible(name, quantity)) {
      out.push(
        error(
          'resource-hugepages-not-divisible',
          valueField(listPath, name),
          raw,
          `${quantityString(quantity)} is not positive integer multiple of ${name}`,
          `Set ${valueField(listPath, name)} to a whole number of ${name.slice(HUGEPAGES.length)} pages.`,
        ),
      );
    }
    result[count++] = { name, raw, quantity };
  }
  result.length = count;
  return result;
}

/** The quantity of the first value named `name` (each name appears once in a list). */
function quantityNamed(list: readonly Read[], name: string): Quantity | undefined {
  for (const read of list) if (read.name === name) return read.quantity;
  return undefined;
}

const isCompute = (read: Read): boolean => read.name === 'cpu' || read.name === 'memory';
const isHugePagesRead = (read: Read): boolean => isHugePages(read.name);
const computes = (list: readonly Read[]): boolean => list.some(isCompute);
const hugePages = (list: readonly Read[]): boolean => list.some(isHugePagesRead);

/**
 * Upstream `ValidateResourceRequirements` for the container at `path`: names, non-negative values,
 * integers where required, hugepages page multiples, requests within limits (equal for resources
 * that cannot be overcommitted), and hugepages only next to cpu or memory.
 */
export function validateResources(container: JsonObject, path: string, out: ValidationError[]): void {
  if (container.resources == null) return;
  const resourcesPath = `${path}.resources`;
  const resources = read(container, 'resources', resourcesPath, OBJECT, out);
  if (resources === undefined) return;
  const limits = readList(resources, 'limits', resourcesPath, out);
  const requests = readList(resources, 'requests', resourcesPath, out);
  for (const request of requests) {
    const limit = quantityNamed(limits, request.name);
    if (limit === undefined) {
      if (!overcommitAllowed(request.name)) {
        out.push(
          error(
            'resource-limit-required',
            `${resourcesPath}.limits`,
            undefined,
            required('Limit must be set for non overcommitable resources'),
            `Set ${resourcesPath}.limits[${request.name}] equal to its request.`,
          ),
        );
      }
      continue;
    }
    const order = compareQuantities(request.quantity, limit);
    // Paths only for a problem: requests within their limits are the usual case.
    if (order !== 0 && !overcommitAllowed(request.name)) {
      out.push(
        error(
          'resource-request-not-equal-limit',
          `${resourcesPath}.requests`,
          request.raw,
          `must be equal to ${request.name} limit of ${quantityString(limit)}`,
          `Set ${resourcesPath}.requests[${request.name}] equal to ${resourcesPath}.limits[${request.name}]: ${request.name} cannot be overcommitted.`,
        ),
      );
    } else if (order > 0) {
      out.push(
        error(
          'resource-request-exceeds-limit',
          `${resourcesPath}.requests`,
          request.raw,
          `must be less than or equal to ${request.name} limit of ${quantityString(limit)}`,
          `Lower ${resourcesPath}.requests[${request.name}] to at most the limit, or raise ${resourcesPath}.limits[${request.name}].`,
        ),
      );
    }
  }
  if (!computes(limits) && !computes(requests) && (hugePages(limits) || hugePages(requests))) {
    out.push(
      error(
        'resource-hugepages-without-compute',
        resourcesPath,
        undefined,
        forbidden('HugePages require cpu or memory'),
        `Request cpu or memory in ${resourcesPath} next to the hugepages.`,
      ),
    );
  }
}
