import { required } from './field-errors';
import type { JsonObject } from './json';
import { isUnset, OBJECT, read, STRING } from './json';
import { validateLocalDescendingPath } from './paths';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/** Seccomp profile types the API server accepts, in upstream's order. */
export const SECCOMP_PROFILE_TYPES: readonly string[] = ['Localhost', 'RuntimeDefault', 'Unconfined'];

/** Which security context is checked: the Pod's (`<spec>.securityContext`) or a container's. */
export type SecurityContextScope = 'pod' | 'container';

/**
 * What the Pod's and a container's seccomp findings say differently. They were written apart and
 * are kept word for word; rule ids, messages, field paths and values are the same.
 */
interface SeccompWording {
  /** The fix for a missing or unsupported `type`, at `typeField`. */
  readonly typeFix: (typeField: string) => string;
  /** One fix for every invalid `localhostProfile` path, or undefined for the path checks' own fixes. */
  readonly pathFix: ((localField: string) => string) | undefined;
  /**
   * Whether a `localhostProfile` beside a type other than Localhost must be a string to be
   * reported as forbidden (a container's: anything else is a type error) or is forbidden whatever
   * it holds (the Pod's).
   */
  readonly forbiddenNeedsString: boolean;
}

const WORDING: Readonly<Record<SecurityContextScope, SeccompWording>> = {
  pod: {
    typeFix: field => `Set ${field} to RuntimeDefault, Localhost or Unconfined.`,
    pathFix: field => `Set ${field} to a relative path inside the kubelet's seccomp directory, without '..'.`,
    forbiddenNeedsString: false,
  },
  container: {
    typeFix: field => `Set ${field} to RuntimeDefault, Localhost (with localhostProfile) or Unconfined.`,
    pathFix: undefined,
    forbiddenNeedsString: true,
  },
};

/**
 * Upstream `validateSeccompProfileField` for `<securityContext>.seccompProfile` (`path` is the
 * security context's path, of the Pod or a container): a type, and `localhostProfile` exactly when
 * the type is Localhost.
 */
export function validateSeccompProfile(
  securityContext: JsonObject,
  path: string,
  scope: SecurityContextScope,
  out: ValidationError[],
): void {
  if (isUnset(securityContext, 'seccompProfile')) return;
  const wording = WORDING[scope];
  const field = `${path}.seccompProfile`;
  const profile = read(securityContext, 'seccompProfile', field, OBJECT, out);
  if (profile === undefined) return;
  const typeField = `${field}.type`;
  const type = read(profile, 'type', typeField, STRING, out) ?? '';
  if (type === '') {
    out.push(
      error(
        'seccomp-profile-type-required',
        typeField,
        profile.type,
        required('type is required when seccompProfile is set'),
        wording.typeFix(typeField),
      ),
    );
  } else if (!SECCOMP_PROFILE_TYPES.includes(type)) {
    out.push(
      error(
        'seccomp-profile-type-unsupported',
        typeField,
        type,
        unsupported(SECCOMP_PROFILE_TYPES, 'as-given'),
        wording.typeFix(typeField),
      ),
    );
  }
  const localField = `${field}.localhostProfile`;
  if (type === 'Localhost') {
    const local = read(profile, 'localhostProfile', localField, STRING, out);
    if (local === undefined) {
      out.push(
        error(
          'seccomp-localhost-profile-required',
          localField,
          undefined,
          required('must be set when seccomp type is Localhost'),
          `Set ${localField} to the profile's path relative to the kubelet's seccomp directory.`,
        ),
      );
    } else {
      validateLocalDescendingPath(
        local,
        localField,
        'seccomp-localhost-profile-invalid',
        out,
        wording.pathFix?.(localField),
      );
    }
    return;
  }
  if (isUnset(profile, 'localhostProfile')) return;
  if (
    wording.forbiddenNeedsString &&
    read(profile, 'localhostProfile', localField, STRING, out) === undefined
  )
    return;
  out.push(
    error(
      'seccomp-localhost-profile-forbidden',
      localField,
      profile,
      'can only be set when seccomp type is Localhost',
      `Remove ${localField}, or set ${typeField} to Localhost.`,
    ),
  );
}
