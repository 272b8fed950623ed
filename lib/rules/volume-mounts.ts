import { forbidden, NOT_FOUND, required } from './field-errors';
import type { JsonObject } from './json';
import { isJsonObject, isUnset, read, readObjects, STRING } from './json';
import { hasBacksteps, validateLocalDescendingPath } from './paths';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';
import type { VolumeIndex } from './volumes';

/*
 * A container's `volumeMounts` and `volumeDevices` (pkg/apis/core/validation: `ValidateVolumeMounts`,
 * `ValidateVolumeDevices`, `validateMountPropagation`). Upstream reports `subPath`, `subPathExpr`
 * and `mountPropagation` problems at `volumeMounts.<field>`, without the entry's index; so does this.
 */

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
/** Sources a block device can come from. */
const BLOCK_SOURCES: ReadonlySet<string> = new Set(['persistentVolumeClaim', 'ephemeral']);

interface Entry {
  readonly path: string;
  readonly item: JsonObject;
  readonly name: string;
  /** `mountPath` or `devicePath`. */
  readonly target: string;
}

/** A string field; the field path is built only when the value is not a string (this runs for every mount). */
function text(item: JsonObject, key: string, path: string, out: ValidationError[]): string {
  const value = item[key];
  return typeof value === 'string' ? value : (read(item, key, `${path}.${key}`, STRING, out) ?? '');
}

function entries(
  container: JsonObject,
  key: string,
  targetKey: string,
  path: string,
  out: ValidationError[],
): Entry[] {
  return readObjects(container, key, `${path}.${key}`, out).map(({ path: entryPath, item }) => ({
    path: entryPath,
    item,
    name: text(item, 'name', entryPath, out),
    target: text(item, targetKey, entryPath, out),
  }));
}

function validateMountPropagation(
  mount: JsonObject,
  container: JsonObject,
  field: string,
  out: ValidationError[],
): void {
  if (isUnset(mount, 'mountPropagation')) return;
  const propagation = read(mount, 'mountPropagation', field, STRING, out);
  if (propagation === undefined) return;
  if (!PROPAGATIONS.includes(propagation)) {
    out.push(
      error(
        'volume-mount-propagation-unsupported',
        field,
        propagation,
        unsupported(PROPAGATIONS),
        `Set mountPropagation to None, HostToContainer or Bidirectional.`,
      ),
    );
  }
  const context = container.securityContext;
  const privileged = isJsonObject(context) && context.privileged === true;
  if (propagation === 'Bidirectional' && !privileged) {
    out.push(
      error(
        'volume-mount-propagation-forbidden',
        field,
        propagation,
        forbidden('Bidirectional mount propagation is available only to privileged containers'),
        'Use HostToContainer, or make the container privileged if it really must propagate mounts back to the node.',
      ),
    );
  }
}

function validateMounts(
  container: JsonObject,
  mounts: Entry[],
  devices: Entry[],
  path: string,
  volumes: VolumeIndex,
  out: ValidationError[],
): void {
  const listPath = `${path}.volumeMounts`;
  const mountPoints = new Set<string>();
  const deviceNames = new Set(devices.map(device => device.name));
  const devicePaths = new Set(devices.map(device => device.target));
  for (const { path: mountPath, item, name, target } of mounts) {
    const nameField = `${mountPath}.name`;
    const targetField = `${mountPath}.mountPath`;
    if (name === '')
      out.push(
        error(
          'volume-mount-name-required',
          nameField,
          item.name,
          required(),
          `Set ${nameField} to one of the Pod's volumes.`,
        ),
      );
    if (!volumes.has(name)) {
      out.push(
        error(
          'volume-mount-volume-not-found',
          nameField,
          name,
          NOT_FOUND,
          `Add a volume named ${JSON.stringify(name)} to the Pod's volumes, or mount an existing one.`,
        ),
      );
    }
    if (target === '')
      out.push(
        error(
          'volume-mount-path-required',
          targetField,
          item.mountPath,
          required(),
          `Set ${targetField} to an absolute path in the container.`,
        ),
      );
    if (mountPoints.has(target)) {
      out.push(
        error(
          'volume-mount-path-duplicate',
          targetField,
          target,
          'must be unique',
          'Mount each path of a container once.',
        ),
      );
    }
    mountPoints.add(target);
    if (deviceNames.has(name)) {
      out.push(
        error(
          'volume-mount-device-conflict',
          nameField,
          name,
          'must not already exist in volumeDevices',
          'Use the volume either as a mount or as a block device in this container, not both.',
        ),
      );
    }
    if (devicePaths.has(target)) {
      out.push(
        error(
          'volume-mount-device-path-conflict',
          targetField,
          target,
          'must not already exist as a path in volumeDevices',
          'Give the mount and the device different paths.',
        ),
      );
    }
    const subPath = text(item, 'subPath', mountPath, out);
    if (subPath !== '')
      validateLocalDescendingPath(subPath, `${listPath}.subPath`, 'volume-mount-sub-path-invalid', out);
    const subPathExpr = text(item, 'subPathExpr', mountPath, out);
    if (subPathExpr !== '') {
      if (subPath !== '') {
        out.push(
          error(
            'volume-mount-sub-path-conflict',
            `${mountPath}.subPathExpr`,
            subPathExpr,
            'subPathExpr and subPath are mutually exclusive',
            'Keep either subPath or subPathExpr.',
          ),
        );
      }
      validateLocalDescendingPath(
        subPathExpr,
        `${listPath}.subPathExpr`,
        'volume-mount-sub-path-invalid',
        out,
      );
    }
    validateMountPropagation(item, container, `${listPath}.mountPropagation`, out);
  }
}

function validateDevices(
  devices: Entry[],
  mounts: Entry[],
  volumes: VolumeIndex,
  out: ValidationError[],
): void {
  const names = new Set<string>();
  const paths = new Set<string>();
  const mountNames = new Set(mounts.map(mount => mount.name));
  const mountPaths = new Set(mounts.map(mount => mount.target));
  for (const { path: devicePath, item, name, target } of devices) {
    const nameField = `${devicePath}.name`;
    const targetField = `${devicePath}.devicePath`;
    const source = volumes.get(name);
    if (name === '')
      out.push(
        error(
          'volume-device-name-required',
          nameField,
          item.name,
          required(),
          `Set ${nameField} to one of the Pod's volumes.`,
        ),
      );
    if (names.has(name))
      out.push(
        error(
          'volume-device-name-duplicate',
          nameField,
          name,
          'must be unique',
          'Attach each volume once per container.',
        ),
      );
    if (source !== undefined && !BLOCK_SOURCES.has(source)) {
      out.push(
        error(
          'volume-device-source-unsupported',
          nameField,
          name,
          'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
          'Attach a persistentVolumeClaim or ephemeral volume as a device, or mount this one with volumeMounts.',
        ),
      );
    }
    if (source === undefined) {
      out.push(
        error(
          'volume-device-volume-not-found',
          nameField,
          name,
          NOT_FOUND,
          `Add a volume named ${JSON.stringify(name)} to the Pod's volumes.`,
        ),
      );
    }
    if (target === '')
      out.push(
        error(
          'volume-device-path-required',
          targetField,
          item.devicePath,
          required(),
          `Set ${targetField} to the device path, e.g. "/dev/xvda".`,
        ),
      );
    if (paths.has(target))
      out.push(
        error(
          'volume-device-path-duplicate',
          targetField,
          target,
          'must be unique',
          'Give each device its own path.',
        ),
      );
    if (target !== '' && hasBacksteps(target)) {
      out.push(
        error(
          'volume-device-path-invalid',
          targetField,
          target,
          "can not contain backsteps ('..')",
          `Remove the '..' elements from ${targetField}.`,
        ),
      );
    } else {
      paths.add(target);
    }
    if (mountNames.has(name)) {
      out.push(
        error(
          'volume-device-mount-conflict',
          nameField,
          name,
          'must not already exist in volumeMounts',
          'Use the volume either as a mount or as a block device in this container, not both.',
        ),
      );
    }
    if (mountPaths.has(target)) {
      out.push(
        error(
          'volume-device-mount-path-conflict',
          targetField,
          target,
          'must not already exist as a path in volumeMounts',
          'Give the device and the mount different paths.',
        ),
      );
    }
    if (name !== '') names.add(name);
  }
}

/** Upstream `ValidateVolumeMounts` and `ValidateVolumeDevices` for the container at `path`. */
export function validateVolumeUse(
  container: JsonObject,
  path: string,
  volumes: VolumeIndex,
  out: ValidationError[],
): void {
  const mounts = entries(container, 'volumeMounts', 'mountPath', path, out);
  const devices = isUnset(container, 'volumeDevices')
    ? []
    : entries(container, 'volumeDevices', 'devicePath', path, out);
  if (mounts.length > 0) validateMounts(container, mounts, devices, path, volumes, out);
  if (devices.length > 0) validateDevices(devices, mounts, volumes, out);
}
