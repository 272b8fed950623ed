import type { JsonObject } from './json';
import { readObjects } from './json';
import type { ValidationError } from './problem';
import { error } from './report';

/**
 * Upstream `validatePodHostNetworkDeps` (1.28): with `hostNetwork: true` a container port is a port
 * of the node, so `hostPort` must equal `containerPort`. A Pod's unset hostPort defaults to the
 * container port before validation; a workload template may leave it unset (its Pods get the default).
 * Like upstream, only regular containers are checked.
 */
export function validateHostNetworkPorts(spec: JsonObject, specPath: string): ValidationError[] {
  if (spec.hostNetwork !== true) return [];
  const out: ValidationError[] = [];
  for (const { path, item } of readObjects(spec, 'containers', `${specPath}.containers`, [])) {
    for (const { path: portPath, item: port } of readObjects(item, 'ports', `${path}.ports`, [])) {
      const hostPort = port.hostPort;
      if (hostPort === undefined || hostPort === null || hostPort === 0 || hostPort === port.containerPort)
        continue;
      if (!Number.isInteger(hostPort)) continue;
      out.push(
        error(
          'pod-host-network-host-port-mismatch',
          `${portPath}.hostPort`,
          hostPort,
          'must match `containerPort` when `hostNetwork` is true',
          `Remove ${portPath}.hostPort or set it to the containerPort (${String(port.containerPort)}): a hostNetwork Pod listens on the node's ports directly.`,
        ),
      );
    }
  }
  return out;
}
