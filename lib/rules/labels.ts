import type { JsonObject } from './json';
import { readStringMap } from './json';
import { isQualifiedName, isValidLabelValue } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/**
 * Upstream `ValidateLabels`: every key a qualified name, every value a label value.
 *
 * Used for `metadata.labels`, Pod `spec.nodeSelector` and Service `spec.selector`; like the API server,
 * errors point at the map itself (`metadata.labels`) and carry the offending key or value.
 */
export function validateLabels(owner: JsonObject, key: string, field: string): ValidationError[] {
  const out: ValidationError[] = [];
  for (const [name, value] of readStringMap(owner, key, field, out)) {
    const keyReasons = isQualifiedName(name);
    if (keyReasons.length > 0) {
      out.push(
        error(
          'label-key-invalid',
          field,
          name,
          reasons(keyReasons),
          `Rename key ${JSON.stringify(name)} to an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
        ),
      );
    }
    const valueReasons = isValidLabelValue(value);
    if (valueReasons.length > 0) {
      out.push(
        error(
          'label-value-invalid',
          field,
          value,
          reasons(valueReasons),
          `Change the value of ${JSON.stringify(name)} to at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or to "".`,
        ),
      );
    }
  }
  return out;
}
