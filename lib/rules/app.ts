import { duplicates } from './duplicates';
import type { JsonObject } from './json';
import { isJsonObject } from './json';
import { isValidPortName, isValidPortNum } from './names';
import type { RuleOptions } from './options';
import { applySuppression } from './options';
import { podTemplateOf } from './pod-template';
import { DEFAULT_PROTOCOL } from './ports';
import type { ValidationError } from './problem';
import { error } from './report';

/** A Pod as the whole-app checks see it. */
interface PodEntry {
  readonly namespace: string;
  readonly id: string;
  readonly labels: ReadonlyMap<string, string>;
  /** `port:<protocol>/<number>` and `name:<protocol>/<name>` of every port its serving containers declare. */
  readonly exposes: ReadonlySet<string>;
}

/** One port of a Service, as the whole-app checks see it (what `validateService` reads, unvalidated). */
interface ServicePortView {
  /** Field path of the entry, e.g. `spec.ports[0]`. */
  readonly path: string;
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
  readonly id: string;
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
const protocolOf = (port: JsonObject): string =>
  typeof port.protocol === 'string' && port.protocol !== '' ? port.protocol : DEFAULT_PROTOCOL;

// Objects without a namespace land in the client's current namespace; "default" is the usual one.
function identify(obj: JsonObject): { namespace: string; id: string } {
  const meta = objectAt(obj, 'metadata') ?? {};
  const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : '(unnamed)';
  return { namespace, id: `${namespace}/${name}` };
}

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
  const { namespace, id } = identify(obj);
  const labels = new Map(stringEntries(objectAt(template.metadata, 'labels')));
  const exposes = exposedPorts(template.spec);
  return { namespace, id: template.kind === 'Pod' ? id : `${template.kind} ${id}`, labels, exposes };
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
  const type = typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'ClusterIP';
  const ports: ServicePortView[] = [];
  listAt(spec, 'ports').forEach((item, i) => {
    if (!isJsonObject(item)) return;
    const nodePort =
      Number.isInteger(item.nodePort) && item.nodePort !== 0 ? (item.nodePort as number) : undefined;
    const port = Number.isInteger(item.port) ? item.port : undefined;
    ports.push({
      path: `spec.ports[${i}]`,
      protocol: protocolOf(item),
      targetPort: targetPortOf(item, port),
      nodePort,
    });
  });
  return { index, ...identify(obj), type, selector: stringEntries(objectAt(spec, 'selector')), ports };
}

/**
 * Two Services claiming the same nodePort + protocol: node ports are cluster-wide, so the allocator
 * gives the port to whichever Service is created first and rejects the other.
 */
function nodePortConflicts(services: readonly ServiceEntry[]): Found[] {
  const claims = services
    .filter(service => service.type === 'NodePort' || service.type === 'LoadBalancer')
    .flatMap(service => service.ports.map(port => ({ service, port })));
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
          `${repeat.port.path}.nodePort`,
          repeat.port.nodePort,
          `provided port is already allocated: nodePort ${repeat.port.nodePort}/${repeat.port.protocol} is claimed by Service "${first.service.id}" (${first.port.path}) and Service "${repeat.service.id}"; node ports are cluster-wide, so only one Service can hold it`,
          `Give Service "${repeat.service.id}" a different nodePort, or omit it to let the cluster allocate one.`,
        ),
      }))
  );
}

/**
 * Finds the Pods each selector picks, using an inverted index from (namespace, label, value) to Pods.
 *
 * Each distinct selector is resolved once, scanning only the smallest bucket among its labels, so the
 * usual app (each Service selects its Pods by a label they alone carry) costs O(total size). Label
 * selection is a subset query, so no index makes every input near-linear: selectors that share only
 * very common labels cost up to (distinct selectors × Pods in the smallest bucket).
 */
function podSelector(
  pods: readonly PodEntry[],
): (namespace: string, labels: readonly [string, string][]) => Selection | undefined {
  // Namespaces, label keys and values never hold NUL, so it separates them in one string key.
  const bucketKeyOf = (namespace: string, key: string, value: string) => `${namespace}\0${key}\0${value}`;
  const index = new Map<string, PodEntry[]>();
  for (const pod of pods) {
    for (const [key, value] of pod.labels) {
      const bucketKey = bucketKeyOf(pod.namespace, key, value);
      const bucket = index.get(bucketKey);
      if (bucket === undefined) index.set(bucketKey, [pod]);
      else bucket.push(pod);
    }
  }
  const memo = new Map<string, Selection | undefined>();
  return (namespace: string, labels: readonly [string, string][]): Selection | undefined => {
    const memoKey = `${namespace}\0${labels
      .map(([key, value]) => `${key}\0${value}`)
      .sort()
      .join('\0\0')}`;
    if (memo.has(memoKey)) return memo.get(memoKey);
    const buckets = labels.map(([key, value]) => index.get(bucketKeyOf(namespace, key, value)) ?? []);
    const smallest = buckets.reduce<readonly PodEntry[]>((a, b) => (b.length < a.length ? b : a), pods);
    const picked = smallest.filter(
      pod => pod.namespace === namespace && labels.every(([key, value]) => pod.labels.get(key) === value),
    );
    const selection =
      picked.length === 0
        ? undefined
        : { pods: picked, exposes: new Set(picked.flatMap(pod => [...pod.exposes])) };
    memo.set(memoKey, selection);
    return selection;
  };
}

const listPods = (pods: readonly PodEntry[]): string => {
  const shown = pods.slice(0, 3).map(pod => pod.id);
  return pods.length > 3 ? `${shown.join(', ')} and ${pods.length - 3} more` : shown.join(', ');
};

function unexposedTarget(service: ServiceEntry, port: ServicePortView, selection: Selection): Found[] {
  const target = port.targetPort;
  if (target === undefined || selection.exposes.has(exposureKey(port.protocol, target))) return [];
  const field = `${port.path}.targetPort`;
  const pods = `the Pods Service "${service.id}" selects (${listPods(selection.pods)})`;
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
  const pods: PodEntry[] = [];
  const services: ServiceEntry[] = [];
  manifests.forEach((manifest, index) => {
    if (!isJsonObject(manifest)) return;
    if (manifest.apiVersion === 'v1' && manifest.kind === 'Service') {
      services.push(readService(manifest, index));
      return;
    }
    const pod = readPod(manifest);
    if (pod !== undefined) pods.push(pod);
  });
  const select = podSelector(pods);
  const unexposed = services
    // ExternalName Services ignore their selector; an empty selector means "no selector" in practice.
    .filter(service => service.type !== 'ExternalName' && service.selector.length > 0)
    .flatMap(service => {
      const selection = select(service.namespace, service.selector);
      return selection === undefined
        ? []
        : service.ports.flatMap(port => unexposedTarget(service, port, selection));
    });
  const byManifest: ValidationError[][] = manifests.map(() => []);
  for (const { index, problem } of [...nodePortConflicts(services), ...unexposed]) {
    byManifest[index].push(problem);
  }
  return byManifest.map(problems => applySuppression(problems, options));
}
