import { ownField } from '../../rules/json';
import type { CheckFinding, PodSecurityCheck } from '../check';
import type { JsonObject, PodView } from '../manifest';
import { asObject, asString, text } from '../manifest';
import { containerList, joinQuote, pluralize, sortedUnique } from '../wording';

/** Annotation prefix of the per-container AppArmor profile used before the v1.30 fields. */
const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** `appArmorProfile.type` values baseline allows. */
const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** Annotation values baseline allows: empty, `runtime/default`, or any `localhost/` profile. */
function allowedAnnotationValue(profile: string): boolean {
  return profile === '' || profile === 'runtime/default' || profile.startsWith('localhost/');
}

/** The `appArmorProfile.type` of a securityContext when it sets a forbidden one, else undefined. */
function forbiddenType(securityContext: JsonObject | undefined): string | undefined {
  const profile = asObject(securityContext?.appArmorProfile);
  if (profile === undefined) return undefined;
  const type = asString(profile?.type);
  return ALLOWED_TYPES.has(type) ? undefined : type;
}

/** Forbidden annotations as upstream prints them (`key="value"`), sorted, each with its key. */
function forbiddenAnnotations(annotations: JsonObject): { key: string; shown: string }[] {
  const forbidden: { key: string; shown: string }[] = [];
  for (const key of Object.keys(annotations)) {
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
    const value = text(annotations[key]);
    if (!allowedAnnotationValue(value)) forbidden.push({ key, shown: `${key}=${JSON.stringify(value)}` });
  }
  // Upstream sorts the printed strings; sorting the entries by them keeps the field on the first one shown.
  return forbidden.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

// Upstream policy/check_appArmorProfile.go, appArmorProfile_1_0. The securityContext.appArmorProfile
// fields arrived with Kubernetes 1.30, but upstream checks them in the v1.0 policy (older servers
// cannot store them), so every version reads both the fields and the annotations.
function appArmorProfileV1Dot0(pod: PodView): CheckFinding | undefined {
  const badValues: string[] = [];
  let field: string | undefined;
  const podType = forbiddenType(pod.securityContext);
  if (podType !== undefined) {
    badValues.push(podType);
    field = `${pod.specPath}.securityContext.appArmorProfile.type`;
  }
  const names: string[] = [];
  for (const { name, path, securityContext } of pod.containers) {
    const type = forbiddenType(securityContext);
    if (type === undefined) continue;
    names.push(name);
    badValues.push(type);
    field ??= `${path}.securityContext.appArmorProfile.type`;
  }
  const annotations = forbiddenAnnotations(asObject(ownField(pod.metadata, 'annotations')) ?? {});
  const firstAnnotation = annotations[0];
  if (firstAnnotation !== undefined) field ??= `${pod.metadataPath}.annotations[${firstAnnotation.key}]`;
  if (field === undefined) return undefined;
  const setters: string[] = [];
  if (podType !== undefined) setters.push('pod');
  if (names.length > 0) setters.push(containerList(names));
  if (annotations.length > 0) setters.push(pluralize('annotation', 'annotations', annotations.length));
  const values = [...sortedUnique(badValues), ...annotations.map(annotation => annotation.shown)];
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
    field,
    fix: 'Set securityContext.appArmorProfile.type to "RuntimeDefault" or "Localhost" (and any container.apparmor.security.beta.kubernetes.io/* annotation to "runtime/default" or "localhost/<profile>"), or remove it.',
  };
}

/** Baseline: AppArmor profiles stay RuntimeDefault or Localhost, in the fields and the beta annotations (v1.0). */
export const appArmorProfile: PodSecurityCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  revisions: [{ since: 'v1.0', evaluate: appArmorProfileV1Dot0 }],
};
