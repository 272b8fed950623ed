import type { JsonObject } from './json';
import { isJsonObject } from './json';

/** The container lists of a Pod spec, in upstream's visiting order. */
export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/**
 * Upstream `podshelper.VisitContainersWithPath`: every init, regular and ephemeral container of a
 * Pod spec with its path, skipping entries that are not objects (other rules report those).
 */
export function visitContainers(
  spec: JsonObject,
  specPath: string,
  visit: (container: JsonObject, path: string) => void,
): void {
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    for (let i = 0; i < containers.length; i++) {
      const container: unknown = containers[i];
      if (isJsonObject(container)) visit(container, `${specPath}.${list}[${i}]`);
    }
  }
}
