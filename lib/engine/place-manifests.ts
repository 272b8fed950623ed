import { defaultManifest } from '../rules/defaults';
import type { NodeInfo, Placement } from '../scheduling';
import { placePods } from '../scheduling';

/**
 * Where the Pods of the manifests land on the nodes: `placePods` over the manifests after the API
 * server's v1 defaults, as the engine's scheduling pre-flight (`checkEntries` with `nodes`) sees
 * them, so the placement a front-end prints and the problems it reports agree.
 */
export function placeManifests(manifests: readonly unknown[], nodes: readonly NodeInfo[]): Placement {
  return placePods(manifests.map(defaultManifest), nodes);
}
