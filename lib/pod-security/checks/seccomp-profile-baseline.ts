import { ownField } from '../../rules/json';
import type { CheckFinding, PodSecurityCheck } from '../check';
import type { JsonObject, PodView } from '../manifest';
import { asObject, asString, text } from '../manifest';
import { joinQuote, pluralize, setterList, sortedUnique } from '../wording';

/** The pod-wide seccomp annotation read up to v1.18. */
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';

/** Prefix of the per-container seccomp annotations read up to v1.18 (the container name follows). */
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** Seccomp profile types that keep a syscall filter in place. */
const VALID_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** Whether a seccompProfile.type keeps a syscall filter in place; shared with the restricted check. */
export function isValidSeccompType(type: string): boolean {
  return VALID_TYPES.has(type);
}

/** Annotation values allowed up to v1.18. */
function validAnnotationValue(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

/** `key="value"` when the annotation is present with a forbidden value, as upstream prints it. */
function forbiddenAnnotation(annotations: JsonObject, key: string): string | undefined {
  if (!Object.hasOwn(annotations, key)) return undefined;
  const value = text(annotations[key]);
  return validAnnotationValue(value) ? undefined : `${key}=${JSON.stringify(value)}`;
}

// Upstream policy/check_seccompProfile_baseline.go, seccompProfileBaseline_1_0: the alpha
// annotations, only the pod's and those of containers the pod has.
function seccompProfileBaselineV1Dot0(pod: PodView): CheckFinding | undefined {
  const annotations = asObject(ownField(pod.metadata, 'annotations'));
  if (annotations === undefined) return undefined;
  const forbidden: string[] = [];
  let field: string | undefined;
  const podAnnotation = forbiddenAnnotation(annotations, POD_ANNOTATION);
  if (podAnnotation !== undefined) {
    forbidden.push(podAnnotation);
    field = `${pod.metadataPath}.annotations[${POD_ANNOTATION}]`;
  }
  for (const { name } of pod.containers) {
    const key = `${CONTAINER_ANNOTATION_PREFIX}${name}`;
    const shown = forbiddenAnnotation(annotations, key);
    if (shown === undefined) continue;
    forbidden.push(shown);
    field ??= `${pod.metadataPath}.annotations[${key}]`;
  }
  if (field === undefined) return undefined;
  const unique = sortedUnique(forbidden);
  return {
    reason: 'seccompProfile',
    detail: `forbidden ${pluralize('annotation', 'annotations', unique.length)} ${unique.join(', ')}`,
    field,
    fix: 'Set each seccomp.security.alpha.kubernetes.io annotation to "runtime/default" or "localhost/<profile>", or remove it.',
  };
}

// Upstream policy/check_seccompProfile_baseline.go, seccompProfileBaseline_1_19: the fields, only
// where set.
function seccompProfileBaselineV1Dot19(pod: PodView): CheckFinding | undefined {
  const badValues: string[] = [];
  let podIsBad = false;
  let field: string | undefined;
  const podProfile = asObject(ownField(pod.securityContext, 'seccompProfile'));
  if (podProfile !== undefined && !isValidSeccompType(asString(podProfile?.type))) {
    podIsBad = true;
    badValues.push(asString(podProfile?.type));
    field = `${pod.specPath}.securityContext.seccompProfile.type`;
  }
  const names: string[] = [];
  for (const { name, path, securityContext } of pod.containers) {
    const profile = asObject(securityContext?.seccompProfile);
    if (profile === undefined || isValidSeccompType(asString(profile?.type))) continue;
    names.push(name);
    badValues.push(asString(profile?.type));
    field ??= `${path}.securityContext.seccompProfile.type`;
  }
  if (field === undefined) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `${setterList(podIsBad, names)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`,
    field,
    fix: 'Set securityContext.seccompProfile.type to "RuntimeDefault" (or "Localhost" with a localhostProfile) instead of disabling the syscall filter.',
  };
}

/** Baseline: seccomp is not switched off: the alpha annotations up to v1.18, the fields from v1.19. */
export const seccompProfileBaseline: PodSecurityCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  revisions: [
    { since: 'v1.0', evaluate: seccompProfileBaselineV1Dot0 },
    { since: 'v1.19', evaluate: seccompProfileBaselineV1Dot19 },
  ],
};
