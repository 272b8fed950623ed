import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { IConstruct } from 'constructs';
import { trackForChecks } from './checks';
import { renderedLabels } from './rendered-labels';
import { isJsonObject } from './rules/json';
import { podTemplateOf } from './rules/pod-template';

/** How a NodePort Service routes traffic that reaches a node (`spec.externalTrafficPolicy`). */
export enum ExternalTrafficPolicy {
  /** Any node forwards to any ready Pod, hiding the client's source IP (the API server's default). */
  CLUSTER = 'Cluster',
  /** A node forwards only to Pods on itself, keeping the client's source IP; nodes without one drop the traffic. */
  LOCAL = 'Local',
}

/**
 * Options for `exposeViaNodePort()`.
 */
export interface NodePortServiceOptions {
  /**
   * Name of the Service.
   * @default - the exposed object's name, as `kubectl expose` does
   */
  readonly name?: string;

  /**
   * The ports to expose. Each `targetPort` (default: `port`) must be a port some container of
   * the Pod (or pod template) exposes with the same protocol. Set `nodePort` to pin the port on
   * every node.
   * @default - every container port, with `port` = `targetPort` = the container port
   */
  readonly ports?: kplus.ServicePort[];

  /**
   * Labels added to the Service (they never change its selector); a key given here wins.
   * @default - the exposed object's own labels, as `kubectl expose` does
   */
  readonly labels?: { readonly [key: string]: string };

  /**
   * Annotations of the Service, e.g. for a cloud provider or an ingress controller.
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };

  /**
   * Whether nodes forward external traffic to Pods on any node (`Cluster`) or only to their own
   * (`Local`, which keeps the client's source IP).
   * @default - unset: the API server defaults it to Cluster
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
}

/** A container port, as exposure reads it from cdk8s-plus or from a rendered manifest. */
interface ExposedPort {
  readonly number: number;
  readonly protocol: string;
  readonly name?: string;
}

/** What `kubectl expose` reads from the exposed object. */
interface ExposureSource {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** The labels the Service gets. */
  readonly labels: Record<string, string>;
  /** The labels the Service selects its Pods by. */
  readonly selector: Record<string, string>;
  readonly ports: readonly ExposedPort[];
}

/** Kinds `kubectl expose` accepts (Pod, Deployment, ReplicaSet), plus StatefulSet and DaemonSet with the same semantics. */
const EXPOSABLE = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * Exposes a Pod, Deployment, StatefulSet, DaemonSet or ReplicaSet outside the cluster through a
 * Service of type NodePort, the way `kubectl expose <kind> <name> --type=NodePort` does:
 * - name: the object's name;
 * - labels: the object's own labels (not the chart's, not cdk8s's address label);
 * - selector: a Pod's own labels (its address label if it has none); a workload's
 *   `spec.selector.matchLabels`;
 * - ports: one per distinct container port (number + protocol) of the Pod or pod template.
 *
 * kubectl refuses StatefulSets and DaemonSets; this gives them the Deployment semantics. Unlike
 * kubectl, every port is named when there is more than one (the API server rejects a multi-port
 * Service with an unnamed port): the container port's name where it has one, else kubectl's
 * `port-N` (`port-N-<protocol>` when one number has several protocols).
 *
 * Takes a cdk8s-plus Pod or workload of any version, or an L1 object. Container ports and
 * labels are read when this is called: add containers and labels first.
 *
 * @returns the Service, created in the target's scope
 */
export function exposeViaNodePort(target: IConstruct, options: NodePortServiceOptions = {}): kplus.Service {
  const source = readSource(target);
  const ports: kplus.ServicePort[] =
    options.ports ?? source.ports.map(p => ({ port: p.number, protocol: p.protocol as kplus.Protocol }));
  if (ports.length === 0) {
    throw new Error(
      `${target.node.path}: cannot expose a ${source.kind} whose containers expose no port. ` +
        'Give a container `portNumber` or `ports`, or pass `ports` to exposeViaNodePort().',
    );
  }
  const id = options.name === undefined ? 'NodePortService' : `NodePortService-${options.name}`;
  const existing = target.node.tryFindChild(id);
  if (existing !== undefined) {
    throw new Error(
      `${target.node.path}: this ${source.kind} is already exposed by ${existing.node.path}. ` +
        'Pass a distinct `name` to exposeViaNodePort() to add another Service.',
    );
  }
  const service = new kplus.Service(target, id, {
    metadata: {
      name: options.name ?? source.name,
      namespace: source.namespace,
      labels: { ...source.labels, ...options.labels },
      annotations: options.annotations === undefined ? undefined : { ...options.annotations },
    },
    type: kplus.ServiceType.NODE_PORT,
    ports: servicePorts(ports, source.ports),
  });
  for (const [key, value] of Object.entries(source.selector)) {
    service.selectLabel(key, value);
  }
  if (options.externalTrafficPolicy !== undefined) {
    // cdk8s-plus-28's Service has no externalTrafficPolicy, so set the field on the L1 object.
    ApiObject.of(service).addJsonPatch(
      JsonPatch.add('/spec/externalTrafficPolicy', options.externalTrafficPolicy),
    );
  }
  trackForChecks(service, ApiObject.of(service));
  return service;
}

/** The Service's ports: each named after the container port it targets, else as kubectl names it. */
function servicePorts(
  ports: readonly kplus.ServicePort[],
  exposed: readonly ExposedPort[],
): kplus.ServicePort[] {
  const result: kplus.ServicePort[] = [];
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    const targetPort = p.targetPort ?? p.port;
    const protocol = p.protocol ?? kplus.Protocol.TCP;
    let name = p.name;
    if (name === undefined) {
      for (const c of exposed) {
        if (c.number === targetPort && c.protocol === protocol) {
          name = c.name;
          break;
        }
      }
    }
    name ??= ports.length > 1 ? kubectlPortName(ports, i) : undefined;
    // Written field by field: V8 (Node 20) gives an object spread (`{ ...p, name }`) that then gets
    // a key its source lacks a hidden class of its own, at several µs per object.
    result.push({ port: p.port, nodePort: p.nodePort, name, protocol, targetPort });
  }
  return result;
}

/**
 * Exposes a Pod through a Service of type NodePort, as `kubectl expose pod <name> --type=NodePort`
 * does; the same as `exposeViaNodePort(pod, options)`.
 *
 * @returns the Service, created in the Pod's scope
 */
export function exposePodViaNodePort(pod: kplus.Pod, options: NodePortServiceOptions = {}): kplus.Service {
  return exposeViaNodePort(pod, options);
}

/**
 * The name kubectl gives the i-th port: `port-N`, N counting distinct port numbers in order,
 * with a `-<protocol>` suffix when that number is exposed on several protocols.
 */
function kubectlPortName(ports: readonly kplus.ServicePort[], i: number): string {
  const numbers = [...new Set(ports.map(p => p.port))];
  const { port, protocol = kplus.Protocol.TCP } = ports[i];
  const protocols = new Set(ports.filter(p => p.port === port).map(p => p.protocol ?? kplus.Protocol.TCP));
  const suffix = protocols.size > 1 ? `-${protocol.toLowerCase()}` : '';
  return `port-${numbers.indexOf(port) + 1}${suffix}`;
}

/**
 * The parts of cdk8s-plus Pods and workloads exposure reads, in every cdk8s-plus version: a
 * structural type, so that exposure does not depend on cdk8s-plus-28's classes.
 */
interface PlusPodLike {
  readonly containers: readonly {
    readonly ports: readonly { number: number; protocol?: string; name?: string }[];
  }[];
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: readonly unknown[];
}

function isPlusPodLike(target: IConstruct): target is IConstruct & PlusPodLike {
  return Array.isArray((target as Partial<PlusPodLike>).containers);
}

function readSource(target: IConstruct): ExposureSource {
  const object = ApiObject.of(target);
  const kind = object.kind;
  if (!EXPOSABLE.has(kind) || podTemplateOf({ apiVersion: object.apiVersion, kind }) === undefined) {
    throw new Error(
      `${target.node.path}: cannot expose a ${object.apiVersion} ${kind}. ` +
        'Pass a Pod, Deployment, StatefulSet, DaemonSet or ReplicaSet (the Pods of Jobs and CronJobs run to completion).',
    );
  }
  const own = ownLabels(target, renderedLabels(object));
  const plus = isPlusPodLike(target) ? target : undefined;
  const manifest = plus === undefined ? object.toJson() : undefined;
  const template = manifest === undefined ? undefined : podTemplateOf(manifest);
  const ports = dedupe(plus !== undefined ? plusPorts(plus) : renderedPorts(template?.spec.containers));
  const selector =
    kind === 'Pod'
      ? Object.keys(own).length > 0
        ? own
        : addressLabel(object)
      : workloadSelector(target, kind, plus, manifest);
  return { kind, name: object.name, namespace: object.metadata.namespace, labels: own, selector, ports };
}

/** A workload's `spec.selector.matchLabels`; like kubectl, refuses a selector with matchExpressions. */
function workloadSelector(
  target: IConstruct,
  kind: string,
  plus: PlusPodLike | undefined,
  manifest: unknown,
): Record<string, string> {
  const selector = isJsonObject(manifest) && isJsonObject(manifest.spec) ? manifest.spec.selector : undefined;
  const matchLabels = plus?.matchLabels ?? (isJsonObject(selector) ? selector.matchLabels : undefined);
  const expressions =
    plus?.matchExpressions ?? (isJsonObject(selector) ? selector.matchExpressions : undefined);
  if (Array.isArray(expressions) && expressions.length > 0) {
    throw new Error(
      `${target.node.path}: cannot expose a ${kind} whose selector has matchExpressions: a Service selects ` +
        'by labels only (kubectl expose refuses it too). Select its Pods with matchLabels.',
    );
  }
  const labels = isJsonObject(matchLabels) ? (matchLabels as Record<string, string>) : {};
  if (Object.keys(labels).length === 0) {
    throw new Error(
      `${target.node.path}: cannot expose a ${kind} without spec.selector.matchLabels: the Service would select no Pod. ` +
        'Give the workload a selector (cdk8s-plus does unless `select: false`).',
    );
  }
  return { ...labels };
}

/** Container ports of a cdk8s-plus Pod or workload, in container order. */
function plusPorts(plus: PlusPodLike): ExposedPort[] {
  const ports: ExposedPort[] = [];
  for (const container of plus.containers) {
    for (const p of container.ports)
      ports.push({ number: p.number, protocol: p.protocol ?? 'TCP', name: p.name });
  }
  return ports;
}

/** Container ports of a rendered Pod spec's `containers`. */
function renderedPorts(containers: unknown): ExposedPort[] {
  if (!Array.isArray(containers)) return [];
  return containers.flatMap(container =>
    isJsonObject(container) && Array.isArray(container.ports)
      ? container.ports.filter(isJsonObject).map(p => ({
          number: Number(p.containerPort),
          protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
          name: typeof p.name === 'string' ? p.name : undefined,
        }))
      : [],
  );
}

/**
 * One entry per port number and protocol, the first one's name kept: two containers on one port
 * are already an error on the Pod, and a repeated Service port would be another.
 */
function dedupe(ports: readonly ExposedPort[]): ExposedPort[] {
  const seen = new Set<string>();
  return ports.filter(p => {
    const key = `${p.protocol}/${p.number}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The labels given to the object itself: not cdk8s's address label, not the chart's labels
 * (every object of the chart carries those, so as a selector they would select its other Pods too).
 */
function ownLabels(target: IConstruct, labels: Record<string, string>): Record<string, string> {
  const chartLabels = Chart.of(target).labels;
  const own: Record<string, string> = {};
  for (const key of Object.keys(labels)) {
    const value = labels[key];
    if (key !== kplus.Pod.ADDRESS_LABEL && chartLabels[key] !== value) own[key] = value;
  }
  return own;
}

function addressLabel(object: ApiObject): Record<string, string> {
  const value = object.metadata.getLabel(kplus.Pod.ADDRESS_LABEL);
  return value === undefined ? {} : { [kplus.Pod.ADDRESS_LABEL]: value };
}
