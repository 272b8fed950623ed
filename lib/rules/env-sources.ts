import { ENV_FIELD_PATHS, validateFieldRef, validateResourceFieldRef } from './downward-api';
import { required } from './field-errors';
import type { JsonObject } from './json';
import { isJsonObject, isUnset, OBJECT, read, readField, readObjects, STRING } from './json';
import { isDns1123Subdomain, isEnvVarName, maxLenError, regexError } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/*
 * Where env vars come from (pkg/apis/core/validation: `validateEnvVarValueFrom`,
 * `validateConfigMapKeySelector`, `validateSecretKeySelector`, `ValidateEnvFrom` and the env
 * sources; apimachinery `IsConfigMapKey`). Names are checked in env.ts.
 */

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_ERR = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

/** Upstream `IsConfigMapKey`: the key of a ConfigMap or Secret entry. */
export function isConfigMapKey(key: string): string[] {
  const found: string[] = [];
  if (Buffer.byteLength(key, 'utf8') > 253) found.push(maxLenError(253));
  if (!CONFIG_KEY_RE.test(key))
    found.push(regexError(CONFIG_KEY_ERR, CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  if (key === '.') found.push("must not be '.'");
  else if (key === '..') found.push("must not be '..'");
  else if (key.startsWith('..')) found.push("must not start with '..'");
  return found;
}

/** Upstream `NameIsDNSSubdomain` with `prefix`: a trailing '-' is allowed where a suffix will follow. */
function objectNameReasons(name: string, prefix: boolean): string[] {
  const masked = prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
  return isDns1123Subdomain(masked);
}

/** Upstream `validateConfigMapKeySelector` / `validateSecretKeySelector`. */
function validateKeySelector(ref: JsonObject, path: string, what: string, out: ValidationError[]): void {
  const nameField = `${path}.name`;
  const name = read(ref, 'name', nameField, STRING, out) ?? '';
  const nameReasons = objectNameReasons(name, false);
  if (nameReasons.length > 0) {
    out.push(
      error(
        'env-key-ref-name-invalid',
        nameField,
        name,
        reasons(nameReasons),
        `Set ${nameField} to the ${what}'s name.`,
      ),
    );
  }
  const keyField = `${path}.key`;
  const key = read(ref, 'key', keyField, STRING, out) ?? '';
  if (key === '') {
    out.push(
      error(
        'env-key-ref-key-required',
        keyField,
        ref.key,
        required(),
        `Set ${keyField} to the ${what} entry to read.`,
      ),
    );
    return;
  }
  const keyReasons = isConfigMapKey(key);
  if (keyReasons.length > 0) {
    out.push(
      error(
        'env-key-ref-key-invalid',
        keyField,
        key,
        reasons(keyReasons),
        `Set ${keyField} to letters, digits, '-', '_' or '.', not starting with '..'.`,
      ),
    );
  }
}

/** Upstream `validateEnvVarValueFrom` for one env var. */
function validateValueFrom(variable: JsonObject, path: string, out: ValidationError[]): void {
  const field = `${path}.valueFrom`;
  const valueFrom = read(variable, 'valueFrom', field, OBJECT, out);
  if (valueFrom === undefined) return;
  let count = 0;
  const fieldRef = readField(valueFrom, 'fieldRef', field, OBJECT, out);
  if (fieldRef !== undefined) {
    count++;
    validateFieldRef(fieldRef, `${field}.fieldRef`, ENV_FIELD_PATHS, out);
  }
  const resourceRef = readField(valueFrom, 'resourceFieldRef', field, OBJECT, out);
  if (resourceRef !== undefined) {
    count++;
    validateResourceFieldRef(resourceRef, `${field}.resourceFieldRef`, false, out);
  }
  for (const [key, what] of [
    ['configMapKeyRef', 'ConfigMap'],
    ['secretKeyRef', 'Secret'],
  ] as const) {
    const ref = read(valueFrom, key, `${field}.${key}`, OBJECT, out);
    if (ref === undefined) continue;
    count++;
    validateKeySelector(ref, `${field}.${key}`, what, out);
  }
  const value = readField(variable, 'value', path, STRING, []) ?? '';
  const problem =
    count === 0
      ? 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'
      : value !== ''
        ? 'may not be specified when `value` is not empty'
        : count > 1
          ? 'may not have more than one field specified at a time'
          : undefined;
  if (problem !== undefined) {
    out.push(
      error(
        'env-value-from-invalid',
        field,
        '',
        problem,
        `Give ${field} exactly one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef, and remove ${path}.value.`,
      ),
    );
  }
}

/** Upstream `ValidateEnvFrom`: prefixes and exactly one source per entry. */
function validateEnvFrom(container: JsonObject, path: string, out: ValidationError[]): void {
  if (isUnset(container, 'envFrom')) return;
  const listPath = `${path}.envFrom`;
  for (const { path: entryPath, item } of readObjects(container, 'envFrom', listPath, out)) {
    const prefixField = `${entryPath}.prefix`;
    const prefix = read(item, 'prefix', prefixField, STRING, out) ?? '';
    for (const reason of prefix === '' ? [] : isEnvVarName(prefix)) {
      out.push(
        error(
          'env-from-prefix-invalid',
          prefixField,
          prefix,
          reason,
          "Use letters, digits, '_', '-' or '.' in the prefix, not starting with a digit.",
        ),
      );
    }
    let count = 0;
    for (const [key, what] of [
      ['configMapRef', 'ConfigMap'],
      ['secretRef', 'Secret'],
    ] as const) {
      const ref = read(item, key, `${entryPath}.${key}`, OBJECT, out);
      if (ref === undefined) continue;
      count++;
      const nameField = `${entryPath}.${key}.name`;
      const name = read(ref, 'name', nameField, STRING, out) ?? '';
      if (name === '') {
        out.push(
          error(
            'env-from-name-required',
            nameField,
            ref.name,
            required(),
            `Set ${nameField} to the ${what}'s name.`,
          ),
        );
        continue;
      }
      for (const reason of objectNameReasons(name, true)) {
        out.push(
          error('env-from-name-invalid', nameField, name, reason, `Set ${nameField} to the ${what}'s name.`),
        );
      }
    }
    // Upstream reports these at `envFrom`, without the entry's index.
    if (count !== 1) {
      out.push(
        error(
          'env-from-source-invalid',
          listPath,
          '',
          count === 0
            ? 'must specify one of: `configMapRef` or `secretRef`'
            : 'may not have more than one field specified at a time',
          `Give ${entryPath} exactly one of configMapRef or secretRef.`,
        ),
      );
    }
  }
}

/** The sources of a container's env vars: `env[].valueFrom` and `envFrom`. */
export function validateEnvSources(container: JsonObject, path: string, out: ValidationError[]): void {
  // env.ts reads the list and reports its problems; here only entries with a valueFrom matter.
  const env = container.env;
  if (Array.isArray(env)) {
    for (let i = 0; i < env.length; i++) {
      const item: unknown = env[i];
      if (isJsonObject(item) && item.valueFrom !== undefined && item.valueFrom !== null) {
        validateValueFrom(item, `${path}.env[${i}]`, out);
      }
    }
  }
  validateEnvFrom(container, path, out);
}
