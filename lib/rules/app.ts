import { duplicates } from './duplicates';
import type { JsonObject } from './json';
import { isJsonObject, OBJECT, read, readStringMap, STRING } from './json';
import type { RuleOptions } from './options';
import { applySuppression } from './options';
import { readPodContainers } from './pod-spec';
import { podTemplateOf } from './pod-template';
import type { ValidationError } from './problem';
import { error } from './report';
import type { ServicePortView, ServiceView } from './service';
import { readService } from './service';

/** A Pod as the whole-app checks see it. */
interface PodEntry {
  readonly namespace: string;
  readonly id: string;
  readonly labels: ReadonlyMap<string, string>;
  /** `port:<protocol>/<number>` and `name:<protocol>/<name>` of every port its serving containers declare. */
  readonly exposes: ReadonlySet<string>;
}

/** A Service as the whole-app checks see it. */
interface ServiceEntry {
  /** Its position in the manifests given, to tell which object a problem belongs to. */
  readonly index: number;
  readonly id: string;
  readonly namespace: string;
  readonly view: ServiceView;
}

/** The Pods one selector picks in one namespace, and everything they expose together. */
interface Selection {
  readonly pods: readonly PodEntry[];
  readonly exposes: ReadonlySet<string>;
}

// Objects without a namespace land in the client's current namespace; "default" is the usual one.
function identify(obj: JsonObject): { namespace: string; id: string } {
  const meta = read(obj, 'metadata', 'metadata', OBJECT, []) ?? {};
  const namespace = read(meta, 'namespace', 'metadata.namespace', STRING, []) || 'default';
  const name = read(meta, 'name', 'metadata.name', STRING, []) || '(unnamed)';
  return { namespace, id: `${namespace}/${name}` };
}

const exposureKey = (protocol: string, target: number | string): string =>
  typeof target === 'number' ? `port:${protocol}/${target}` : `name:${protocol}/${target}`;

/**
 * A Pod, or the Pods a workload stamps out of its template: a workload's Pods carry the template's
 * labels and the workload's namespace. Named `ns/name` for a Pod, `Kind ns/name` for a workload.
 */
function readPod(obj: JsonObject): PodEntry | undefined {
  const template = podTemplateOf(obj);
  if (template === undefined) return undefined;
  const { namespace, id } = identify(obj);
  // Validation problems are validateManifest's to report; here only the readable parts matter.
  const ports = readPodContainers(template.spec, template.specPath, []).serving.flatMap(
    container => container.ports,
  );
  const exposes = new Set(
    ports.flatMap(port => [
      ...(port.containerPort === undefined ? [] : [exposureKey(port.protocol, port.containerPort)]),
      ...(port.name === undefined ? [] : [exposureKey(port.protocol, port.name)]),
    ]),
  );
  const labels = new Map(readStringMap(template.metadata, 'labels', `${template.metadataPath}.labels`, []));
  return { namespace, id: template.kind === 'Pod' ? id : `${template.kind} ${id}`, labels, exposes };
}

/**
 * Two Services claiming the same nodePort + protocol: node ports are cluster-wide, so the allocator
 * gives the port to whichever Service is created first and rejects the other.
 */
function nodePortConflicts(services: readonly ServiceEntry[]): Found[] {
  const claims = services
    .filter(service => service.view.type === 'NodePort' || service.view.type === 'LoadBalancer')
    .flatMap(service => service.view.ports.map(port => ({ service, port })));
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
  const index = new Map<string, PodEntry[]>();
  for (const pod of pods) {
    for (const [key, value] of pod.labels) {
      const bucketKey = JSON.stringify([pod.namespace, key, value]);
      const bucket = index.get(bucketKey);
      if (bucket === undefined) index.set(bucketKey, [pod]);
      else bucket.push(pod);
    }
  }
  const memo = new Map<string, Selection | undefined>();
  return (namespace: string, labels: readonly [string, string][]): Selection | undefined => {
    const memoKey = JSON.stringify([namespace, labels.map(pair => JSON.stringify(pair)).sort()]);
    if (memo.has(memoKey)) return memo.get(memoKey);
    const buckets = labels.map(([key, value]) => index.get(JSON.stringify([namespace, key, value])) ?? []);
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
      services.push({ index, ...identify(manifest), view: readService(manifest, options, []) });
      return;
    }
    const pod = readPod(manifest);
    if (pod !== undefined) pods.push(pod);
  });
  const select = podSelector(pods);
  const unexposed = services
    // ExternalName Services ignore their selector; an empty selector means "no selector" in practice.
    .filter(service => service.view.type !== 'ExternalName' && service.view.selector.length > 0)
    .flatMap(service => {
      const selection = select(service.namespace, service.view.selector);
      return selection === undefined
        ? []
        : service.view.ports.flatMap(port => unexposedTarget(service, port, selection));
    });
  const byManifest: ValidationError[][] = manifests.map(() => []);
  for (const { index, problem } of [...nodePortConflicts(services), ...unexposed]) {
    byManifest[index].push(problem);
  }
  return byManifest.map(problems => applySuppression(problems, options));
}
