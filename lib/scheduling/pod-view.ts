import type { JsonObject } from '../rules/json';
import { isJsonObject, typeError } from '../rules/json';
import { isQualifiedName, isValidLabelValue } from '../rules/names';
import type { ValidationError } from '../rules/problem';
import { error } from '../rules/report';
import { parseQuantity, QuantityError } from './quantity';
import type { ResourceAmounts } from './resources';
import { CPU, EPHEMERAL_STORAGE, MEMORY, toSchedulerAmounts } from './resources';

/** A Pod toleration (`spec.tolerations[]`), with unset fields as `''`. */
export interface Toleration {
  readonly key: string;
  readonly operator: string;
  readonly value: string;
  readonly effect: string;
}

/** One `matchExpressions` entry of a node selector term, checked as upstream `labels.NewRequirement` does. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
  /** The single integer of a `Gt`/`Lt` requirement. */
  readonly bound?: bigint;
}

/** One `matchFields` entry: `metadata.name` `In`/`NotIn` exactly one value. */
export interface FieldRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn';
  readonly value: string;
}

/** One required node selector term (upstream `nodeSelectorTerm`); the terms are ORed. */
export interface NodeSelectorTermView {
  /** Field path of the term. */
  readonly path: string;
  /** ANDed label requirements; undefined when the term has none. */
  readonly labels?: readonly LabelRequirement[];
  /** ANDed field requirements; undefined when the term has none. */
  readonly fields?: readonly FieldRequirement[];
  /** False when a requirement does not parse: upstream then lets the term match no node. */
  readonly valid: boolean;
}

/** A host port one of the Pod's containers binds on its node. */
export interface HostPortView {
  /** Field path of the port entry, e.g. `spec.containers[0].ports[1]`. */
  readonly path: string;
  /** `hostIP`, `0.0.0.0` when unset (upstream `HostPortInfo.sanitize`). */
  readonly ip: string;
  /** `protocol`, `TCP` when unset. */
  readonly protocol: string;
  /** `hostPort`, or `containerPort` under `hostNetwork` (API defaulting). */
  readonly port: number;
}

/** What one container asks for, after API defaulting (requests default to limits). */
export interface ContainerRequestView {
  /** Field path of the container, e.g. `spec.initContainers[0]`. */
  readonly path: string;
  /** `containers`, `initContainers`, or an init container with `restartPolicy: Always` (a sidecar). */
  readonly role: 'container' | 'init' | 'sidecar';
  /** Exact requests in nano-units, including those defaulted from limits. */
  readonly requests: ReadonlyMap<string, bigint>;
  /** Resources whose request was defaulted from the container's limit. */
  readonly fromLimits: ReadonlySet<string>;
}

/** A Pod spec as the modelled scheduler filters read it. */
export interface SchedulingPod {
  /** Field path of the Pod spec (`spec`, `spec.template.spec`, ...). */
  readonly specPath: string;
  /** `spec.nodeName`, `''` when unset. */
  readonly nodeName: string;
  /**
   * `spec.nodeSelector`, as [key, value] entries: the NodeAffinity filter reads it for every Pod on
   * every node, and a list is read without the iterator and entry objects a Map's would allocate.
   */
  readonly nodeSelector: readonly (readonly [string, string])[];
  /** `spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution` terms; undefined when unset. */
  readonly requiredTerms?: readonly NodeSelectorTermView[];
  /** `spec.tolerations`. */
  readonly tolerations: readonly Toleration[];
  /** Host ports of the regular containers (upstream `NodePorts` ignores init containers). */
  readonly hostPorts: readonly HostPortView[];
  /** The request the scheduler computes (upstream `computePodResourceRequest`), in scheduler units. */
  readonly requests: ResourceAmounts;
  /** The non-zero requests in the order NodeResourcesFit checks them: cpu, memory, ephemeral-storage, then scalars by name. */
  readonly requestList: readonly (readonly [string, bigint])[];
  /** Every container with what it asks for, to point at the right field. */
  readonly containers: readonly ContainerRequestView[];
  /** Whether `spec.priority` or `spec.priorityClassName` is set: its priority is then unknown here. */
  readonly hasPriority: boolean;
  /** `spec.preemptionPolicy: Never`. */
  readonly preemptNever: boolean;
  /** `spec.schedulerName`, `default-scheduler` when unset. */
  readonly schedulerName: string;
  /** `spec.restartPolicy` is `Always` (the default): the Pod runs until deleted. */
  readonly longRunning: boolean;
}

const LIST: readonly unknown[] = [];

const objectAt = (obj: JsonObject, key: string): JsonObject =>
  Object.hasOwn(obj, key) && isJsonObject(obj[key]) ? (obj[key] as JsonObject) : {};
const listAt = (obj: JsonObject, key: string): readonly unknown[] =>
  Object.hasOwn(obj, key) && Array.isArray(obj[key]) ? (obj[key] as unknown[]) : LIST;
const stringAt = (obj: JsonObject, key: string): string =>
  Object.hasOwn(obj, key) && typeof obj[key] === 'string' ? (obj[key] as string) : '';

/** Upstream `strconv.ParseInt(s, 10, 64)`: an optional sign and decimal digits within int64. */
export function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}

// Upstream `labels.NewRequirement` validates the key and values as the API server does.
const isQualifiedKey = (key: string): boolean => isQualifiedName(key).length === 0;
const isLabelValue = (value: string): boolean => isValidLabelValue(value).length === 0;

/** Upstream `labels.NewRequirement` as `nodeSelectorRequirementsAsSelector` calls it; undefined when invalid. */
function readLabelRequirement(raw: unknown): LabelRequirement | undefined {
  if (!isJsonObject(raw)) return undefined;
  const key = stringAt(raw, 'key');
  const operator = stringAt(raw, 'operator');
  const values = listAt(raw, 'values');
  if (!values.every((v): v is string => typeof v === 'string') || !isQualifiedKey(key)) return undefined;
  if (!values.every(isLabelValue)) return undefined;
  switch (operator) {
    case 'In':
    case 'NotIn':
      return values.length > 0 ? { key, operator, values } : undefined;
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0 ? { key, operator, values } : undefined;
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? parseInt64(values[0]) : undefined;
      return bound === undefined ? undefined : { key, operator, values, bound };
    }
    default:
      return undefined;
  }
}

/** Upstream `nodeSelectorRequirementsAsFieldSelector`: `In`/`NotIn` with exactly one value. */
function readFieldRequirement(raw: unknown): FieldRequirement | undefined {
  if (!isJsonObject(raw)) return undefined;
  const operator = stringAt(raw, 'operator');
  const values = listAt(raw, 'values');
  if ((operator !== 'In' && operator !== 'NotIn') || values.length !== 1 || typeof values[0] !== 'string') {
    return undefined;
  }
  return { key: stringAt(raw, 'key'), operator, value: values[0] };
}

/** Upstream `NewLazyErrorNodeSelector`: empty terms are dropped, a term with a bad requirement never matches. */
function readRequiredTerms(spec: JsonObject, specPath: string): NodeSelectorTermView[] | undefined {
  const nodeAffinity = objectAt(objectAt(spec, 'affinity'), 'nodeAffinity');
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  if (!isJsonObject(required)) return undefined;
  const base = `${specPath}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
  const terms: NodeSelectorTermView[] = [];
  listAt(required, 'nodeSelectorTerms').forEach((term, i) => {
    const expressions = isJsonObject(term) ? listAt(term, 'matchExpressions') : LIST;
    const fieldExprs = isJsonObject(term) ? listAt(term, 'matchFields') : LIST;
    if (expressions.length === 0 && fieldExprs.length === 0) return;
    const labels = expressions.map(readLabelRequirement);
    const fields = fieldExprs.map(readFieldRequirement);
    const valid = labels.every(r => r !== undefined) && fields.every(r => r !== undefined);
    terms.push({
      path: `${base}[${i}]`,
      labels: labels.length === 0 ? undefined : labels.filter(r => r !== undefined),
      fields: fields.length === 0 ? undefined : fields.filter(r => r !== undefined),
      valid,
    });
  });
  return terms;
}

function readTolerations(spec: JsonObject): Toleration[] {
  return listAt(spec, 'tolerations')
    .filter(isJsonObject)
    .map(t => ({
      key: stringAt(t, 'key'),
      operator: stringAt(t, 'operator'),
      value: stringAt(t, 'value'),
      effect: stringAt(t, 'effect'),
    }));
}

/** Host ports of the regular containers; under `hostNetwork` an unset hostPort defaults to containerPort. */
function readHostPorts(spec: JsonObject, specPath: string): HostPortView[] {
  const hostNetwork = spec.hostNetwork === true;
  const out: HostPortView[] = [];
  listAt(spec, 'containers').forEach((container, i) => {
    if (!isJsonObject(container)) return;
    listAt(container, 'ports').forEach((port, j) => {
      if (!isJsonObject(port)) return;
      let hostPort = Number.isInteger(port.hostPort) ? (port.hostPort as number) : 0;
      if (hostPort === 0 && hostNetwork && Number.isInteger(port.containerPort)) {
        hostPort = port.containerPort as number;
      }
      if (hostPort <= 0) return;
      out.push({
        path: `${specPath}.containers[${i}].ports[${j}]`,
        ip: stringAt(port, 'hostIP') || '0.0.0.0',
        protocol: stringAt(port, 'protocol') || 'TCP',
        port: hostPort,
      });
    });
  });
  return out;
}

/** Reads a resource list into exact amounts, reporting values the API server would reject. */
function readQuantities(list: JsonObject, field: string, problems: ValidationError[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const [name, raw] of Object.entries(list)) {
    const path = `${field}[${name}]`;
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      problems.push(typeError(path, raw, 'a quantity string'));
      continue;
    }
    try {
      const nanos = parseQuantity(raw);
      if (nanos < 0n) {
        problems.push(
          error(
            'resource-quantity-invalid',
            path,
            raw,
            'must be greater than or equal to 0',
            `Set ${path} to a quantity of 0 or more.`,
          ),
        );
        continue;
      }
      out.set(name, nanos);
    } catch (err) {
      if (!(err instanceof QuantityError)) throw err;
      problems.push(
        error(
          'resource-quantity-invalid',
          path,
          raw,
          err.message,
          `Write ${path} as a number with an optional suffix, e.g. 250m, 1.5, 512Mi or 1e3.`,
        ),
      );
    }
  }
  return out;
}

/** Upstream `SetDefaults_Pod`: a resource with a limit and no request is requested at its limit. */
function readContainer(
  container: JsonObject,
  path: string,
  role: ContainerRequestView['role'],
  problems: ValidationError[],
): ContainerRequestView {
  const resources = objectAt(container, 'resources');
  const requests = readQuantities(objectAt(resources, 'requests'), `${path}.resources.requests`, problems);
  const limits = readQuantities(objectAt(resources, 'limits'), `${path}.resources.limits`, problems);
  const fromLimits = new Set<string>();
  for (const [name, amount] of limits) {
    if (!requests.has(name) && !Object.hasOwn(objectAt(resources, 'requests'), name)) {
      requests.set(name, amount);
      fromLimits.add(name);
    }
  }
  return { path, role, requests, fromLimits };
}

function addInto(sum: Map<string, bigint>, add: ReadonlyMap<string, bigint>): void {
  for (const [name, amount] of add) sum.set(name, (sum.get(name) ?? 0n) + amount);
}

function maxInto(max: Map<string, bigint>, other: ReadonlyMap<string, bigint>): void {
  for (const [name, amount] of other) {
    const current = max.get(name);
    if (current === undefined || amount > current) max.set(name, amount);
  }
}

/**
 * Upstream `resource.PodRequests` (pkg/api/v1/resource/helpers.go) as `computePodResourceRequest`
 * calls it: the sum of regular containers and sidecars, or the largest init container at its point in
 * the sequence (plus the sidecars started before it) when larger, plus `spec.overhead`.
 */
function podRequests(
  containers: readonly ContainerRequestView[],
  overhead: ReadonlyMap<string, bigint>,
): Map<string, bigint> {
  const sum = new Map<string, bigint>();
  const sidecars = new Map<string, bigint>();
  const initPeak = new Map<string, bigint>();
  for (const container of containers) {
    if (container.role === 'container') {
      addInto(sum, container.requests);
    } else if (container.role === 'sidecar') {
      addInto(sum, container.requests);
      addInto(sidecars, container.requests);
      maxInto(initPeak, sidecars);
    } else {
      const running = new Map(container.requests);
      addInto(running, sidecars);
      maxInto(initPeak, running);
    }
  }
  maxInto(sum, initPeak);
  addInto(sum, overhead);
  return sum;
}

const FIRST: readonly string[] = [CPU, MEMORY, EPHEMERAL_STORAGE];

/** Upstream `fitsRequest` checks cpu, memory and ephemeral-storage, then scalars (here by name); zero requests never fail. */
function fitOrder(requests: ResourceAmounts): [string, bigint][] {
  const scalars = [...requests.keys()].filter(name => !FIRST.includes(name)).sort();
  return [...FIRST, ...scalars].flatMap((name): [string, bigint][] => {
    const amount = requests.get(name) ?? 0n;
    return amount > 0n ? [[name, amount]] : [];
  });
}

/**
 * Reads a Pod spec (of a Pod or a workload's template, at `specPath`) into what the scheduler filters
 * need. Never throws: quantities the API server would reject are reported into `problems` (rule
 * `resource-quantity-invalid`) and count as absent; other malformed fields read as unset, since the
 * per-object rules report them.
 */
export function readSchedulingPod(
  spec: JsonObject,
  specPath: string,
  problems: ValidationError[],
): SchedulingPod {
  const containers: ContainerRequestView[] = [];
  listAt(spec, 'containers').forEach((c, i) => {
    if (isJsonObject(c))
      containers.push(readContainer(c, `${specPath}.containers[${i}]`, 'container', problems));
  });
  // Init containers after the regular ones: the sequence order among init containers is what matters.
  listAt(spec, 'initContainers').forEach((c, i) => {
    if (!isJsonObject(c)) return;
    const role = c.restartPolicy === 'Always' ? 'sidecar' : 'init';
    containers.push(readContainer(c, `${specPath}.initContainers[${i}]`, role, problems));
  });
  const overhead = readQuantities(objectAt(spec, 'overhead'), `${specPath}.overhead`, problems);
  const nodeSelector: [string, string][] = [];
  for (const [key, value] of Object.entries(objectAt(spec, 'nodeSelector'))) {
    // Go decodes a null map value as "".
    if (typeof value === 'string' || value === null) nodeSelector.push([key, value ?? '']);
  }
  const restartPolicy = stringAt(spec, 'restartPolicy');
  const requests = toSchedulerAmounts(podRequests(containers, overhead), false);
  return {
    specPath,
    nodeName: stringAt(spec, 'nodeName'),
    nodeSelector,
    requiredTerms: readRequiredTerms(spec, specPath),
    tolerations: readTolerations(spec),
    hostPorts: readHostPorts(spec, specPath),
    requests,
    requestList: fitOrder(requests),
    containers,
    hasPriority: Number.isInteger(spec.priority) || stringAt(spec, 'priorityClassName') !== '',
    preemptNever: spec.preemptionPolicy === 'Never',
    schedulerName: stringAt(spec, 'schedulerName') || 'default-scheduler',
    longRunning: restartPolicy === '' || restartPolicy === 'Always',
  };
}
