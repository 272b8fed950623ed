import type { JsonObject } from './json';
import { isBlank, isUnset, read, readObjects, STRING } from './json';
import { isEnvVarName } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/**
 * Upstream `ValidateEnv` name checks for one container's `env`, plus duplicate names.
 *
 * The API server accepts duplicates, but `env` is a list keyed by `name`, so server-side apply
 * rejects the object and other clients silently keep only one of the values.
 */
export function validateEnv(container: JsonObject, path: string): ValidationError[] {
  const out: ValidationError[] = [];
  // No env (the usual container): nothing to read, and no path to build.
  if (isUnset(container, 'env')) return out;
  // Created on the first valid name: most containers set no env.
  let seen: Map<string, string> | undefined;
  for (const { path: varPath, item } of readObjects(container, 'env', `${path}.env`, out)) {
    const field = `${varPath}.name`;
    if (isBlank(item, 'name')) {
      out.push(
        error(
          'env-var-name-required',
          field,
          item.name,
          'Required value',
          `Set ${field} to the variable's name.`,
        ),
      );
    }
    const name = read(item, 'name', field, STRING, out);
    if (!name) continue;
    const nameReasons = isEnvVarName(name);
    if (nameReasons.length > 0) {
      out.push(
        error(
          'env-var-name-invalid',
          field,
          name,
          reasons(nameReasons),
          "Rename the variable to letters, digits, '_', '-' or '.', not starting with a digit or '..'.",
        ),
      );
    }
    const first = seen?.get(name);
    if (first === undefined) {
      seen ??= new Map();
      seen.set(name, varPath);
      continue;
    }
    out.push(
      error(
        'env-var-name-duplicate',
        field,
        name,
        `Duplicate value: environment variable ${JSON.stringify(name)} is already defined at ${first}; env is a list keyed by name, so server-side apply rejects duplicate keys and other clients keep only one of the values`,
        `Remove one of the two ${JSON.stringify(name)} entries.`,
      ),
    );
  }
  return out;
}
