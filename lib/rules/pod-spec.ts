import type { ContainerPortView, ContainerView } from './container';
import { validateContainer } from './container';
import { duplicates } from './duplicates';
import type { JsonObject } from './json';
import { isUnset, readObjects } from './json';
import { validateLabels } from './labels';
import { deprecatedNodeSelectorLabels } from './node-selector';
import { validatePodLevel } from './pod-level';
import type { ValidationError } from './problem';
import { error } from './report';

/** A Pod spec's containers, validated one by one. */
export interface PodContainers {
  /** `<spec>.containers`. */
  readonly regular: readonly ContainerView[];
  /** `<spec>.initContainers`. */
  readonly init: readonly ContainerView[];
  /** Containers that run side by side: regular ones plus sidecars (init containers with `restartPolicy: Always`). */
  readonly serving: readonly ContainerView[];
}

/** Reads and validates every container and init container of a Pod spec found at `specPath`. */
export function readPodContainers(spec: JsonObject, specPath: string, out: ValidationError[]): PodContainers {
  const regular = readObjects(spec, 'containers', `${specPath}.containers`, out).map(({ path, item }) =>
    validateContainer(item, path, out),
  );
  const initEntries = readObjects(spec, 'initContainers', `${specPath}.initContainers`, out);
  const init = initEntries.map(({ path, item }) => validateContainer(item, path, out));
  // Sidecars keep running next to the regular containers, so they share ports with them.
  const sidecars = init.filter((_, i) => initEntries[i]?.item.restartPolicy === 'Always');
  return { regular, init, serving: [...regular, ...sidecars] };
}

interface OwnedPort {
  readonly container: ContainerView;
  readonly port: ContainerPortView;
}

const portsOf = (containers: readonly ContainerView[]): OwnedPort[] =>
  containers.flatMap(container => container.ports.map(port => ({ container, port })));

const containerLabel = (container: ContainerView): string =>
  container.name === undefined ? container.path : JSON.stringify(container.name);

/** Upstream `validateContainers`/`validateInitContainers`: names unique across both lists; the later one is reported. */
function duplicateNames(pod: PodContainers): ValidationError[] {
  return duplicates([...pod.regular, ...pod.init], container => container.name).map(([first, repeat]) =>
    error(
      'container-name-duplicate',
      `${repeat.path}.name`,
      repeat.name,
      `Duplicate value: container name ${JSON.stringify(repeat.name)} is already used by ${first.path}; names must be unique across containers and initContainers`,
      'Rename one of the two containers.',
    ),
  );
}

/**
 * Upstream `checkHostPortConflicts`: one hostPort + protocol + hostIP per node. Regular containers are
 * checked together; each init container on its own, since init containers run one after another.
 */
function hostPortConflicts(pod: PodContainers): ValidationError[] {
  const groups = [pod.regular, ...pod.init.map(container => [container])];
  return groups.flatMap(group =>
    duplicates(portsOf(group), ({ port }) =>
      port.hostPort === undefined ? undefined : `${port.protocol}/${port.hostIP}/${port.hostPort}`,
    ).map(([first, repeat]) =>
      error(
        'pod-host-port-conflict',
        `${repeat.port.path}.hostPort`,
        repeat.port.hostPort,
        `Duplicate value: "${repeat.port.protocol}/${repeat.port.hostIP}/${repeat.port.hostPort}" is already claimed by ${first.port.path}; a host port can be bound only once per node`,
        'Use a different hostPort, hostIP or protocol for one of the two ports.',
      ),
    ),
  );
}

/**
 * Beyond the API server: containers of a Pod share one network namespace, so two of them cannot both
 * listen on the same port + protocol; the second process fails to bind at runtime.
 */
function containerPortConflicts(pod: PodContainers): ValidationError[] {
  return duplicates(portsOf(pod.serving), ({ port }) =>
    port.containerPort === undefined ? undefined : `${port.protocol}/${port.containerPort}`,
  )
    .filter(([first, repeat]) => first.container !== repeat.container)
    .map(([first, repeat]) =>
      error(
        'pod-container-port-conflict',
        `${repeat.port.path}.containerPort`,
        repeat.port.containerPort,
        `containers ${containerLabel(first.container)} and ${containerLabel(repeat.container)} both listen on port ${repeat.port.containerPort}/${repeat.port.protocol}; containers of a Pod share one network namespace, so only one of them can bind it`,
        `Move one of the two containers to a different port, or run them in separate Pods.`,
      ),
    );
}

/**
 * Upstream `ValidatePodSpec` (pkg/apis/core/validation) for a Pod spec at `specPath`: `spec` for a
 * Pod, `spec.template.spec` for a workload's template. Written once, so every rule reports the
 * right path for every kind.
 */
export function validatePodSpec(spec: JsonObject, specPath: string): ValidationError[] {
  const out: ValidationError[] = [];
  const raw = spec.containers;
  if (isUnset(spec, 'containers') || (Array.isArray(raw) && raw.length === 0)) {
    out.push(
      error(
        'pod-containers-required',
        `${specPath}.containers`,
        raw,
        'Required value: a Pod needs at least one container',
        `Add a container to ${specPath}.containers.`,
      ),
    );
  }
  const containers = readPodContainers(spec, specPath, out);
  return [
    ...out,
    ...duplicateNames(containers),
    ...hostPortConflicts(containers),
    ...containerPortConflicts(containers),
    ...validateLabels(spec, 'nodeSelector', `${specPath}.nodeSelector`),
    ...deprecatedNodeSelectorLabels(spec, specPath),
    ...validatePodLevel(spec, specPath, containers),
  ];
}
