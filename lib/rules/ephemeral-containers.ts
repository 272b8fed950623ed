import type { ContainerView } from './container';
import { validateContainer } from './container';
import { DUPLICATE, forbidden, NOT_FOUND } from './field-errors';
import type { JsonObject } from './json';
import { read, readObjects, STRING } from './json';
import type { ValidationError } from './problem';
import { error } from './report';
import type { VolumeIndex } from './volumes';

/**
 * Upstream `validateEphemeralContainers`: every container rule (with the ephemeral allow-list),
 * names unique across all containers, a target that names a regular or init container, and no
 * `subPath`/`subPathExpr` mounts. `others` are the Pod's regular and init containers.
 */
export function validateEphemeralContainers(
  spec: JsonObject,
  specPath: string,
  others: readonly ContainerView[],
  volumes: VolumeIndex,
  out: ValidationError[],
): void {
  const targets = new Set(others.map(container => container.name ?? ''));
  const names = new Set(targets);
  for (const { path, item } of readObjects(
    spec,
    'ephemeralContainers',
    `${specPath}.ephemeralContainers`,
    out,
  )) {
    const { name } = validateContainer(item, path, out, { kind: 'ephemeral', volumes });
    const key = name ?? (typeof item.name === 'string' ? item.name : '');
    if (names.has(key)) {
      out.push(
        error(
          'ephemeral-container-name-duplicate',
          `${path}.name`,
          key,
          DUPLICATE,
          'Give the ephemeral container a name no other container of the Pod uses.',
        ),
      );
    } else {
      names.add(key);
    }
    const targetField = `${path}.targetContainerName`;
    const target = read(item, 'targetContainerName', targetField, STRING, out) ?? '';
    if (target !== '' && !targets.has(target)) {
      out.push(
        error(
          'ephemeral-container-target-not-found',
          targetField,
          target,
          NOT_FOUND,
          `Set ${targetField} to one of the Pod's containers or init containers.`,
        ),
      );
    }
    for (const { path: mountPath, item: mount } of readObjects(
      item,
      'volumeMounts',
      `${path}.volumeMounts`,
      [],
    )) {
      for (const key of ['subPath', 'subPathExpr']) {
        if (typeof mount[key] !== 'string' || mount[key] === '') continue;
        out.push(
          error(
            'ephemeral-container-sub-path-forbidden',
            `${mountPath}.${key}`,
            mount[key],
            forbidden('cannot be set for an Ephemeral Container'),
            `Remove ${mountPath}.${key}; mount the whole volume instead.`,
          ),
        );
      }
    }
  }
}
