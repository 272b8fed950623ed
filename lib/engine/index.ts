export type { ManifestEntry } from './check-manifests';
export { checkEntries, checkManifests } from './check-manifests';
export type { ChecksOptions } from './options';
