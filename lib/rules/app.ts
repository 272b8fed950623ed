import { duplicates } from './duplicates';
import type { JsonObject } from './json';
import { isJsonObject, ownField } from './json';
import { isValidPortName, isValidPortNum } from './names';
import type { RuleOptions } from './options';
import { applySuppression } from './options';
import type { PodBearingKind } from './pod-template';
import { podTemplateOf } from './pod-template';
import { DEFAULT_PROTOCOL } from './ports';
import type { ValidationError } from './problem';
import { error } from './report';

/** A Pod as the whole-app checks see it. */
interface PodEntry {
  readonly namespace: string;
  /** The object's kind, for its name in messages (`podId`). */
  readonly kind: PodBearingKind;
  /** The object's `metadata`, read for its name only in messages. */
  readonly meta: JsonObject | undefined;
  /** The template's (or Pod's) `metadata.labels`, when an object: read with `labelOf`. */
  readonly labels: JsonObject | undefined;
  /** The Pod spec, read for `exposes` when a Service selects the Pod. */
  readonly spec: JsonObject;
  /**
   * `port:<protocol>/<number>` and `name:<protocol>/<name>` of every port its serving containers
   * declare; read on first use (only Pods some Service selects need it).
   */
  exposes?: ReadonlySet<string>;
}

/** What a Pod's serving containers expose (see PodEntry.exposes), read once. */
function exposesOf(pod: PodEntry): ReadonlySet<string> {
  pod.exposes ??= exposedPorts(pod.spec);
  return pod.exposes;
}

/** One port of a Service, as the whole-app checks see it (what `validateService` reads, unvalidated). */
interface ServicePortView {
  /** Position of the entry in `spec.ports`; its field path is `portPath(port)`. */
  readonly position: number;
  /** `protocol`, TCP when unset, as written otherwise. */
  readonly protocol: string;
  /** `targetPort` (`port` when unset or 0), when a valid port number or name. */
  readonly targetPort?: number | string;
  /** `nodePort`, when a non-zero integer. */
  readonly nodePort?: number;
}

/** A Service as the whole-app checks see it. */
interface ServiceEntry {
  /** Its position in the manifests given, to tell which object a problem belongs to. */
  readonly index: number;
  /** The Service's `metadata`, read for its name only in messages (`serviceId`). */
  readonly meta: JsonObject | undefined;
  readonly namespace: string;
  /** `spec.type`, ClusterIP when unset. */
  readonly type: string;
  /** `spec.selector` entries. */
  readonly selector: readonly [string, string][];
  readonly ports: readonly ServicePortView[];
}

/** The Pods one selector picks in one namespace, and everything they expose together. */
interface Selection {
  readonly pods: readonly PodEntry[];
  readonly exposes: ReadonlySet<string>;
}

/** A JSON object's own property when it is an object. */
const objectAt = (obj: JsonObject, key: string): JsonObject | undefined => {
  const value = Object.hasOwn(obj, key) ? obj[key] : undefined;
  return isJsonObject(value) ? value : undefined;
};

/** A JSON object's own property when it is a list. */
const listAt = (obj: JsonObject, key: string): readonly unknown[] => {
  const value = Object.hasOwn(obj, key) ? obj[key] : undefined;
  return Array.isArray(value) ? value : [];
};

/** A label's value as Go decodes the map (`null` reads as `""`); undefined when absent or not a string. */
function labelOf(labels: JsonObject | undefined, key: string): string | undefined {
  if (labels === undefined || !Object.hasOwn(labels, key)) return undefined;
  const value = labels[key];
  return typeof value === 'string' ? value : value === null ? '' : undefined;
}

/** A string map's string entries (`null` reads as `""`, as Go decodes it); other values are skipped. */
function stringEntries(map: JsonObject | undefined): [string, string][] {
  const entries: [string, string][] = [];
  if (map === undefined) return entries;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (typeof value === 'string') entries.push([key, value]);
    else if (value === null) entries.push([key, '']);
  }
  return entries;
}

/** A port's protocol as the API server defaults it: TCP when unset or empty, as written otherwise. */
function protocolOf(port: JsonObject): string {
  const protocol = port.protocol;
  return typeof protocol === 'string' && protocol !== '' ? protocol : DEFAULT_PROTOCOL;
}

// Objects without a namespace land in the client's current namespace; "default" is the usual one.
function namespaceOf(meta: JsonObject | undefined): string {
  const namespace = ownField(meta, 'namespace');
  return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}

function idOf(meta: JsonObject | undefined, namespace: string): string {
  const name = ownField(meta, 'name');
  return `${namespace}/${typeof name === 'string' && name !== '' ? name : '(unnamed)'}`;
}

/** A Pod's name in messages: `ns/name` for a Pod, `Kind ns/name` for a workload. */
function podId(pod: PodEntry): string {
  const id = idOf(pod.meta, pod.namespace);
  return pod.kind === 'Pod' ? id : `${pod.kind} ${id}`;
}

/** A Service's name in messages: `ns/name`. */
const serviceId = (service: ServiceEntry): string => idOf(service.meta, service.namespace);

/** Field path of a Service port, e.g. `spec.ports[0]`. */
const portPath = (port: ServicePortView): string => `spec.ports[${port.position}]`;

const exposureKey = (protocol: string, target: number | string): string =>
  typeof target === 'number' ? `port:${protocol}/${target}` : `name:${protocol}/${target}`;

/**
 * The valid port numbers and names the containers that serve declare: regular containers and
 * sidecars (init containers with `restartPolicy: Always`). Read directly rather than validated:
 * validation problems are `validateManifest`'s to report, once.
 */
function exposedPorts(spec: JsonObject): Set<string> {
  const exposes = new Set<string>();
  const add = (container: unknown) => {
    if (!isJsonObject(container)) return;
    for (const port of listAt(container, 'ports')) {
      if (!isJsonObject(port)) continue;
      const protocol = protocolOf(port);
      const number = port.containerPort;
      if (Number.isInteger(number) && isValidPortNum(number as number).length === 0) {
        exposes.add(exposureKey(protocol, number as number));
      }
      const name = port.name;
      if (typeof name === 'string' && name !== '' && isValidPortName(name).length === 0) {
        exposes.add(exposureKey(protocol, name));
      }
    }
  };
  for (const container of listAt(spec, 'containers')) add(container);
  for (const container of listAt(spec, 'initContainers')) {
    if (isJsonObject(container) && container.restartPolicy === 'Always') add(container);
  }
  return exposes;
}

/**
 * A Pod, or the Pods a workload stamps out of its template: a workload's Pods carry the template's
 * labels and the workload's namespace. Named `ns/name` for a Pod, `Kind ns/name` for a workload.
 */
function readPod(obj: JsonObject): PodEntry | undefined {
  const template = podTemplateOf(obj);
  if (template === undefined) return undefined;
  const meta = objectAt(obj, 'metadata');
  const labels = objectAt(template.metadata, 'labels');
  return {
    namespace: namespaceOf(meta),
    kind: template.kind,
    meta,
    labels,
    spec: template.spec,
    exposes: undefined,
  };
}

/** `targetPort` as the API server reads it: `port` when unset, empty or 0; only a valid number or name. */
function targetPortOf(item: JsonObject, port: unknown): number | string | undefined {
  const raw = item.targetPort;
  const value = raw === undefined || raw === null || raw === '' || raw === 0 ? port : raw;
  if (typeof value === 'string') return isValidPortName(value).length === 0 ? value : undefined;
  return Number.isInteger(value) && isValidPortNum(value as number).length === 0
    ? (value as number)
    : undefined;
}

/** A Service's type, selector and ports, read directly (validation problems are `validateManifest`'s). */
function readService(obj: JsonObject, index: number): ServiceEntry {
  const spec = objectAt(obj, 'spec') ?? {};
  // Each field is read once: every read of a manifest's field misses V8's caches.
  const written = spec.type;
  const type = typeof written === 'string' && written !== '' ? written : 'ClusterIP';
  const list = listAt(spec, 'ports');
  // Sized up front (a list grown by push starts at 16 slots); trimmed to the objects found.
  const ports = new Array<ServicePortView>(list.length);
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isJsonObject(item)) continue;
    const rawNodePort = item.nodePort;
    const nodePort = Number.isInteger(rawNodePort) && rawNodePort !== 0 ? (rawNodePort as number) : undefined;
    const rawPort = item.port;
    const port = Number.isInteger(rawPort) ? rawPort : undefined;
    ports[count++] = {
      position: i,
      protocol: protocolOf(item),
      targetPort: targetPortOf(item, port),
      nodePort,
    };
  }
  ports.length = count;
  const meta = objectAt(obj, 'metadata');
  const namespace = namespaceOf(meta);
  return {
    index,
    meta,
    namespace,
    type,
    selector: stringEntries(objectAt(spec, 'selector')),
    ports,
  };
}

/**
 * Two Services claiming the same nodePort + protocol: node ports are cluster-wide, so the allocator
 * gives the port to whichever Service is created first and rejects the other.
 */
function nodePortConflicts(services: readonly ServiceEntry[]): Found[] {
  // Only ports that name a nodePort can claim one twice.
  const claims: { service: ServiceEntry; port: ServicePortView }[] = [];
  for (const service of services) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') continue;
    for (const port of service.ports) if (port.nodePort !== undefined) claims.push({ service, port });
  }
  return (
    duplicates(claims, ({ port }) =>
      port.nodePort === undefined ? undefined : `${port.protocol}/${port.nodePort}`,
    )
      // Repeats inside one Service are validateManifest's `service-node-port-duplicate`.
      .filter(([first, repeat]) => first.service !== repeat.service)
      .map(([first, repeat]) => ({
        index: repeat.service.index,
        problem: error(
          'service-node-port-conflict',
          `${portPath(repeat.port)}.nodePort`,
          repeat.port.nodePort,
          `provided port is already allocated: nodePort ${repeat.port.nodePort}/${repeat.port.protocol} is claimed by Service "${serviceId(first.service)}" (${portPath(first.port)}) and Service "${serviceId(repeat.service)}"; node ports are cluster-wide, so only one Service can hold it`,
          `Give Service "${serviceId(repeat.service)}" a different nodePort, or omit it to let the cluster allocate one.`,
        ),
      }))
  );
}

/**
 * Finds the Pods each selector picks, using an inverted index from (namespace, label, value) to Pods.
 *
 * Only the (namespace, label, value) triples some selector asks for are indexed. Each distinct
 * selector is resolved once, scanning only the smallest bucket among its labels, so the usual app
 * (each Service selects its Pods by a label they alone carry) costs O(total size). Label selection
 * is a subset query, so no index makes every input near-linear: selectors that share only very
 * common labels cost up to (distinct selectors × Pods in the smallest bucket).
 */
function podSelector(
  pods: readonly PodEntry[],
  selectors: readonly ServiceEntry[],
): (namespace: string, labels: readonly [string, string][]) => Selection | undefined {
  // namespace → label key → label value → the Pods carrying it: nested maps, so no key is built per label.
  const index = new Map<string, Map<string, Map<string, PodEntry[]>>>();
  const bucketOf = (
    namespace: string,
    key: string,
    value: string,
    create: boolean,
  ): PodEntry[] | undefined => {
    let byKey = index.get(namespace);
    if (byKey === undefined) {
      if (!create) return undefined;
      byKey = new Map();
      index.set(namespace, byKey);
    }
    let byValue = byKey.get(key);
    if (byValue === undefined) {
      if (!create) return undefined;
      byValue = new Map();
      byKey.set(key, byValue);
    }
    let bucket = byValue.get(value);
    if (bucket === undefined && create) {
      bucket = [];
      byValue.set(value, bucket);
    }
    return bucket;
  };
  for (const service of selectors) {
    for (const [key, value] of service.selector) bucketOf(service.namespace, key, value, true);
  }
  for (const pod of pods) {
    const byKey = index.get(pod.namespace);
    if (byKey === undefined || pod.labels === undefined) continue;
    for (const key of Object.keys(pod.labels)) {
      const value = labelOf(pod.labels, key);
      if (value !== undefined) byKey.get(key)?.get(value)?.push(pod);
    }
  }
  const memo = new Map<string, Selection | undefined>();
  const byBucket = new Map<readonly PodEntry[], Selection | undefined>();
  return (namespace: string, labels: readonly [string, string][]): Selection | undefined => {
    if (labels.length === 1) {
      // One label (the usual selector): its bucket, indexed above, holds exactly the Pods it picks,
      // in order; no key to build, nothing to filter.
      const bucket = bucketOf(namespace, labels[0][0], labels[0][1], false) ?? [];
      if (byBucket.has(bucket)) return byBucket.get(bucket);
      const selection = selectionOf(bucket);
      byBucket.set(bucket, selection);
      return selection;
    }
    const memoKey = `${namespace}\0${labels
      .map(([key, value]) => `${key}\0${value}`)
      .sort()
      .join('\0\0')}`;
    if (memo.has(memoKey)) return memo.get(memoKey);
    let smallest: readonly PodEntry[] = pods;
    for (const [key, value] of labels) {
      const bucket = bucketOf(namespace, key, value, false) ?? [];
      if (bucket.length < smallest.length) smallest = bucket;
    }
    const picked = smallest.filter(
      pod =>
        pod.namespace === namespace && labels.every(([key, value]) => labelOf(pod.labels, key) === value),
    );
    const selection = selectionOf(picked);
    memo.set(memoKey, selection);
    return selection;
  };
}

/** The Pods a selector picks and what they expose together; undefined when it picks none. */
function selectionOf(picked: readonly PodEntry[]): Selection | undefined {
  if (picked.length === 0) return undefined;
  return {
    pods: picked,
    exposes: picked.length === 1 ? exposesOf(picked[0]) : new Set(picked.flatMap(pod => [...exposesOf(pod)])),
  };
}

const listPods = (pods: readonly PodEntry[]): string => {
  const shown = pods.slice(0, 3).map(podId);
  return pods.length > 3 ? `${shown.join(', ')} and ${pods.length - 3} more` : shown.join(', ');
};

function unexposedTarget(
  service: ServiceEntry,
  port: ServicePortView,
  selection: Selection,
): readonly Found[] {
  const target = port.targetPort;
  if (target === undefined || selection.exposes.has(exposureKey(port.protocol, target))) return NONE;
  const field = `${portPath(port)}.targetPort`;
  const pods = `the Pods Service "${serviceId(service)}" selects (${listPods(selection.pods)})`;
  const problem =
    typeof target === 'number'
      ? error(
          'service-target-port-not-exposed',
          field,
          target,
          `no container of ${pods} declares containerPort ${target} with protocol ${port.protocol}; traffic sent to the Service most likely hits a closed port`,
          `Set ${field} to a port the selected Pods declare, or add containerPort ${target} (${port.protocol}) to their container.`,
        )
      : error(
          'service-target-port-not-exposed',
          field,
          target,
          `no container of ${pods} has a port named ${JSON.stringify(target)} with protocol ${port.protocol}; the endpoints controller cannot resolve the name, so the Service gets no endpoints`,
          `Name a container port ${JSON.stringify(target)} (${port.protocol}) in the selected Pods, or set ${field} to a port they expose.`,
        );
  return [{ index: service.index, problem }];
}

const NONE: readonly Found[] = [];

/** A whole-app problem and the position of the manifest it belongs to. */
interface Found {
  readonly index: number;
  readonly problem: ValidationError;
}

/**
 * Checks that need every manifest at once: node ports claimed by two Services, and Service targetPorts
 * that no selected Pod or workload pod template exposes (only Services whose selector picks at least one Pod of the set;
 * others may select Pods made elsewhere). Per-object problems are `validateManifest`'s to report.
 */
export function validateApp(manifests: readonly unknown[], options: RuleOptions = {}): ValidationError[] {
  return validateAppByManifest(manifests, options).flat();
}

/**
 * The same checks as `validateApp`, with each problem filed under the manifest it belongs to
 * (the Service that claims a taken nodePort or targets an unexposed port): entry i lists the
 * problems of `manifests[i]`.
 */
export function validateAppByManifest(
  manifests: readonly unknown[],
  options: RuleOptions = {},
): ValidationError[][] {
  const found = appProblemsByIndex(manifests, options);
  return manifests.map((_, index) => found.get(index) ?? []);
}

/**
 * `validateAppByManifest` for the engine: only the manifests with problems, by position, so a
 * large app of clean objects allocates nothing per object.
 */
export function appProblemsByIndex(
  manifests: readonly unknown[],
  options: RuleOptions = {},
): Map<number, ValidationError[]> {
  const pods: PodEntry[] = [];
  const services: ServiceEntry[] = [];
  for (let index = 0; index < manifests.length; index++) {
    const manifest = manifests[index];
    if (!isJsonObject(manifest)) continue;
    if (manifest.apiVersion === 'v1' && manifest.kind === 'Service') {
      services.push(readService(manifest, index));
      continue;
    }
    const pod = readPod(manifest);
    if (pod !== undefined) pods.push(pod);
  }
  const byIndex = new Map<number, ValidationError[]>();
  const file = ({ index, problem }: Found): void => {
    const list = byIndex.get(index);
    if (list === undefined) byIndex.set(index, [problem]);
    else list.push(problem);
  };
  for (const found of nodePortConflicts(services)) file(found);
  // ExternalName Services ignore their selector; an empty selector means "no selector" in practice.
  const selecting = services.filter(
    service => service.type !== 'ExternalName' && service.selector.length > 0,
  );
  const select = podSelector(pods, selecting);
  for (const service of selecting) {
    const selection = select(service.namespace, service.selector);
    if (selection === undefined) continue;
    for (const port of service.ports)
      for (const found of unexposedTarget(service, port, selection)) file(found);
  }
  for (const [index, problems] of byIndex) byIndex.set(index, applySuppression(problems, options));
  return byIndex;
}
