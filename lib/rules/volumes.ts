import { quantityDecodeError } from './downward-api';
import { DUPLICATE, forbidden, required, tooLong } from './field-errors';
import type { JsonObject } from './json';
import { isJsonObject, isUnset, OBJECT, read, readField, readObjects, STRING } from './json';
import { isDns1123Label, isDns1123Subdomain } from './names';
import { validatePathNoBacksteps } from './paths';
import type { ValidationError } from './problem';
import { readQuantity } from './quantity';
import { error, reasons, unsupported } from './report';
import { validateClaimTemplate } from './volume-claim-template';
import {
  validateDownwardAPIVolume,
  validateFileMode,
  validateKeyToPath,
  validateProjectedVolume,
} from './volume-files';

/*
 * Pod volumes (pkg/apis/core/validation: `ValidateVolumes`, `validateVolumeSource` and the
 * validators of the common sources). The other in-tree sources are counted (exactly one source per
 * volume) but their fields are not checked.
 */

/** Valid volumes by name, with the source each uses: what `volumeMounts` and `volumeDevices` may refer to. */
export type VolumeIndex = ReadonlyMap<string, string>;

type SourceValidator = (source: JsonObject, path: string, out: ValidationError[]) => void;

/** Upstream `validateEmptyDir` part of `validateVolumeSource`, plus the medium (stricter, see below). */
function validateEmptyDir(source: JsonObject, path: string, out: ValidationError[]): void {
  if (source.sizeLimit !== undefined && source.sizeLimit !== null) {
    const field = `${path}.sizeLimit`;
    const limit = readQuantity(source.sizeLimit);
    if (typeof limit === 'string') {
      out.push(quantityDecodeError(field, source.sizeLimit, limit));
    } else if (limit.nanos < 0n) {
      out.push(
        error(
          'volume-empty-dir-size-limit-invalid',
          field,
          source.sizeLimit,
          forbidden('SizeLimit field must be a valid resource quantity'),
          `Set ${field} to a positive size such as "1Gi", or remove it.`,
        ),
      );
    }
  }
  // Stricter than the API server, which accepts any medium: the kubelet cannot mount an unknown one.
  const medium = readField(source, 'medium', path, STRING, out) ?? '';
  if (medium !== '' && medium !== 'Memory' && medium !== 'HugePages' && !medium.startsWith('HugePages-')) {
    out.push(
      error(
        'volume-empty-dir-medium-unsupported',
        `${path}.medium`,
        medium,
        unsupported(['', 'Memory', 'HugePages', 'HugePages-<size>']),
        `Set ${path}.medium to "Memory" (tmpfs), "HugePages", or omit it for the node's disk.`,
      ),
    );
  }
}

const HOST_PATH_TYPES = [
  '',
  'DirectoryOrCreate',
  'Directory',
  'FileOrCreate',
  'File',
  'Socket',
  'CharDevice',
  'BlockDevice',
];

/** Upstream `validateHostPathVolumeSource` and `validateHostPathType`. */
function validateHostPath(source: JsonObject, path: string, out: ValidationError[]): void {
  const pathField = `${path}.path`;
  const hostPath = read(source, 'path', pathField, STRING, out) ?? '';
  if (hostPath === '') {
    out.push(
      error(
        'volume-host-path-required',
        pathField,
        source.path,
        required(),
        `Set ${pathField} to a path on the node.`,
      ),
    );
    return;
  }
  validatePathNoBacksteps(hostPath, pathField, 'volume-host-path-invalid', out);
  const typeField = `${path}.type`;
  const type = read(source, 'type', typeField, STRING, out);
  if (type !== undefined && !HOST_PATH_TYPES.includes(type)) {
    out.push(
      error(
        'volume-host-path-type-unsupported',
        typeField,
        type,
        unsupported(HOST_PATH_TYPES),
        `Set ${typeField} to one of ${HOST_PATH_TYPES.slice(1).join(', ')}, or omit it.`,
      ),
    );
  }
}

/** A source that names a Secret or ConfigMap (`key`), with `defaultMode` and `items`. */
function namedFiles(key: string, what: string, rule: string): SourceValidator {
  return (source, path, out) => {
    const field = `${path}.${key}`;
    if (!read(source, key, field, STRING, out)) {
      out.push(error(rule, field, source[key], required(), `Set ${field} to the ${what}'s name.`));
    }
    validateFileMode(source, 'defaultMode', path, out);
    for (const { path: itemPath, item } of readObjects(source, 'items', `${path}.items`, out)) {
      validateKeyToPath(item, itemPath, out);
    }
  };
}

/** Upstream `validatePersistentClaimVolumeSource`. */
function validateClaim(source: JsonObject, path: string, out: ValidationError[]): void {
  const field = `${path}.claimName`;
  if (!read(source, 'claimName', field, STRING, out)) {
    out.push(
      error(
        'volume-claim-name-required',
        field,
        source.claimName,
        required(),
        `Set ${field} to the PersistentVolumeClaim's name.`,
      ),
    );
  }
}

/** Upstream `validateNFSVolumeSource`: an empty path is both required and not absolute, as upstream reports. */
function validateNfs(source: JsonObject, path: string, out: ValidationError[]): void {
  const serverField = `${path}.server`;
  if (!read(source, 'server', serverField, STRING, out)) {
    out.push(
      error(
        'volume-nfs-server-required',
        serverField,
        source.server,
        required(),
        `Set ${serverField} to the NFS server's host name or IP.`,
      ),
    );
  }
  const pathField = `${path}.path`;
  const exportPath = read(source, 'path', pathField, STRING, out) ?? '';
  if (exportPath === '') {
    out.push(
      error(
        'volume-nfs-path-required',
        pathField,
        source.path,
        required(),
        `Set ${pathField} to the exported path, e.g. "/exports".`,
      ),
    );
  }
  if (!exportPath.startsWith('/')) {
    out.push(
      error(
        'volume-nfs-path-invalid',
        pathField,
        exportPath,
        'must be an absolute path',
        `Set ${pathField} to an absolute path, e.g. "/exports".`,
      ),
    );
  }
}

/** Upstream `ValidateCSIDriverName` and `validateCSIVolumeSource`. */
function validateCsi(source: JsonObject, path: string, out: ValidationError[]): void {
  const field = `${path}.driver`;
  const driver = read(source, 'driver', field, STRING, out) ?? '';
  const fix = `Set ${field} to the CSI driver's name, e.g. "secrets-store.csi.k8s.io".`;
  if (driver === '') out.push(error('volume-csi-driver-required', field, source.driver, required(), fix));
  if (Buffer.byteLength(driver, 'utf8') > 63)
    out.push(error('volume-csi-driver-too-long', field, driver, tooLong(63), fix));
  const driverReasons = isDns1123Subdomain(driver.toLowerCase());
  if (driverReasons.length > 0)
    out.push(error('volume-csi-driver-invalid', field, driver, reasons(driverReasons), fix));
  const secretPath = `${path}.nodePublishSecretRef`;
  const secret = read(source, 'nodePublishSecretRef', secretPath, OBJECT, out);
  if (secret === undefined) return;
  const name = readField(secret, 'name', secretPath, STRING, out) ?? '';
  if (name === '') {
    out.push(
      error(
        'volume-csi-secret-name-required',
        `${secretPath}.name`,
        secret.name,
        required(),
        `Set ${secretPath}.name to a Secret's name.`,
      ),
    );
    return;
  }
  const nameReasons = isDns1123Subdomain(name);
  // Upstream reports an invalid secret name at `csi.name`.
  if (nameReasons.length > 0) {
    out.push(
      error(
        'volume-csi-secret-name-invalid',
        `${path}.name`,
        name,
        reasons(nameReasons),
        `Set ${secretPath}.name to a valid Secret name.`,
      ),
    );
  }
}

/** Upstream `validateEphemeralVolumeSource`. */
function validateEphemeral(source: JsonObject, path: string, out: ValidationError[]): void {
  const field = `${path}.volumeClaimTemplate`;
  const template = read(source, 'volumeClaimTemplate', field, OBJECT, out);
  if (template === undefined) {
    out.push(
      error(
        'volume-claim-template-required',
        field,
        source.volumeClaimTemplate,
        required(),
        `Set ${field}.spec with accessModes and resources.requests.storage.`,
      ),
    );
    return;
  }
  validateClaimTemplate(template, field, out);
}

/**
 * Every volume source of a v1 Pod, in upstream's checking order: JSON key, the child name upstream
 * uses in its "more than 1" error (it spells two of them differently), and the validator when this
 * package checks the source's fields.
 */
const SOURCES: ReadonlyArray<readonly [key: string, child: string, validate?: SourceValidator]> = [
  ['emptyDir', 'emptyDir', validateEmptyDir],
  ['hostPath', 'hostPath', validateHostPath],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret', namedFiles('secretName', 'Secret', 'volume-secret-name-required')],
  ['nfs', 'nfs', validateNfs],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim', validateClaim],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI', validateDownwardAPIVolume],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap', namedFiles('name', 'ConfigMap', 'volume-config-map-name-required')],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected', validateProjectedVolume],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi', validateCsi],
  ['ephemeral', 'ephemeral', validateEphemeral],
];

/** The JSON keys of every volume source: a volume that sets none of them defaults to an emptyDir. */
export const VOLUME_SOURCE_KEYS: readonly string[] = SOURCES.map(([key]) => key);

/** Each source's position in `SOURCES`, to find a volume's sources from its own keys. */
const SOURCE_POSITION: ReadonlyMap<string, number> = new Map(SOURCES.map(([key], i) => [key, i]));

/** Upstream `validateVolumeSource`: exactly one source, and that source's fields. Returns the source's key. */
function validateVolumeSource(volume: JsonObject, path: string, out: ValidationError[]): string | undefined {
  // A volume has a handful of keys; look those up rather than every source.
  const positions: number[] = [];
  for (const key of Object.keys(volume)) {
    const position = SOURCE_POSITION.get(key);
    if (position !== undefined && volume[key] !== undefined && volume[key] !== null) positions.push(position);
  }
  if (positions.length > 1) positions.sort((a, b) => a - b);
  let found: string | undefined;
  for (const position of positions) {
    const [key, child, validate] = SOURCES[position] as (typeof SOURCES)[number];
    const raw = volume[key];
    if (found !== undefined) {
      out.push(
        error(
          'volume-source-multiple',
          `${path}.${child}`,
          undefined,
          forbidden('may not specify more than 1 volume type'),
          `Keep one source in ${path}: ${found} or ${key}.`,
        ),
      );
      continue;
    }
    found = key;
    if (!isJsonObject(raw)) {
      read(volume, key, `${path}.${key}`, OBJECT, out);
      continue;
    }
    validate?.(raw, `${path}.${key}`, out);
  }
  if (found === undefined) {
    out.push(
      error(
        'volume-source-required',
        path,
        undefined,
        required('must specify a volume type'),
        `Give ${path} a source such as emptyDir: {}, configMap, secret or persistentVolumeClaim.`,
      ),
    );
  }
  return found;
}

const NO_VOLUMES: VolumeIndex = new Map();

/**
 * Upstream `ValidateVolumes` for a Pod spec at `specPath`: names (DNS-1123 labels, unique) and
 * sources. Returns the volumes without problems, which are the ones mounts may use: like upstream,
 * a mount of a volume with a problem is also reported as not found.
 */
export function validateVolumes(spec: JsonObject, specPath: string, out: ValidationError[]): VolumeIndex {
  // No volumes (absent or null) read as an empty list, with nothing to report: no index to build.
  if (isUnset(spec, 'volumes')) return NO_VOLUMES;
  const index = new Map<string, string>();
  const seen = new Set<string>();
  for (const { path, item } of readObjects(spec, 'volumes', `${specPath}.volumes`, out)) {
    const own: ValidationError[] = [];
    const source = validateVolumeSource(item, path, own);
    const nameField = `${path}.name`;
    const name = read(item, 'name', nameField, STRING, own) ?? '';
    if (name === '') {
      own.push(error('volume-name-required', nameField, item.name, required(), `Set ${nameField}.`));
    } else {
      const nameReasons = isDns1123Label(name);
      if (nameReasons.length > 0) {
        own.push(
          error(
            'volume-name-invalid',
            nameField,
            name,
            reasons(nameReasons),
            'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.',
          ),
        );
      }
    }
    if (seen.has(name)) {
      own.push(
        error(
          'volume-name-duplicate',
          nameField,
          name,
          DUPLICATE,
          'Give each volume of the Pod its own name.',
        ),
      );
    }
    if (own.length === 0 && source !== undefined) {
      seen.add(name);
      index.set(name, source);
    }
    out.push(...own);
  }
  return index;
}
