import { forbidden } from './field-errors';
import type { JsonObject } from './json';
import { isJsonObject, isUnset, readObjects, readStringMap } from './json';
import { isDns1123Subdomain } from './names';
import { validatePodAnnotations } from './pod-annotations';
import type { ValidationError } from './problem';
import { error } from './report';

/**
 * What upstream checks on a Pod but not on a pod template (pkg/apis/core/validation):
 * `ValidatePodCreate` (no ephemeral containers on create; no nodeName while scheduling gates
 * remain), the Pod-name parts of `ValidateVolumes` (claim names of generic ephemeral volumes),
 * and the Pod's own `ValidatePodSpecificAnnotations` (templates get theirs in
 * `validatePodTemplateSpec`).
 */
export function validatePodCreate(pod: JsonObject, spec: JsonObject): ValidationError[] {
  const out: ValidationError[] = [];
  const metadata = isJsonObject(pod.metadata) ? pod.metadata : {};
  // Malformed annotations are reported by validateObjectMeta; only the readable ones matter here.
  validatePodAnnotations(
    readStringMap(metadata, 'annotations', '', []),
    'metadata.annotations',
    spec,
    'spec',
    out,
  );
  const ephemeral = spec.ephemeralContainers;
  if (Array.isArray(ephemeral) && ephemeral.length > 0) {
    out.push(
      error(
        'pod-ephemeral-containers-forbidden',
        'spec.ephemeralContainers',
        // field.Forbidden carries no value, and the list (after defaulting) would only repeat the input.
        undefined,
        forbidden('cannot be set on create'),
        'Remove spec.ephemeralContainers; add them to the running Pod with kubectl debug.',
      ),
    );
  }
  const gates = spec.schedulingGates;
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '' && Array.isArray(gates) && gates.length > 0) {
    out.push(
      error(
        'pod-node-name-scheduling-gates',
        'spec.nodeName',
        spec.nodeName,
        forbidden('cannot be set until all schedulingGates have been cleared'),
        'Remove spec.nodeName and let the scheduler place the Pod once its gates are removed, or remove spec.schedulingGates.',
      ),
    );
  }
  out.push(...ephemeralClaimNames(metadata, spec));
  return out;
}

/** Each generic ephemeral volume gets a claim named `<pod>-<volume>`, which must be a valid name and not mounted directly. */
function ephemeralClaimNames(metadata: JsonObject, spec: JsonObject): ValidationError[] {
  const podName = typeof metadata.name === 'string' ? metadata.name : '';
  const raw = spec.volumes;
  const hasEphemeral =
    Array.isArray(raw) && raw.some(volume => isJsonObject(volume) && !isUnset(volume, 'ephemeral'));
  if (podName === '' || !hasEphemeral) return [];
  const out: ValidationError[] = [];
  const volumes = readObjects(spec, 'volumes', 'spec.volumes', []);
  const created = new Set<string>();
  for (const { path, item } of volumes) {
    if (isUnset(item, 'ephemeral') || typeof item.name !== 'string' || item.name === '') continue;
    const claim = `${podName}-${item.name}`;
    created.add(claim);
    for (const reason of isDns1123Subdomain(claim)) {
      out.push(
        error(
          'volume-ephemeral-claim-name-invalid',
          `${path}.name`,
          item.name,
          `PVC name ${JSON.stringify(claim)}: ${reason}`,
          'Shorten the Pod or volume name: the claim is named <pod>-<volume>.',
        ),
      );
    }
  }
  for (const { path, item } of volumes) {
    const claim = item.persistentVolumeClaim;
    if (!isJsonObject(claim) || typeof claim.claimName !== 'string' || !created.has(claim.claimName))
      continue;
    out.push(
      error(
        'volume-claim-ephemeral-reference',
        `${path}.persistentVolumeClaim.claimName`,
        claim.claimName,
        'must not reference a PVC that gets created for an ephemeral volume',
        'Mount the ephemeral volume itself instead of its generated claim.',
      ),
    );
  }
  return out;
}
