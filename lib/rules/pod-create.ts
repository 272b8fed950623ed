import { forbidden } from './field-errors';
import type { JsonObject } from './json';
import { isJsonObject, isUnset, readObjects } from './json';
import { isDns1123Subdomain } from './names';
import type { ValidationError } from './problem';
import { error } from './report';
import { validateSecurityAnnotations } from './security-annotations';

/**
 * The rules only a Pod (not a workload's template) meets on create (pkg/apis/core/validation:
 * `ValidatePodCreate`, `validatePodMetadataAndSpec`, and the Pod-name parts of `ValidateVolumes`):
 * no ephemeral containers yet, claim names of generic ephemeral volumes, and the security annotations.
 */
export function validatePodCreate(pod: JsonObject, spec: JsonObject): ValidationError[] {
  const out: ValidationError[] = [];
  const metadata = isJsonObject(pod.metadata) ? pod.metadata : {};
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
    out.push(
      error(
        'pod-ephemeral-containers-forbidden',
        'spec.ephemeralContainers',
        undefined,
        forbidden('cannot be set on create'),
        'Remove spec.ephemeralContainers; add them to the running Pod with kubectl debug.',
      ),
    );
  }
  const podName = typeof metadata.name === 'string' ? metadata.name : '';
  const raw = spec.volumes;
  const hasEphemeral =
    Array.isArray(raw) && raw.some(volume => isJsonObject(volume) && !isUnset(volume, 'ephemeral'));
  const volumes = hasEphemeral ? readObjects(spec, 'volumes', 'spec.volumes', []) : [];
  // Each generic ephemeral volume gets a claim named <pod>-<volume>.
  const created = new Set<string>();
  for (const { path, item } of podName === '' ? [] : volumes) {
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
  for (const { path, item } of created.size === 0 ? [] : volumes) {
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
  out.push(...validateSecurityAnnotations(metadata, 'metadata.annotations', spec, 'spec'));
  return out;
}
