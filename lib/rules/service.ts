import { duplicates } from './duplicates';
import type { JsonObject } from './json';
import {
  INTEGER,
  isBlank,
  isJsonObject,
  isUnset,
  OBJECT,
  read,
  readField,
  readObjects,
  STRING,
  typeError,
} from './json';
import { validateLabels } from './labels';
import type { NameFormat } from './metadata';
import { validateObjectMeta } from './metadata';
import { isDns1035Label, isDns1123Label, isValidPortName, isValidPortNum } from './names';
import type { PortRange, RuleOptions } from './options';
import { DEFAULT_NODE_PORT_RANGE } from './options';
import { readProtocol } from './ports';
import type { ValidationError } from './problem';
import { error, reasons, unsupported } from './report';
import { validateServiceFields } from './service-fields';
import { TRAFFIC_POLICIES } from './service-traffic-policy';

/** Service names are DNS-1035 labels (upstream `ValidateServiceName`): they become DNS names and env var prefixes. */
export const SERVICE_NAME_FORMAT: NameFormat = {
  check: isDns1035Label,
  fix: "Use at most 63 lower-case alphanumerics or '-', starting with a letter and ending alphanumeric.",
};

/** Service types the API server accepts. */
export const SERVICE_TYPES: readonly string[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/** Values the API server accepts for `spec.externalTrafficPolicy`. */
export const EXTERNAL_TRAFFIC_POLICIES: readonly string[] = TRAFFIC_POLICIES;

// Types whose ports get a node port from the allocator.
const NODE_PORT_TYPES: readonly string[] = ['NodePort', 'LoadBalancer'];

/** One entry of a Service's `spec.ports`, as later checks need it. */
export interface ServicePortView {
  /** Field path of the entry, e.g. `spec.ports[0]`. */
  readonly path: string;
  /** The entry as written. */
  readonly item: JsonObject;
  /** `name`, when set. */
  readonly name?: string;
  /** `port` as written, when an integer. */
  readonly port?: number;
  /** `protocol` after defaulting to TCP. */
  readonly protocol: string;
  /** `targetPort` after defaulting to `port`, when valid. */
  readonly targetPort?: number | string;
  /** `nodePort`, when a non-zero integer. */
  readonly nodePort?: number;
}

/** A Service, as later checks need it. */
export interface ServiceView {
  /** `spec.type` after defaulting to ClusterIP. */
  readonly type: string;
  /** `spec.ports`. */
  readonly ports: readonly ServicePortView[];
}

const targetPortField = (path: string): string => `${path}.targetPort`;

/** Upstream `ValidatePortNumOrName` after defaulting: 0 and "" mean "same as port". */
function readTargetPort(
  item: JsonObject,
  path: string,
  port: number | undefined,
  out: ValidationError[],
): number | string | undefined {
  // One read of the field: unset, null, "" and 0 all mean "same as port".
  const raw = item.targetPort;
  const defaulted =
    raw === undefined || raw === null || raw === '' || raw === 0 || !Object.hasOwn(item, 'targetPort');
  const value = defaulted ? port : raw;
  if (value === undefined) return undefined;
  const problems =
    typeof value === 'string'
      ? isValidPortName(value)
      : Number.isInteger(value)
        ? isValidPortNum(Number(value))
        : undefined;
  if (problems === undefined) {
    out.push(typeError(targetPortField(path), value, 'an integer or a string'));
    return undefined;
  }
  if (problems.length === 0) return typeof value === 'string' ? value : Number(value);
  // A defaulted targetPort inherits an invalid port, which is already reported on `port`.
  if (!defaulted) {
    out.push(
      error(
        'service-target-port-invalid',
        targetPortField(path),
        value,
        reasons(problems),
        `Set ${targetPortField(path)} to a port number between 1 and 65535 or to the name of a container port.`,
      ),
    );
  }
  return undefined;
}

/** Reads `nodePort`: forbidden on ClusterIP, and within the allocator's range where one is allocated. */
function readNodePort(
  item: JsonObject,
  path: string,
  type: string,
  range: PortRange,
  out: ValidationError[],
): number | undefined {
  // 0 asks the allocator to pick a port.
  const nodePort = readField(item, 'nodePort', path, INTEGER, out) || undefined;
  if (nodePort === undefined) return undefined;
  const field = `${path}.nodePort`;
  if (type === 'ClusterIP') {
    out.push(
      error(
        'service-node-port-forbidden',
        field,
        nodePort,
        "Forbidden: may not be used when `type` is 'ClusterIP'",
        `Remove ${field}, or set spec.type to NodePort or LoadBalancer.`,
      ),
    );
  }
  if (NODE_PORT_TYPES.includes(type) && (nodePort < range.min || nodePort > range.max)) {
    out.push(
      error(
        'service-node-port-out-of-range',
        field,
        nodePort,
        `provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max} (the node port allocator's range, set by kube-apiserver --service-node-port-range)`,
        `Pick a nodePort between ${range.min} and ${range.max}, or omit it to let the cluster allocate one.`,
      ),
    );
  }
  return nodePort;
}

/** Upstream `validateServicePort` for each port, plus the nodePort checks of `ValidateService` and the allocator. */
function readPorts(
  spec: JsonObject,
  type: string,
  range: PortRange,
  out: ValidationError[],
): ServicePortView[] {
  const entries = readObjects(spec, 'ports', 'spec.ports', out);
  return entries.map(({ path, item }) => {
    // Field paths are built only for problems: this runs for every port of every Service.
    const name = readField(item, 'name', path, STRING, out) || undefined;
    if (name === undefined && entries.length > 1 && isBlank(item, 'name')) {
      const nameField = `${path}.name`;
      out.push(
        error(
          'service-port-name-required',
          nameField,
          item.name,
          'Required value: every port of a Service with more than one port needs a name',
          `Set ${nameField}, e.g. "http".`,
        ),
      );
    }
    const nameReasons = name === undefined ? [] : isDns1123Label(name);
    if (nameReasons.length > 0) {
      out.push(
        error(
          'service-port-name-invalid',
          `${path}.name`,
          name,
          reasons(nameReasons),
          "Use at most 63 lower-case alphanumerics or '-' (no dots) that start and end alphanumeric.",
        ),
      );
    }
    const port = readField(item, 'port', path, INTEGER, out);
    const portReasons = isValidPortNum(port ?? 0);
    if (portReasons.length > 0) {
      const portField = `${path}.port`;
      out.push(
        error(
          'service-port-invalid',
          portField,
          port,
          reasons(portReasons),
          `Set ${portField} to a port between 1 and 65535.`,
        ),
      );
    }
    const protocol = readProtocol(item, path, 'service-port-protocol-unsupported', out);
    const targetPort = readTargetPort(item, path, port, out);
    const nodePort = readNodePort(item, path, type, range, out);
    return { path, item, name, port, protocol, targetPort, nodePort };
  });
}

/** Upstream: port names, port + protocol and nodePort + protocol pairs are each unique within a Service. */
function duplicatePorts(ports: readonly ServicePortView[]): ValidationError[] {
  const names = duplicates(ports, port => port.name).map(([first, repeat]) =>
    error(
      'service-port-name-duplicate',
      `${repeat.path}.name`,
      repeat.name,
      `Duplicate value: port name ${JSON.stringify(repeat.name)} is already used by ${first.path}`,
      'Give each port of the Service its own name.',
    ),
  );
  const numbers = duplicates(ports, port => `${port.protocol}/${port.port ?? 0}`).map(([first, repeat]) =>
    error(
      'service-port-duplicate',
      repeat.path,
      repeat.item,
      `Duplicate value: port ${repeat.port ?? 0}/${repeat.protocol} is already exposed by ${first.path}`,
      'Remove the repeated port, or change its port or protocol.',
    ),
  );
  const nodePorts = duplicates(ports, port =>
    port.nodePort === undefined ? undefined : `${port.protocol}/${port.nodePort}`,
  ).map(([first, repeat]) =>
    error(
      'service-node-port-duplicate',
      `${repeat.path}.nodePort`,
      repeat.nodePort,
      `Duplicate value: nodePort ${repeat.nodePort}/${repeat.protocol} is already used by ${first.path}; ports may share a nodePort number only with different protocols (e.g. TCP and UDP)`,
      'Give each port + protocol its own nodePort, or omit nodePort to let the cluster allocate one.',
    ),
  );
  return [...names, ...numbers, ...nodePorts];
}

/** Reads and validates a Service spec; returns what whole-app checks need. */
export function readService(service: JsonObject, options: RuleOptions, out: ValidationError[]): ServiceView {
  const spec = read(service, 'spec', 'spec', OBJECT, out) ?? {};
  // Defaulting turns an empty type into ClusterIP before validation runs.
  const type = read(spec, 'type', 'spec.type', STRING, out) || 'ClusterIP';
  if (!SERVICE_TYPES.includes(type)) {
    out.push(
      error(
        'service-type-unsupported',
        'spec.type',
        type,
        unsupported(SERVICE_TYPES),
        'Set spec.type to ClusterIP, NodePort, LoadBalancer or ExternalName, or omit it for ClusterIP.',
      ),
    );
  }
  const clusterIPs = spec.clusterIPs;
  const headless = spec.clusterIP === 'None' || (Array.isArray(clusterIPs) && clusterIPs[0] === 'None');
  const rawPorts = spec.ports;
  const noPorts = isUnset(spec, 'ports') || (Array.isArray(rawPorts) && rawPorts.length === 0);
  if (noPorts && !headless && type !== 'ExternalName') {
    out.push(
      error(
        'service-ports-required',
        'spec.ports',
        rawPorts,
        'Required value: a Service needs at least one port unless it is headless (clusterIP: None) or of type ExternalName',
        'Add a port to spec.ports.',
      ),
    );
  }
  const ports = readPorts(spec, type, options.nodePortRange ?? DEFAULT_NODE_PORT_RANGE, out);
  out.push(...duplicatePorts(ports));
  out.push(...validateLabels(spec, 'selector', 'spec.selector'));
  return { type, ports };
}

/** Validates a v1 Service manifest: metadata, type, ports, node ports, selector, cluster IPs and the type-specific fields. */
export function validateService(service: JsonObject, options: RuleOptions = {}): ValidationError[] {
  const out = validateObjectMeta(service, SERVICE_NAME_FORMAT);
  const { type, ports } = readService(service, options, out);
  // Then the fields beyond type, ports and selector: cluster IPs, load balancer, traffic policies, ….
  validateServiceFields(service, isJsonObject(service.spec) ? service.spec : {}, type, ports, out);
  return out;
}
