import type { JsonObject } from './json';
import { OBJECT, read } from './json';
import type { NameFormat } from './metadata';
import { SUBDOMAIN_NAME_FORMAT, validateObjectMeta } from './metadata';
import { validatePodCreate } from './pod-create';
import { validatePodSpec } from './pod-spec';
import type { ValidationError } from './problem';

/** Pod names are DNS-1123 subdomains (upstream `ValidatePodName`). */
export const POD_NAME_FORMAT: NameFormat = SUBDOMAIN_NAME_FORMAT;

/** Validates a v1 Pod manifest: metadata, containers, ports, env and node selector. */
export function validatePod(pod: JsonObject): ValidationError[] {
  const out = validateObjectMeta(pod, POD_NAME_FORMAT);
  const spec = read(pod, 'spec', 'spec', OBJECT, out) ?? {};
  out.push(...validatePodSpec(spec, 'spec'));
  out.push(...validatePodCreate(pod, spec));
  return out;
}
