import { required } from './field-error';
import type { JsonObject } from './json';
import { OBJECT, read, readObjects, STRING } from './json';
import { readStrings } from './json-lists';
import { readLabelSelector } from './label-selector';
import { isDns1123Label, isQualifiedName } from './names';
import { validateWeight } from './node-affinity';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/**
 * Upstream `validatePodAffinityTerm`: label and namespace selectors, namespace names, and a
 * topologyKey that is set and a label name. Upstream reports namespace problems at
 * `<term>.namespace` (singular), and an empty topologyKey both as required and as an invalid name.
 */
function validateTerm(term: JsonObject, path: string, out: ValidationError[]): void {
  readLabelSelector(term, 'labelSelector', `${path}.labelSelector`, out);
  readLabelSelector(term, 'namespaceSelector', `${path}.namespaceSelector`, out);
  for (const { value } of readStrings(term, 'namespaces', `${path}.namespaces`, out)) {
    const found = isDns1123Label(value);
    if (found.length > 0) {
      out.push(
        error(
          'pod-affinity-namespace-invalid',
          `${path}.namespace`,
          value,
          reasons(found),
          `List namespace names in ${path}.namespaces: lower-case DNS labels.`,
        ),
      );
    }
  }
  const keyField = `${path}.topologyKey`;
  const key = read(term, 'topologyKey', keyField, STRING, out) ?? '';
  const fix = `Set ${keyField} to a node label such as kubernetes.io/hostname or topology.kubernetes.io/zone.`;
  if (key === '') {
    out.push(
      error(
        'pod-affinity-topology-key-required',
        keyField,
        term.topologyKey,
        required('can not be empty'),
        fix,
      ),
    );
  }
  const keyReasons = isQualifiedName(key);
  if (keyReasons.length > 0) out.push(error('label-key-invalid', keyField, key, reasons(keyReasons), fix));
}

function validateAffinityKind(
  affinity: JsonObject,
  kind: string,
  path: string,
  out: ValidationError[],
): void {
  const kindPath = `${path}.${kind}`;
  const terms = read(affinity, kind, kindPath, OBJECT, out);
  if (terms === undefined) return;
  const requiredPath = `${kindPath}.requiredDuringSchedulingIgnoredDuringExecution`;
  for (const term of readObjects(
    terms,
    'requiredDuringSchedulingIgnoredDuringExecution',
    requiredPath,
    out,
  )) {
    validateTerm(term.item, term.path, out);
  }
  const preferredPath = `${kindPath}.preferredDuringSchedulingIgnoredDuringExecution`;
  for (const weighted of readObjects(
    terms,
    'preferredDuringSchedulingIgnoredDuringExecution',
    preferredPath,
    out,
  )) {
    validateWeight(weighted.item, weighted.path, out);
    const termPath = `${weighted.path}.podAffinityTerm`;
    validateTerm(read(weighted.item, 'podAffinityTerm', termPath, OBJECT, out) ?? {}, termPath, out);
  }
}

/**
 * Upstream `validatePodAffinity` and `validatePodAntiAffinity` (pkg/apis/core/validation) for
 * `<affinity>.podAffinity` and `<affinity>.podAntiAffinity`: every required term, and every preferred
 * term with its weight (1-100). Label values in selectors are checked strictly, as on create.
 */
export function validatePodAffinity(affinity: JsonObject, path: string, out: ValidationError[]): void {
  validateAffinityKind(affinity, 'podAffinity', path, out);
  validateAffinityKind(affinity, 'podAntiAffinity', path, out);
}
