import { VOLUME_FIELD_PATHS, validateFieldRef, validateResourceFieldRef } from './downward-api';
import { forbidden, required } from './field-errors';
import type { JsonObject } from './json';
import { INTEGER, OBJECT, read, readObjects, STRING } from './json';
import { validateLocalNonReservedPath } from './paths';
import type { ValidationError } from './problem';
import { error } from './report';

/*
 * Files projected into volumes (pkg/apis/core/validation: `validateKeyToPath`,
 * `validateDownwardAPIVolumeFile`, `validateDownwardAPIVolumeSource`, `validateProjectionSources`),
 * shared by secret, configMap, downwardAPI and projected volumes.
 */

/** Upstream `fileModeErrorMsg`. */
export const FILE_MODE_MESSAGE = 'must be a number between 0 and 0777 (octal), both inclusive';

/** Upstream: a file mode (`defaultMode`, `mode`) is 0 to 0777. */
export function validateFileMode(obj: JsonObject, key: string, path: string, out: ValidationError[]): void {
  const field = `${path}.${key}`;
  const mode = read(obj, key, field, INTEGER, out);
  if (mode !== undefined && (mode < 0 || mode > 0o777)) {
    out.push(
      error(
        'volume-file-mode-invalid',
        field,
        mode,
        FILE_MODE_MESSAGE,
        `Set ${field} to a mode between 0 and 511 (0777 octal), e.g. 420 for 0644, or remove it.`,
      ),
    );
  }
}

/** The `path` of a projected file (the `items` entry or downward API file at `path`): set, relative, no `..`. */
function validateFilePath(file: JsonObject, path: string, out: ValidationError[]): string {
  const pathField = `${path}.path`;
  const filePath = read(file, 'path', pathField, STRING, out) ?? '';
  if (filePath === '') {
    out.push(
      error(
        'volume-item-path-required',
        pathField,
        file.path,
        required(),
        `Set ${pathField} to a relative file path.`,
      ),
    );
  }
  validateLocalNonReservedPath(filePath, pathField, 'volume-item-path-invalid', out);
  return filePath;
}

/** Upstream `validateKeyToPath` for one `items` entry; returns its path when set. */
export function validateKeyToPath(item: JsonObject, path: string, out: ValidationError[]): string {
  const keyField = `${path}.key`;
  if (!read(item, 'key', keyField, STRING, out)) {
    out.push(
      error(
        'volume-item-key-required',
        keyField,
        item.key,
        required(),
        `Set ${keyField} to the key to project.`,
      ),
    );
  }
  const filePath = validateFilePath(item, path, out);
  validateFileMode(item, 'mode', path, out);
  return filePath;
}

/**
 * Upstream `validateDownwardAPIVolumeFile`. Upstream reports a file's problems at `path` (the
 * volume or projection), not at its `items[i]`; so does this.
 */
export function validateDownwardAPIFile(file: JsonObject, path: string, out: ValidationError[]): string {
  const filePath = validateFilePath(file, path, out);
  const fieldRef = read(file, 'fieldRef', `${path}.fieldRef`, OBJECT, out);
  const resourceRef = read(file, 'resourceFieldRef', `${path}.resourceFieldRef`, OBJECT, out);
  if (fieldRef !== undefined) {
    validateFieldRef(fieldRef, `${path}.fieldRef`, VOLUME_FIELD_PATHS, out);
    if (resourceRef !== undefined) {
      out.push(
        error(
          'volume-downward-api-source-conflict',
          path,
          'resource',
          'fieldRef and resourceFieldRef can not be specified simultaneously',
          'Keep either fieldRef or resourceFieldRef on each downward API file.',
        ),
      );
    }
  } else if (resourceRef !== undefined) {
    validateResourceFieldRef(resourceRef, `${path}.resourceFieldRef`, true, out);
  } else {
    out.push(
      error(
        'volume-downward-api-source-required',
        path,
        undefined,
        required('one of fieldRef and resourceFieldRef is required'),
        'Give each downward API file a fieldRef (e.g. metadata.labels) or a resourceFieldRef.',
      ),
    );
  }
  validateFileMode(file, 'mode', path, out);
  return filePath;
}

/** Upstream `validateDownwardAPIVolumeSource`. */
export function validateDownwardAPIVolume(source: JsonObject, path: string, out: ValidationError[]): void {
  validateFileMode(source, 'defaultMode', path, out);
  for (const { item } of readObjects(source, 'items', `${path}.items`, out)) {
    validateDownwardAPIFile(item, path, out);
  }
}

const TEN_MINUTES = 600;
const TWO_TO_32 = 2 ** 32;

/** Upstream `validateProjectionSources`' serviceAccountToken checks (after the 1 hour default). */
function validateTokenProjection(
  token: JsonObject,
  path: string,
  projected: string,
  out: ValidationError[],
): void {
  const field = `${path}.expirationSeconds`;
  const seconds = read(token, 'expirationSeconds', field, INTEGER, out) ?? 3600;
  if (seconds < TEN_MINUTES || seconds > TWO_TO_32) {
    out.push(
      error(
        'volume-token-expiration-invalid',
        field,
        seconds,
        seconds < TEN_MINUTES
          ? 'may not specify a duration less than 10 minutes'
          : 'may not specify a duration larger than 2^32 seconds',
        `Set ${field} between 600 and 4294967296 seconds, or remove it for one hour.`,
      ),
    );
  }
  // Upstream reports a missing token path at the projected volume's `path`.
  if (!read(token, 'path', `${path}.path`, STRING, out)) {
    out.push(
      error(
        'volume-token-path-required',
        `${projected}.path`,
        token.path,
        required(),
        `Set ${path}.path to the file name the token is written to.`,
      ),
    );
  }
}

/** Upstream `validateProjectedVolumeSource` and `validateProjectionSources`. */
export function validateProjectedVolume(source: JsonObject, path: string, out: ValidationError[]): void {
  validateFileMode(source, 'defaultMode', path, out);
  const seen = new Set<string>();
  const claim = (filePath: string, value: unknown): void => {
    if (filePath === '') return;
    if (!seen.has(filePath)) {
      seen.add(filePath);
      return;
    }
    out.push(
      error(
        'volume-projected-path-duplicate',
        path,
        value,
        'conflicting duplicate paths',
        `Give every file of ${path} its own path.`,
      ),
    );
  };
  for (const { path: sourcePath, item } of readObjects(source, 'sources', `${path}.sources`, out)) {
    let count = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const refPath = `${sourcePath}.${kind}`;
      const ref = read(item, kind, refPath, OBJECT, out);
      if (ref === undefined) continue;
      count++;
      const name = read(ref, 'name', `${refPath}.name`, STRING, out) ?? '';
      if (name === '') {
        out.push(
          error(
            'volume-projection-name-required',
            `${refPath}.name`,
            ref.name,
            required(),
            `Set ${refPath}.name to the ${kind === 'secret' ? 'Secret' : 'ConfigMap'} to project.`,
          ),
        );
      }
      for (const entry of readObjects(ref, 'items', `${refPath}.items`, out)) {
        claim(validateKeyToPath(entry.item, entry.path, out), name);
      }
    }
    const downward = read(item, 'downwardAPI', `${sourcePath}.downwardAPI`, OBJECT, out);
    if (downward !== undefined) {
      count++;
      for (const { item: file } of readObjects(downward, 'items', `${sourcePath}.downwardAPI.items`, out)) {
        const filePath = validateDownwardAPIFile(file, `${sourcePath}.downwardAPI`, out);
        claim(filePath, filePath);
      }
    }
    const token = read(item, 'serviceAccountToken', `${sourcePath}.serviceAccountToken`, OBJECT, out);
    if (token !== undefined) {
      count++;
      validateTokenProjection(token, `${sourcePath}.serviceAccountToken`, path, out);
    }
    if (count > 1) {
      out.push(
        error(
          'volume-projection-source-multiple',
          sourcePath,
          undefined,
          forbidden('may not specify more than 1 volume type'),
          `Split ${sourcePath} into one source per entry.`,
        ),
      );
    }
  }
}
