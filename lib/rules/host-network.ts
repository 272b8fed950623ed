import type { ContainerView } from './container';
import type { JsonObject } from './json';
import type { ValidationError } from './problem';
import { error } from './report';

/**
 * Upstream `validatePodHostNetworkDeps` (1.28, with DefaultHostNetworkHostPortsInPodTemplates off):
 * with `hostNetwork: true` a container port's hostPort, when set, must equal its containerPort.
 * An unset hostPort passes either way: a Pod's is defaulted to the containerPort, a template's may stay 0.
 * Only regular containers are checked, as upstream does.
 */
export function validateHostNetworkPorts(
  spec: JsonObject,
  containers: readonly ContainerView[],
  out: ValidationError[],
): void {
  if (spec.hostNetwork !== true) return;
  for (const container of containers) {
    for (const port of container.ports) {
      if (port.hostPort === undefined || port.containerPort === undefined) continue;
      if (port.hostPort === port.containerPort) continue;
      out.push(
        error(
          'pod-host-network-host-port-mismatch',
          `${port.path}.hostPort`,
          port.hostPort,
          'must match `containerPort` when `hostNetwork` is true',
          `Remove ${port.path}.hostPort or set it to ${port.containerPort}; with hostNetwork the container binds the node's port directly.`,
        ),
      );
    }
  }
}
