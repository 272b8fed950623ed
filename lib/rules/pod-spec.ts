import type { ContainerPortView, ContainerView } from './container';
import { validateContainer } from './container';
import type { ContainerContext } from './container-details';
import { duplicates } from './duplicates';
import { validateEphemeralContainers } from './ephemeral-containers';
import type { JsonObject } from './json';
import { isUnset, readObjects } from './json';
import { validateLabels } from './labels';
import { deprecatedNodeSelectorLabels } from './node-selector';
import { validatePodLevel } from './pod-level';
import type { ValidationError } from './problem';
import { error } from './report';
import type { VolumeIndex } from './volumes';
import { validateVolumes } from './volumes';

/** A Pod spec's containers, validated one by one. */
export interface PodContainers {
  /** `<spec>.containers`. */
  readonly regular: readonly ContainerView[];
  /** `<spec>.initContainers`. */
  readonly init: readonly ContainerView[];
  /** Containers that run side by side: regular ones plus sidecars (init containers with `restartPolicy: Always`). */
  readonly serving: readonly ContainerView[];
}

/**
 * Reads and validates every container and init container of a Pod spec found at `specPath`; with
 * the Pod's `volumes`, every container rule runs, else only those that read names and ports.
 */
export function readPodContainers(
  spec: JsonObject,
  specPath: string,
  out: ValidationError[],
  volumes?: VolumeIndex,
): PodContainers {
  const regularContext: ContainerContext | undefined = volumes && { kind: 'container', volumes };
  const regular = readObjects(spec, 'containers', `${specPath}.containers`, out).map(({ path, item }) =>
    validateContainer(item, path, out, regularContext),
  );
  if (isUnset(spec, 'initContainers')) return { regular, init: [], serving: regular };
  const initContext: ContainerContext | undefined = volumes && { kind: 'init', volumes };
  const initEntries = readObjects(spec, 'initContainers', `${specPath}.initContainers`, out);
  const init = initEntries.map(({ path, item }) => validateContainer(item, path, out, initContext));
  // Sidecars keep running next to the regular containers, so they share ports with them.
  const sidecars = init.filter((_, i) => initEntries[i]?.item.restartPolicy === 'Always');
  return { regular, init, serving: sidecars.length === 0 ? regular : [...regular, ...sidecars] };
}

interface OwnedPort {
  readonly container: ContainerView;
  readonly port: ContainerPortView;
}

function portsOf(containers: readonly ContainerView[]): OwnedPort[] {
  let total = 0;
  for (const container of containers) total += container.ports.length;
  // Sized up front: a list grown by push starts at 16 slots.
  const owned = new Array<OwnedPort>(total);
  let count = 0;
  for (const container of containers)
    for (const port of container.ports) owned[count++] = { container, port };
  return owned;
}

const containerLabel = (container: ContainerView): string =>
  container.name === undefined ? container.path : JSON.stringify(container.name);

/** Upstream `validateContainers`/`validateInitContainers`: names unique across both lists; the later one is reported. */
function duplicateNames(pod: PodContainers, out: ValidationError[]): void {
  const all = pod.init.length === 0 ? pod.regular : [...pod.regular, ...pod.init];
  for (const [first, repeat] of duplicates(all, container => container.name)) {
    out.push(
      error(
        'container-name-duplicate',
        `${repeat.path}.name`,
        repeat.name,
        `Duplicate value: container name ${JSON.stringify(repeat.name)} is already used by ${first.path}; names must be unique across containers and initContainers`,
        'Rename one of the two containers.',
      ),
    );
  }
}

/**
 * Upstream `checkHostPortConflicts`: one hostPort + protocol + hostIP per node. Regular containers are
 * checked together; each init container on its own, since init containers run one after another.
 */
function hostPortConflicts(pod: PodContainers, out: ValidationError[]): void {
  // Only regular containers can conflict with each other; an init container has to have two ports.
  let regular = 0;
  for (const container of pod.regular) regular += hostPortCount(container);
  if (regular > 1) hostPortRepeats(pod.regular, out);
  for (const container of pod.init) if (hostPortCount(container) > 1) hostPortRepeats([container], out);
}

function hostPortCount(container: ContainerView): number {
  let count = 0;
  for (const port of container.ports) if (port.hostPort !== undefined) count++;
  return count;
}

/** The host ports of `group` claimed twice. */
function hostPortRepeats(group: readonly ContainerView[], out: ValidationError[]): void {
  for (const [first, repeat] of duplicates(portsOf(group), ({ port }) =>
    port.hostPort === undefined ? undefined : `${port.protocol}/${port.hostIP}/${port.hostPort}`,
  )) {
    out.push(
      error(
        'pod-host-port-conflict',
        `${repeat.port.path}.hostPort`,
        repeat.port.hostPort,
        `Duplicate value: "${repeat.port.protocol}/${repeat.port.hostIP}/${repeat.port.hostPort}" is already claimed by ${first.port.path}; a host port can be bound only once per node`,
        'Use a different hostPort, hostIP or protocol for one of the two ports.',
      ),
    );
  }
}

/**
 * Beyond the API server: containers of a Pod share one network namespace, so two of them cannot both
 * listen on the same port + protocol; the second process fails to bind at runtime.
 */
function containerPortConflicts(pod: PodContainers, out: ValidationError[]): void {
  // One serving container cannot clash with itself here (validatePorts has no such rule either).
  let withPorts = 0;
  for (const container of pod.serving) if (container.ports.length > 0) withPorts++;
  if (withPorts < 2) return;
  for (const [first, repeat] of duplicates(portsOf(pod.serving), ({ port }) =>
    port.containerPort === undefined ? undefined : `${port.protocol}/${port.containerPort}`,
  )) {
    if (first.container === repeat.container) continue;
    out.push(
      error(
        'pod-container-port-conflict',
        `${repeat.port.path}.containerPort`,
        repeat.port.containerPort,
        `containers ${containerLabel(first.container)} and ${containerLabel(repeat.container)} both listen on port ${repeat.port.containerPort}/${repeat.port.protocol}; containers of a Pod share one network namespace, so only one of them can bind it`,
        `Move one of the two containers to a different port, or run them in separate Pods.`,
      ),
    );
  }
}

/**
 * Upstream `ValidatePodSpec` (pkg/apis/core/validation) for a Pod spec at `specPath`: `spec` for a
 * Pod, `spec.template.spec` for a workload's template. Written once, so every rule reports the
 * right path for every kind. `claimVolumes` are the volumes a StatefulSet adds from its
 * `volumeClaimTemplates`.
 */
export function validatePodSpec(
  spec: JsonObject,
  specPath: string,
  claimVolumes: readonly string[] = [],
): ValidationError[] {
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
  const volumes = withClaimVolumes(validateVolumes(spec, specPath, out), claimVolumes);
  const containers = readPodContainers(spec, specPath, out, volumes);
  if (!isUnset(spec, 'ephemeralContainers')) {
    validateEphemeralContainers(spec, specPath, [...containers.regular, ...containers.init], volumes, out);
  }
  // Pod-wide problems follow the per-part ones, in this order.
  duplicateNames(containers, out);
  hostPortConflicts(containers, out);
  containerPortConflicts(containers, out);
  if (!isUnset(spec, 'nodeSelector')) {
    out.push(...validateLabels(spec, 'nodeSelector', `${specPath}.nodeSelector`));
    out.push(...deprecatedNodeSelectorLabels(spec, specPath));
  }
  validatePodLevel(spec, specPath, containers, out);
  return out;
}

/**
 * A StatefulSet's controller adds a `persistentVolumeClaim` volume to each Pod for every
 * `volumeClaimTemplates` entry (upstream statefulset `updateStorage`), so its template may mount
 * volumes it does not list itself.
 */
function withClaimVolumes(volumes: VolumeIndex, claimVolumes: readonly string[]): VolumeIndex {
  if (claimVolumes.length === 0) return volumes;
  const index = new Map(volumes);
  for (const name of claimVolumes) index.set(name, 'persistentVolumeClaim');
  return index;
}
