import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { asArray, asObject, asString, isJsonObject, isSet, valueAt } from '../manifest';
import { joinQuote, pluralize, sortedUnique } from '../wording';

/**
 * Inline volume sources restricted allows: ones that cannot reach host or network storage directly.
 * `image` joined in Kubernetes 1.33, in the v1.0 policy (older servers cannot store it).
 */
const RESTRICTED_ALLOWED_VOLUME_TYPES: readonly string[] = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/**
 * Volume sources restricted names in its detail, in upstream's switch order; a volume that sets
 * only sources outside both lists (one newer than this package) is reported as `unknown`.
 */
const RESTRICTED_VOLUME_TYPES: readonly string[] = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

const ALLOWED: ReadonlySet<string> = new Set(RESTRICTED_ALLOWED_VOLUME_TYPES);

/** Whether a volume sets any source restricted allows. */
function setsAllowedSource(volume: unknown): boolean {
  // A plain object (every parsed or rendered manifest) inherits none of the source names, so its
  // own keys tell, with one read per key it has instead of one per source: each read is slow.
  if (isJsonObject(volume) && isPlain(volume)) {
    for (const key of Object.getOwnPropertyNames(volume))
      if (ALLOWED.has(key) && isSet(volume[key])) return true;
    return false;
  }
  for (const type of RESTRICTED_ALLOWED_VOLUME_TYPES) if (isSet(valueAt(volume, type))) return true;
  return false;
}

/** Whether an object's prototype is Object.prototype or null, which define no volume source. */
function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Whether a volume sets nothing but its name. The API server defaults such a volume to an emptyDir
 * before admission (k8s.io/kubernetes pkg/apis/core/v1/defaults.go, SetDefaults_Volume), so upstream
 * admits it. A volume with any other key is not read as empty: the key may be a source this
 * package does not know.
 */
function setsNothing(volume: unknown): boolean {
  if (!isJsonObject(volume)) return false;
  for (const key of Object.keys(volume)) if (key !== 'name' && isSet(volume[key])) return false;
  return true;
}

/** Upstream's name for a volume's source: the first restricted source it sets, else `unknown`. */
function restrictedVolumeType(volume: unknown): string {
  for (const type of RESTRICTED_VOLUME_TYPES) if (isSet(valueAt(volume, type))) return type;
  return 'unknown';
}

// Upstream policy/check_restrictedVolumes.go, restrictedVolumes_1_0.
function restrictedVolumesV1Dot0({ spec, specPath }: PodView): CheckFinding | undefined {
  const names: string[] = [];
  const types: string[] = [];
  let field: string | undefined;
  const volumes = asArray(spec.volumes);
  for (let index = 0; index < volumes.length; index++) {
    const volume = volumes[index];
    // Upstream admits a volume as soon as it sets any allowed source, whatever else it sets.
    if (setsAllowedSource(volume) || setsNothing(volume)) continue;
    const type = restrictedVolumeType(volume);
    names.push(asString(asObject(volume)?.name));
    types.push(type);
    field ??= type === 'unknown' ? `${specPath}.volumes[${index}]` : `${specPath}.volumes[${index}].${type}`;
  }
  if (field === undefined) return undefined;
  const unique = sortedUnique(types);
  const volumesNamed = `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`;
  return {
    reason: 'restricted volume types',
    detail: `${volumesNamed} ${pluralize('uses', 'use', names.length)} ${pluralize('restricted volume type', 'restricted volume types', unique.length)} ${joinQuote(unique)}`,
    field,
    fix: `Replace ${volumesNamed} with ${RESTRICTED_ALLOWED_VOLUME_TYPES.join(', ')} volumes (a persistentVolumeClaim can front other storage).`,
  };
}

/** Restricted: only the allowed inline volume sources (v1.0; upstream runs it instead of hostPathVolumes). */
export const restrictedVolumes: PodSecurityCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  revisions: [{ since: 'v1.0', evaluate: restrictedVolumesV1Dot0 }],
};
