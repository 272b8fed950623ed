import { duplicateValue } from './field-errors';
import type { JsonObject } from './json';
import { read, readField, readObjects, STRING } from './json';
import { isQualifiedName } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

const QUALIFIED =
  "an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric";

/**
 * Upstream `validateReadinessGates` and `validateSchedulingGates` (pkg/apis/core/validation):
 * condition types and gate names are qualified names; a scheduling gate is listed once.
 * Like the API server, a gate's name problem is reported at the entry (`schedulingGates[0]`).
 */
export function validatePodGates(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  for (const { path, item } of readObjects(spec, 'readinessGates', `${specPath}.readinessGates`, out)) {
    const field = `${path}.conditionType`;
    const type = read(item, 'conditionType', field, STRING, out) ?? '';
    const found = isQualifiedName(type);
    if (found.length > 0) {
      out.push(
        error('pod-readiness-gate-invalid', field, type, reasons(found), `Set ${field} to ${QUALIFIED}.`),
      );
    }
  }
  const seen = new Set<string>();
  for (const { path, item } of readObjects(spec, 'schedulingGates', `${specPath}.schedulingGates`, out)) {
    const name = readField(item, 'name', path, STRING, out) ?? '';
    const found = isQualifiedName(name);
    if (found.length > 0) {
      out.push(
        error('pod-scheduling-gate-invalid', path, name, reasons(found), `Name the gate with ${QUALIFIED}.`),
      );
    }
    if (seen.has(name)) {
      out.push(
        error(
          'pod-scheduling-gate-duplicate',
          path,
          name,
          duplicateValue(name),
          `Remove the repeated scheduling gate ${JSON.stringify(name)}.`,
        ),
      );
    }
    seen.add(name);
  }
}
