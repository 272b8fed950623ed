import type { JsonObject } from './json';
import { INTEGER, isUnset, read, readField, readObjects, STRING } from './json';
import { isQualifiedName, isValidLabelValue } from './names';
import type { ValidationError } from './problem';
import { error, reasons, unsupported } from './report';

/** Toleration operators the API server accepts, in upstream's order. */
export const TOLERATION_OPERATORS: readonly string[] = ['Equal', 'Exists'];

/** Taint effects a toleration may name, in upstream's order. */
export const TAINT_EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateToleration(item: JsonObject, path: string, out: ValidationError[]): void {
  const keyField = `${path}.key`;
  const operatorField = `${path}.operator`;
  const effectField = `${path}.effect`;
  const key = read(item, 'key', keyField, STRING, out) ?? '';
  const operator = read(item, 'operator', operatorField, STRING, out) ?? '';
  const value = readField(item, 'value', path, STRING, out) ?? '';
  const effect = read(item, 'effect', effectField, STRING, out) ?? '';
  readField(item, 'tolerationSeconds', path, INTEGER, out);
  const keyReasons = key === '' ? [] : isQualifiedName(key);
  if (keyReasons.length > 0) {
    out.push(
      error(
        'toleration-key-invalid',
        keyField,
        key,
        reasons(keyReasons),
        `Set ${keyField} to the taint's key: a label key such as node-role.kubernetes.io/control-plane.`,
      ),
    );
  }
  if (key === '' && operator !== 'Exists') {
    out.push(
      error(
        'toleration-operator-exists-required',
        operatorField,
        operator,
        'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        `Set ${keyField}, or set ${operatorField} to Exists to tolerate every taint.`,
      ),
    );
  }
  if (!isUnset(item, 'tolerationSeconds') && effect !== 'NoExecute') {
    out.push(
      error(
        'toleration-seconds-effect-mismatch',
        effectField,
        effect,
        "effect must be 'NoExecute' when `tolerationSeconds` is set",
        `Set ${effectField} to NoExecute, or remove ${path}.tolerationSeconds.`,
      ),
    );
  }
  // Like upstream, value problems are reported at the operator.
  if (operator === 'Equal' || operator === '') {
    const valueReasons = isValidLabelValue(value);
    if (valueReasons.length > 0) {
      out.push(
        error(
          'toleration-value-invalid',
          operatorField,
          value,
          valueReasons.join(';'),
          `Set ${path}.value to the taint's value: at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
        ),
      );
    }
  } else if (operator === 'Exists') {
    if (value !== '') {
      out.push(
        error(
          'toleration-value-forbidden',
          operatorField,
          item,
          "value must be empty when `operator` is 'Exists'",
          `Remove ${path}.value, or set ${operatorField} to Equal.`,
        ),
      );
    }
  } else {
    out.push(
      error(
        'toleration-operator-unsupported',
        operatorField,
        operator,
        unsupported(TOLERATION_OPERATORS, 'as-given'),
        `Set ${operatorField} to Equal or Exists.`,
      ),
    );
  }
  if (effect !== '' && !TAINT_EFFECTS.includes(effect)) {
    out.push(
      error(
        'toleration-effect-unsupported',
        effectField,
        effect,
        unsupported(TAINT_EFFECTS, 'as-given'),
        `Set ${effectField} to NoSchedule, PreferNoSchedule or NoExecute, or remove it to match every effect.`,
      ),
    );
  }
}

/**
 * Upstream `ValidateTolerations` (pkg/apis/core/validation) for `<spec>.tolerations`: key, operator,
 * value, effect and `tolerationSeconds` (only with NoExecute). An empty operator means Equal.
 */
export function validateTolerations(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  for (const { path, item } of readObjects(spec, 'tolerations', `${specPath}.tolerations`, out)) {
    validateToleration(item, path, out);
  }
}
