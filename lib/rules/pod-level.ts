import { validatePodDns } from './dns';
import { validateHostAliases } from './host-aliases';
import { validateHostNetworkPorts } from './host-network';
import type { JsonObject } from './json';
import { OBJECT, read } from './json';
import { validateNodeAffinity } from './node-affinity';
import { validatePodAffinity } from './pod-affinity';
import { validatePodFields } from './pod-fields';
import { validatePodGates } from './pod-gates';
import { validatePodOS } from './pod-os';
import { validatePodSecurityContext } from './pod-security-context';
import type { PodContainers } from './pod-spec';
import type { ValidationError } from './problem';
import { validateTolerations } from './tolerations';
import { validateTopologySpread } from './topology-spread';
import { validateWindowsHostProcess } from './windows-host-process';

/**
 * The pod-level parts of upstream `ValidatePodSpec` (pkg/apis/core/validation, 1.28) for a Pod spec
 * at `specPath`: policies and names, DNS, the pod security context, host network ports, gates, host
 * aliases, tolerations, affinity, topology spread, Windows HostProcess and the OS field. Every rule
 * treats an absent field as its v1 default, so defaulted and raw manifests get the same verdict.
 * Problems are appended to `out` (a new list when not given), which is returned.
 */
export function validatePodLevel(
  spec: JsonObject,
  specPath: string,
  containers: PodContainers,
  out: ValidationError[] = [],
): ValidationError[] {
  validatePodFields(spec, specPath, out);
  validatePodDns(spec, specPath, out);
  validatePodSecurityContext(spec, specPath, out);
  validateHostNetworkPorts(spec, containers.regular, out);
  validateWindowsHostProcess(spec, specPath, out);
  // Most Pods set none of the fields below: skip them without building a single path.
  if (spec.readinessGates != null || spec.schedulingGates != null) validatePodGates(spec, specPath, out);
  if (spec.hostAliases != null) validateHostAliases(spec, specPath, out);
  if (spec.tolerations != null) validateTolerations(spec, specPath, out);
  if (spec.affinity != null) {
    const affinityPath = `${specPath}.affinity`;
    const affinity = read(spec, 'affinity', affinityPath, OBJECT, out);
    if (affinity !== undefined) {
      validateNodeAffinity(affinity, affinityPath, out);
      validatePodAffinity(affinity, affinityPath, out);
    }
  }
  if (spec.topologySpreadConstraints != null) validateTopologySpread(spec, specPath, out);
  if (spec.os != null) validatePodOS(spec, specPath, out);
  return out;
}
