import type { ContainerContext } from './container-details';
import { validateContainerDetails } from './container-details';
import { validateEnv } from './env';
import type { JsonObject } from './json';
import { INTEGER, isBlank, isUnset, readField, readObjects, STRING } from './json';
import { isDns1123Label, isValidPortName, isValidPortNum } from './names';
import { readProtocol } from './ports';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/** One entry of a container's `ports`, as later checks need it. */
export interface ContainerPortView {
  /** Field path of the entry, e.g. `spec.containers[0].ports[1]`. */
  readonly path: string;
  /** `containerPort`, when it is a valid port number. */
  readonly containerPort?: number;
  /** `hostPort`, when it is a valid non-zero port number. */
  readonly hostPort?: number;
  /** `hostIP`, or `""`. */
  readonly hostIP: string;
  /** `protocol` after defaulting to TCP. */
  readonly protocol: string;
  /** `name`, when set. */
  readonly name?: string;
}

/** One container, as later checks need it. */
export interface ContainerView {
  /** Field path of the container, e.g. `spec.initContainers[0]`. */
  readonly path: string;
  /** `name`, when set. */
  readonly name?: string;
  /** Its ports. */
  readonly ports: readonly ContainerPortView[];
}

/** Upstream `validateContainerPorts`: numbers, protocols and names unique within the container. */
function validatePorts(container: JsonObject, path: string, out: ValidationError[]): ContainerPortView[] {
  // Names seen, by the path of their first port; only where two ports could share one.
  let names: Map<string, string> | undefined;
  const entries = readObjects(container, 'ports', `${path}.ports`, out);
  return entries.map(({ path: portPath, item }) => {
    // Field paths are built only for problems: this runs for every port of every container.
    const name = readField(item, 'name', portPath, STRING, out) || undefined;
    const nameReasons = name === undefined ? [] : isValidPortName(name);
    const first = name === undefined ? undefined : names?.get(name);
    if (nameReasons.length > 0) {
      out.push(
        error(
          'container-port-name-invalid',
          `${portPath}.name`,
          name,
          reasons(nameReasons),
          "Use at most 15 lower-case letters, digits and single '-' (not first or last), with at least one letter.",
        ),
      );
    } else if (name !== undefined && first !== undefined) {
      out.push(
        error(
          'container-port-name-duplicate',
          `${portPath}.name`,
          name,
          `Duplicate value: port name ${JSON.stringify(name)} is already used by ${first} of this container`,
          'Give each port of a container its own name.',
        ),
      );
    } else if (name !== undefined && entries.length > 1) {
      names ??= new Map();
      names.set(name, portPath);
    }

    const containerPort = readField(item, 'containerPort', portPath, INTEGER, out);
    if (containerPort === 0 || isUnset(item, 'containerPort')) {
      const portField = `${portPath}.containerPort`;
      out.push(
        error(
          'container-port-required',
          portField,
          containerPort,
          'Required value: every container port needs the port number the process listens on',
          `Set ${portField} to a port between 1 and 65535.`,
        ),
      );
    }
    const portReasons = containerPort ? isValidPortNum(containerPort) : [];
    if (portReasons.length > 0) {
      const portField = `${portPath}.containerPort`;
      out.push(
        error(
          'container-port-invalid',
          portField,
          containerPort,
          reasons(portReasons),
          `Set ${portField} to a port between 1 and 65535.`,
        ),
      );
    }

    // hostPort 0 means "no host port".
    const hostPort = readField(item, 'hostPort', portPath, INTEGER, out) || undefined;
    const hostReasons = hostPort === undefined ? [] : isValidPortNum(hostPort);
    if (hostReasons.length > 0) {
      const hostField = `${portPath}.hostPort`;
      out.push(
        error(
          'container-host-port-invalid',
          hostField,
          hostPort,
          reasons(hostReasons),
          `Set ${hostField} to a port between 1 and 65535, or remove it.`,
        ),
      );
    }

    return {
      path: portPath,
      containerPort: portReasons.length === 0 && containerPort ? containerPort : undefined,
      hostPort: hostReasons.length === 0 ? hostPort : undefined,
      hostIP: readField(item, 'hostIP', portPath, STRING, out) ?? '',
      protocol: readProtocol(item, portPath, 'container-port-protocol-unsupported', out),
      name: nameReasons.length === 0 ? name : undefined,
    };
  });
}

/**
 * Upstream `validateContainerCommon` for one container: name, image, ports and env; with a
 * `context`, every other container rule too (lib/rules/container-details.ts). Pod-wide checks
 * (unique names, port conflicts) use the returned view.
 */
export function validateContainer(
  container: JsonObject,
  path: string,
  out: ValidationError[],
  context?: ContainerContext,
): ContainerView {
  if (isBlank(container, 'name')) {
    const nameField = `${path}.name`;
    out.push(
      error('container-name-required', nameField, container.name, 'Required value', `Set ${nameField}.`),
    );
  }
  const name = readField(container, 'name', path, STRING, out) || undefined;
  const nameReasons = name === undefined ? [] : isDns1123Label(name);
  if (nameReasons.length > 0) {
    const nameField = `${path}.name`;
    out.push(
      error(
        'container-name-invalid',
        nameField,
        name,
        reasons(nameReasons),
        'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.',
      ),
    );
  }
  validateImage(container, path, out);
  const ports = validatePorts(container, path, out);
  out.push(...validateEnv(container, path));
  if (context !== undefined) validateContainerDetails(container, path, context, out);
  return { path, name, ports };
}

/**
 * Upstream: an image is required (`validateContainerCommon`), and a Pod's images may not have
 * leading or trailing blanks (`validateContainerOnlyForPod`). The blanks are also reported in
 * workload templates, where the API server lets them through: the controller's Pods would be refused.
 */
function validateImage(container: JsonObject, path: string, out: ValidationError[]): void {
  if (isBlank(container, 'image')) {
    const imageField = `${path}.image`;
    out.push(
      error(
        'container-image-required',
        imageField,
        container.image,
        'Required value',
        `Set ${imageField} to an image reference, e.g. "nginx:1.25".`,
      ),
    );
  }
  const image = readField(container, 'image', path, STRING, out);
  if (image !== undefined && image !== image.trim()) {
    const imageField = `${path}.image`;
    out.push(
      error(
        'container-image-whitespace',
        imageField,
        image,
        'must not have leading or trailing whitespace',
        `Remove the blanks around ${imageField}.`,
      ),
    );
  }
}
