import { quantityDecodeError } from './downward-api';
import { forbidden, required } from './field-errors';
import type { JsonObject } from './json';
import { isUnset, LIST, OBJECT, read, readField, STRING } from './json';
import { validateLabels } from './labels';
import { isDns1123Subdomain } from './names';
import type { ValidationError } from './problem';
import { readQuantity } from './quantity';
import { error, reasons, unsupported } from './report';

/*
 * The claim template of a generic ephemeral volume (pkg/apis/core/validation:
 * `ValidatePersistentVolumeClaimTemplate`, `ValidateTemplateObjectMeta`,
 * `ValidatePersistentVolumeClaimSpec`): the basics a claim needs to be provisioned. Label selectors
 * and data sources are not checked.
 */

/** Access modes a 1.28 claim may ask for (`ReadWriteOncePod` is beta and on). */
const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

/** Upstream `ValidateTemplateObjectMeta`: only labels and annotations may be set. */
function validateTemplateMeta(template: JsonObject, path: string, out: ValidationError[]): void {
  const metaPath = `${path}.metadata`;
  const meta = read(template, 'metadata', metaPath, OBJECT, out);
  if (meta === undefined) return;
  out.push(...validateLabels(meta, 'labels', `${metaPath}.labels`));
  for (const key of Object.keys(meta)) {
    if (key === 'labels' || key === 'annotations' || isUnset(meta, key)) continue;
    out.push(
      error(
        'volume-claim-template-metadata-forbidden',
        `${metaPath}.${key}`,
        meta[key],
        forbidden('cannot be set'),
        `Remove ${metaPath}.${key}; the claim's name and namespace come from the Pod.`,
      ),
    );
  }
}

/** Upstream `ValidatePersistentVolumeClaimSpec`'s access modes, storage request, class and volume mode. */
function validateClaimSpec(spec: JsonObject, path: string, out: ValidationError[]): void {
  const modesField = `${path}.accessModes`;
  const modes = (read(spec, 'accessModes', modesField, LIST, out) ?? []).filter(
    (mode): mode is string => typeof mode === 'string',
  );
  if (modes.length === 0) {
    out.push(
      error(
        'volume-claim-access-modes-required',
        modesField,
        spec.accessModes,
        required('at least 1 access mode is required'),
        `Set ${modesField}, e.g. ["ReadWriteOnce"].`,
      ),
    );
  }
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) {
      out.push(
        error(
          'volume-claim-access-mode-unsupported',
          modesField,
          mode,
          unsupported(ACCESS_MODES),
          `Use ${ACCESS_MODES.join(', ')} in ${modesField}.`,
        ),
      );
    }
  }
  if (
    modes.includes('ReadWriteOncePod') &&
    modes.some(mode => mode !== 'ReadWriteOncePod' && ACCESS_MODES.includes(mode))
  ) {
    out.push(
      error(
        'volume-claim-access-modes-conflict',
        modesField,
        modes,
        forbidden('may not use ReadWriteOncePod with other access modes'),
        `Keep ReadWriteOncePod alone in ${modesField}.`,
      ),
    );
  }
  // Upstream reports the storage request at `resources[storage]`, not under `requests`.
  const storageField = `${path}.resources[storage]`;
  const resources = readField(spec, 'resources', path, OBJECT, out) ?? {};
  const requests = read(resources, 'requests', `${path}.resources.requests`, OBJECT, out) ?? {};
  const fix = `Set ${path}.resources.requests.storage to the size to provision, e.g. "1Gi".`;
  if (!Object.hasOwn(requests, 'storage')) {
    out.push(error('volume-claim-storage-required', storageField, undefined, required(), fix));
  } else {
    const storage = readQuantity(requests.storage);
    if (typeof storage === 'string') {
      out.push(quantityDecodeError(`${path}.resources.requests[storage]`, requests.storage, storage));
    } else if (storage.nanos <= 0n) {
      out.push(
        error(
          'volume-claim-storage-invalid',
          storageField,
          requests.storage,
          'must be greater than zero',
          fix,
        ),
      );
    }
  }
  const classField = `${path}.storageClassName`;
  const className = read(spec, 'storageClassName', classField, STRING, out) ?? '';
  const classReasons = className === '' ? [] : isDns1123Subdomain(className);
  if (classReasons.length > 0) {
    out.push(
      error(
        'volume-claim-storage-class-invalid',
        classField,
        className,
        reasons(classReasons),
        `Set ${classField} to a StorageClass name.`,
      ),
    );
  }
  const modeField = `${path}.volumeMode`;
  const volumeMode = read(spec, 'volumeMode', modeField, STRING, out);
  if (volumeMode !== undefined && !VOLUME_MODES.includes(volumeMode)) {
    out.push(
      error(
        'volume-claim-volume-mode-unsupported',
        modeField,
        volumeMode,
        unsupported(VOLUME_MODES),
        `Set ${modeField} to Filesystem or Block.`,
      ),
    );
  }
}

/** Upstream `ValidatePersistentVolumeClaimTemplate` for an ephemeral volume's `volumeClaimTemplate` at `path`. */
export function validateClaimTemplate(template: JsonObject, path: string, out: ValidationError[]): void {
  validateTemplateMeta(template, path, out);
  validateClaimSpec(readField(template, 'spec', path, OBJECT, out) ?? {}, `${path}.spec`, out);
}
