import { isValidSeccompType } from './baseline-checks';
import type { FlaggedContainers, PodSecurityCheck } from './check';
import { flagContainers } from './check';
import type { JsonObject, PodView } from './manifest';
import { arrayAt, isSet, isWindowsPod, objectAt, stringAt, text, valueAt } from './manifest';
import { containerList, joinQuote, pluralize, setterList, sortedUnique } from './wording';

/*
 * Restricted checks of upstream k8s.io/pod-security-admission/policy at policy version v1.28.
 * The restricted level runs these on top of every baseline check.
 */

/** Inline volume sources restricted allows: ones that cannot reach host or network storage directly. */
export const RESTRICTED_ALLOWED_VOLUME_TYPES: readonly string[] = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/**
 * Volume sources restricted names in its detail, in upstream's switch order; a source outside both
 * lists is reported as `unknown` (at v1.28 that includes the later `image` source).
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

/** The one capability restricted lets containers add. */
const NET_BIND_SERVICE = 'NET_BIND_SERVICE';

/** `securityContext` of a container. */
function securityContextOf(container: JsonObject): JsonObject | undefined {
  return objectAt(container, 'securityContext');
}

const allowPrivilegeEscalation: PodSecurityCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  evaluate: pod => {
    // v1.25+: the API rejects this field on Windows pods, so upstream admits them without it.
    if (isWindowsPod(pod)) return undefined;
    const bad = flagContainers(pod, ({ container, path }) =>
      valueAt(securityContextOf(container), 'allowPrivilegeEscalation') === false
        ? undefined
        : `${path}.securityContext.allowPrivilegeEscalation`,
    );
    if (bad.firstField === undefined) return undefined;
    return {
      reason: 'allowPrivilegeEscalation != false',
      detail: `${containerList(bad.names)} must set securityContext.allowPrivilegeEscalation=false`,
      field: bad.firstField,
      fix: `Set securityContext.allowPrivilegeEscalation to false on ${containerList(bad.names)}.`,
    };
  },
};

const capabilitiesRestricted: PodSecurityCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  evaluate: pod => {
    // v1.25+: Windows pods cannot set capabilities at all, so upstream skips them.
    if (isWindowsPod(pod)) return undefined;
    const missingDropAll: string[] = [];
    const addingForbidden: string[] = [];
    const forbidden: string[] = [];
    const bad = flagContainers(pod, ({ container, name, path }) => {
      const capabilities = objectAt(securityContextOf(container), 'capabilities');
      const capabilitiesPath = `${path}.securityContext.capabilities`;
      let field: string | undefined;
      if (!arrayAt(capabilities, 'drop').some(capability => capability === 'ALL')) {
        missingDropAll.push(name);
        field = `${capabilitiesPath}.drop`;
      }
      let addedForbidden = false;
      arrayAt(capabilities, 'add').forEach((capability, index) => {
        if (capability !== NET_BIND_SERVICE) {
          addedForbidden = true;
          forbidden.push(text(capability));
          field ??= `${capabilitiesPath}.add[${index}]`;
        }
      });
      if (addedForbidden) addingForbidden.push(name);
      return field;
    });
    if (bad.firstField === undefined) return undefined;
    const details: string[] = [];
    if (missingDropAll.length > 0) {
      details.push(`${containerList(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
    }
    if (addingForbidden.length > 0) {
      details.push(
        `${containerList(addingForbidden)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`,
      );
    }
    return {
      reason: 'unrestricted capabilities',
      detail: details.join('; '),
      field: bad.firstField,
      fix: 'Set securityContext.capabilities.drop to ["ALL"] and add back nothing but NET_BIND_SERVICE.',
    };
  },
};

/** Upstream's name for a volume's source: the first restricted source it sets, else `unknown`. */
function restrictedVolumeType(volume: unknown): string {
  return RESTRICTED_VOLUME_TYPES.find(type => isSet(valueAt(volume, type))) ?? 'unknown';
}

const restrictedVolumes: PodSecurityCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  evaluate: ({ spec }) => {
    const names: string[] = [];
    const types: string[] = [];
    let field: string | undefined;
    arrayAt(spec, 'volumes').forEach((volume, index) => {
      // Upstream admits a volume as soon as it sets any allowed source, whatever else it sets.
      if (RESTRICTED_ALLOWED_VOLUME_TYPES.some(type => isSet(valueAt(volume, type)))) return;
      const type = restrictedVolumeType(volume);
      names.push(stringAt(volume, 'name'));
      types.push(type);
      field ??= type === 'unknown' ? `spec.volumes[${index}]` : `spec.volumes[${index}].${type}`;
    });
    if (field === undefined) return undefined;
    const unique = sortedUnique(types);
    return {
      reason: 'restricted volume types',
      detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('restricted volume type', 'restricted volume types', unique.length)} ${joinQuote(unique)}`,
      field,
      fix: `Replace ${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} with ${RESTRICTED_ALLOWED_VOLUME_TYPES.join(', ')} volumes (a persistentVolumeClaim can front other storage).`,
    };
  },
};

/**
 * The pod-or-every-container pattern shared by runAsNonRoot and seccompProfile_restricted:
 * explicit bad values anywhere are reported first; otherwise containers left unset without a good
 * pod-level value are reported.
 */
interface PodOrContainersResult {
  /** The pod-level field is set to a bad value. */
  readonly podIsBad: boolean;
  /** Containers that set the field to a bad value themselves. */
  readonly explicitlyBad: FlaggedContainers;
  /** Containers that leave the field unset while the pod does not set it to a good value. */
  readonly implicitlyBad: string[];
}

/** Classifies pod and containers for a field that must be good at pod level or on every container. */
function podOrContainers(
  pod: PodView,
  // Returns 'good', 'bad' or 'unset' for one securityContext.
  judge: (securityContext: JsonObject | undefined) => 'good' | 'bad' | 'unset',
  fieldOf: (securityContextPath: string) => string,
): PodOrContainersResult {
  const podJudgement = judge(objectAt(pod.spec, 'securityContext'));
  const implicitlyBad: string[] = [];
  const explicitlyBad = flagContainers(pod, ({ container, name, path }) => {
    const judgement = judge(securityContextOf(container));
    if (judgement === 'bad') return fieldOf(`${path}.securityContext`);
    if (judgement === 'unset' && podJudgement !== 'good') implicitlyBad.push(name);
    return undefined;
  });
  return { podIsBad: podJudgement === 'bad', explicitlyBad, implicitlyBad };
}

const runAsNonRoot: PodSecurityCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  evaluate: pod => {
    const field = (securityContextPath: string) => `${securityContextPath}.runAsNonRoot`;
    const result = podOrContainers(
      pod,
      securityContext => {
        const value = valueAt(securityContext, 'runAsNonRoot');
        if (value === true) return 'good';
        return value === false ? 'bad' : 'unset';
      },
      field,
    );
    const explicitField = result.podIsBad ? field('spec.securityContext') : result.explicitlyBad.firstField;
    if (explicitField !== undefined) {
      return {
        reason: 'runAsNonRoot != true',
        detail: `${setterList(result.podIsBad, result.explicitlyBad.names)} must not set securityContext.runAsNonRoot=false`,
        field: explicitField,
        fix: 'Set securityContext.runAsNonRoot to true (never false) and run the image as a non-root user.',
      };
    }
    if (result.implicitlyBad.length === 0) return undefined;
    return {
      reason: 'runAsNonRoot != true',
      detail: `pod or ${containerList(result.implicitlyBad)} must set securityContext.runAsNonRoot=true`,
      // Nothing is set to a bad value; the pod-level field is the single place that covers every container.
      field: field('spec.securityContext'),
      fix: 'Set spec.securityContext.runAsNonRoot to true on the pod (or on every container) and run the image as a non-root user.',
    };
  },
};

const runAsUser: PodSecurityCheck = {
  id: 'runAsUser',
  level: 'restricted',
  evaluate: pod => {
    const isRoot = (securityContext: JsonObject | undefined): boolean =>
      valueAt(securityContext, 'runAsUser') === 0;
    const podIsBad = isRoot(objectAt(pod.spec, 'securityContext'));
    const bad = flagContainers(pod, ({ container, path }) =>
      isRoot(securityContextOf(container)) ? `${path}.securityContext.runAsUser` : undefined,
    );
    const field = podIsBad ? 'spec.securityContext.runAsUser' : bad.firstField;
    if (field === undefined) return undefined;
    return {
      reason: 'runAsUser=0',
      detail: `${setterList(podIsBad, bad.names)} must not set runAsUser=0`,
      field,
      fix: 'Set runAsUser to a non-zero UID (e.g. 1000), or remove it and let the image run as its non-root user.',
    };
  },
};

const seccompProfileRestricted: PodSecurityCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  evaluate: pod => {
    // v1.25+: seccomp does not apply to Windows, so upstream skips Windows pods.
    if (isWindowsPod(pod)) return undefined;
    const badValues: string[] = [];
    const field = (securityContextPath: string) => `${securityContextPath}.seccompProfile.type`;
    const result = podOrContainers(
      pod,
      securityContext => {
        const profile = objectAt(securityContext, 'seccompProfile');
        if (profile === undefined) return 'unset';
        const type = stringAt(profile, 'type');
        if (isValidSeccompType(type)) return 'good';
        badValues.push(type);
        return 'bad';
      },
      field,
    );
    const explicitField = result.podIsBad ? field('spec.securityContext') : result.explicitlyBad.firstField;
    if (explicitField !== undefined) {
      return {
        reason: 'seccompProfile',
        detail: `${setterList(result.podIsBad, result.explicitlyBad.names)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`,
        field: explicitField,
        fix: 'Set securityContext.seccompProfile.type to "RuntimeDefault" (or "Localhost" with a localhostProfile) instead of disabling the syscall filter.',
      };
    }
    if (result.implicitlyBad.length === 0) return undefined;
    return {
      reason: 'seccompProfile',
      detail: `pod or ${containerList(result.implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      // Nothing is set to a bad value; the pod-level field is the single place that covers every container.
      field: field('spec.securityContext'),
      fix: 'Set spec.securityContext.seccompProfile.type to "RuntimeDefault" on the pod (or on every container).',
    };
  },
};

/** Restricted-only checks in upstream registration (file-name) order. */
export const RESTRICTED_CHECKS: readonly PodSecurityCheck[] = [
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
];
