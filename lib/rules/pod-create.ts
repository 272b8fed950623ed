import { forbidden } from './field-error';
import type { JsonObject } from './json';
import { isJsonObject, readStringMap } from './json';
import { validatePodAnnotations } from './pod-annotations';
import type { ValidationError } from './problem';
import { error } from './report';

/**
 * What upstream checks on a Pod but not on a pod template: `ValidatePodCreate` (no ephemeral
 * containers on create; no nodeName while scheduling gates remain) and the Pod's own
 * `ValidatePodSpecificAnnotations` (templates get theirs in `validatePodTemplateSpec`).
 */
export function validatePodOnly(pod: JsonObject, spec: JsonObject): ValidationError[] {
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
        ephemeral,
        forbidden('cannot be set on create'),
        'Remove spec.ephemeralContainers; add ephemeral containers to the running Pod with kubectl debug.',
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
  return out;
}
