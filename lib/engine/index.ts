export type { ManifestEntry } from './check-manifests';
export { checkEntries, checkManifests } from './check-manifests';
export type { ChecksOptions } from './options';
export type { ParseOptionsContext } from './parse-options';
export { CHECKS_OPTION_NAMES, parseChecksOption, parseChecksOptions } from './parse-options';
export { placeManifests } from './place-manifests';
