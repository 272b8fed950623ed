import { required } from './field-error';
import type { JsonObject } from './json';
import { isUnset, OBJECT, read, STRING } from './json';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/** Seccomp profile types the API server accepts, in upstream's order. */
export const SECCOMP_PROFILE_TYPES: readonly string[] = ['Localhost', 'RuntimeDefault', 'Unconfined'];

/** Upstream `validateLocalDescendingPath`: a relative path that never steps up. */
export function localDescendingPathReasons(path: string): string[] {
  const found: string[] = [];
  if (path.startsWith('/')) found.push('must be a relative path');
  if (path.split('/').includes('..')) found.push("must not contain '..'");
  return found;
}

/**
 * Upstream `validateSeccompProfileField` for `<securityContext>.seccompProfile` (`path` is the
 * security context's path): a type, and `localhostProfile` exactly when the type is Localhost.
 */
export function validateSeccompProfile(
  securityContext: JsonObject,
  path: string,
  out: ValidationError[],
): void {
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
        `Set ${typeField} to RuntimeDefault, Localhost or Unconfined.`,
      ),
    );
  } else if (!SECCOMP_PROFILE_TYPES.includes(type)) {
    out.push(
      error(
        'seccomp-profile-type-unsupported',
        typeField,
        type,
        unsupported(SECCOMP_PROFILE_TYPES, 'as-given'),
        `Set ${typeField} to RuntimeDefault, Localhost or Unconfined.`,
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
      for (const reason of localDescendingPathReasons(local)) {
        out.push(
          error(
            'seccomp-localhost-profile-invalid',
            localField,
            local,
            reason,
            `Set ${localField} to a relative path inside the kubelet's seccomp directory, without '..'.`,
          ),
        );
      }
    }
  } else if (!isUnset(profile, 'localhostProfile')) {
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
}
