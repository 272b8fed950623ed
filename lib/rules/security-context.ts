import { required } from './field-errors';
import type { Expected, JsonObject } from './json';
import { INTEGER, isUnset, LIST, OBJECT, read, STRING } from './json';
import { inclusiveRangeError, isDns1123Subdomain } from './names';
import { validateLocalDescendingPath } from './paths';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/*
 * A container's `securityContext` (pkg/apis/core/validation: `ValidateSecurityContext`,
 * `validateSeccompProfileField`, `ValidateProcMountType`, `validateWindowsSecurityContextOptions`).
 * `privileged: true` is not checked against the server's --allow-privileged flag, which is a
 * cluster setting.
 */

const MAX_ID = 2147483647;
const BOOLEAN: Expected<boolean> = { noun: 'a boolean', test: (v): v is boolean => typeof v === 'boolean' };
const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const PROC_MOUNTS = ['Default', 'Unmasked'];

/** Upstream `IsValidUserID`/`IsValidGroupID`: 0 to 2^31-1. */
export function validateId(context: JsonObject, key: string, path: string, out: ValidationError[]): void {
  const raw = context[key];
  if (
    raw === undefined ||
    raw === null ||
    (Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= MAX_ID)
  )
    return;
  const field = `${path}.${key}`;
  const id = read(context, key, field, INTEGER, out);
  if (id !== undefined && (id < 0 || id > MAX_ID)) {
    out.push(
      error(
        'security-context-id-invalid',
        field,
        id,
        inclusiveRangeError(0, MAX_ID),
        `Set ${field} to an id between 0 and ${MAX_ID}.`,
      ),
    );
  }
}

/** Upstream `validateSeccompProfileField` for a `seccompProfile` of a Pod or container context at `path`. */
export function validateSeccompProfile(context: JsonObject, path: string, out: ValidationError[]): void {
  if (isUnset(context, 'seccompProfile')) return;
  const profilePath = `${path}.seccompProfile`;
  const profile = read(context, 'seccompProfile', profilePath, OBJECT, out);
  if (profile === undefined) return;
  const typeField = `${profilePath}.type`;
  const type = read(profile, 'type', typeField, STRING, out) ?? '';
  const typeFix = `Set ${typeField} to RuntimeDefault, Localhost (with localhostProfile) or Unconfined.`;
  if (type === '') {
    out.push(
      error(
        'seccomp-profile-type-required',
        typeField,
        profile.type,
        required('type is required when seccompProfile is set'),
        typeFix,
      ),
    );
  } else if (!SECCOMP_TYPES.includes(type)) {
    out.push(
      error(
        'seccomp-profile-type-unsupported',
        typeField,
        type,
        unsupported(SECCOMP_TYPES, 'as-given'),
        typeFix,
      ),
    );
  }
  const localField = `${profilePath}.localhostProfile`;
  const local = read(profile, 'localhostProfile', localField, STRING, out);
  if (type === 'Localhost') {
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
      validateLocalDescendingPath(local, localField, 'seccomp-localhost-profile-invalid', out);
    }
  } else if (local !== undefined) {
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

// Upstream's Windows user name rules (`validateWindowsSecurityContextOptions`).
const NETBIOS_RE = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/u;
const DNS_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const DNS_DOMAIN_RE = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const USER_BAD_CHARS_RE = /["/\\:;|=,+*?<>@[\]]/;
const USER_DOTS_SPACES_RE = /^[. ]+$/;
const bytes = (value: string): number => Buffer.byteLength(value, 'utf8');

/** Go's `[[:cntrl:]]`: an ASCII control character. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The reasons upstream gives for a Windows `runAsUserName`. */
function runAsUserNameReasons(name: string): string[] {
  if (name === '') return ['runAsUserName cannot be an empty string'];
  if (hasControlCharacter(name)) return ['runAsUserName cannot contain control characters'];
  const parts = name.split('\\');
  if (parts.length > 2) return ['runAsUserName cannot contain more than one backslash'];
  const [domain, user] = parts.length === 1 ? ['', parts[0] as string] : (parts as [string, string]);
  const found: string[] = [];
  if (bytes(domain) >= 256) found.push("runAsUserName's Domain length must be under 256 characters");
  if (parts.length === 2 && !NETBIOS_RE.test(domain) && !DNS_DOMAIN_RE.test(domain)) {
    found.push("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
  }
  if (user === '') found.push("runAsUserName's User cannot be empty");
  else if (bytes(user) > 104)
    found.push("runAsUserName's User length must not be longer than 104 characters");
  if (USER_DOTS_SPACES_RE.test(user))
    found.push("runAsUserName's User cannot contain only periods or spaces");
  if (USER_BAD_CHARS_RE.test(user)) {
    found.push(`runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`);
  }
  return found;
}

/** Upstream `validateWindowsSecurityContextOptions` for the `windowsOptions` of a context at `path`. */
export function validateWindowsOptions(context: JsonObject, path: string, out: ValidationError[]): void {
  if (isUnset(context, 'windowsOptions')) return;
  const optionsPath = `${path}.windowsOptions`;
  const options = read(context, 'windowsOptions', optionsPath, OBJECT, out);
  if (options === undefined) return;
  const specName = read(
    options,
    'gmsaCredentialSpecName',
    `${optionsPath}.gmsaCredentialSpecName`,
    STRING,
    out,
  );
  if (specName !== undefined) {
    for (const reason of isDns1123Subdomain(specName)) {
      out.push(
        error(
          'windows-gmsa-credential-spec-name-invalid',
          `${optionsPath}.gmsaCredentialSpecName`,
          specName,
          reason,
          'Set it to the name of a GMSACredentialSpec resource.',
        ),
      );
    }
  }
  const spec = read(options, 'gmsaCredentialSpec', `${optionsPath}.gmsaCredentialSpec`, STRING, out);
  if (spec !== undefined && (spec === '' || bytes(spec) > 64 * 1024)) {
    out.push(
      error(
        'windows-gmsa-credential-spec-invalid',
        `${optionsPath}.gmsaCredentialSpec`,
        spec,
        spec === ''
          ? 'gmsaCredentialSpec cannot be an empty string'
          : 'gmsaCredentialSpec size must be under 64 KiB',
        'Set gmsaCredentialSpec to the credential spec JSON, or remove it.',
      ),
    );
  }
  const userField = `${optionsPath}.runAsUserName`;
  const userName = read(options, 'runAsUserName', userField, STRING, out);
  if (userName === undefined) return;
  for (const reason of runAsUserNameReasons(userName)) {
    out.push(
      error(
        'windows-run-as-user-name-invalid',
        userField,
        userName,
        reason,
        `Set ${userField} to "USER" or "DOMAIN\\USER".`,
      ),
    );
  }
}

/**
 * Upstream `ValidateSecurityContext` for the container at `path`: user and group ids, `procMount`,
 * the seccomp profile, Windows options, and the settings `allowPrivilegeEscalation: false`
 * contradicts (`privileged: true`, adding `CAP_SYS_ADMIN`).
 */
export function validateContainerSecurityContext(
  container: JsonObject,
  path: string,
  out: ValidationError[],
): void {
  const contextPath = `${path}.securityContext`;
  const context = read(container, 'securityContext', contextPath, OBJECT, out);
  if (context === undefined) return;
  validateId(context, 'runAsUser', contextPath, out);
  validateId(context, 'runAsGroup', contextPath, out);
  // Stricter than a default 1.28 server, which drops procMount unless the ProcMountType gate is on.
  const procMount = isUnset(context, 'procMount')
    ? undefined
    : read(context, 'procMount', `${contextPath}.procMount`, STRING, out);
  if (procMount !== undefined && !PROC_MOUNTS.includes(procMount)) {
    out.push(
      error(
        'security-context-proc-mount-unsupported',
        `${contextPath}.procMount`,
        procMount,
        unsupported(PROC_MOUNTS, 'as-given'),
        `Set ${contextPath}.procMount to Default, or remove it.`,
      ),
    );
  }
  validateSeccompProfile(context, contextPath, out);
  const escalation =
    context.allowPrivilegeEscalation === false
      ? false
      : read(context, 'allowPrivilegeEscalation', `${contextPath}.allowPrivilegeEscalation`, BOOLEAN, out);
  if (escalation === false) {
    const privileged = read(context, 'privileged', `${contextPath}.privileged`, BOOLEAN, []);
    if (privileged === true) {
      out.push(
        error(
          'security-context-privileged-escalation-conflict',
          contextPath,
          context,
          'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
          `Remove privileged: true (a privileged container can always escalate), or set ${contextPath}.allowPrivilegeEscalation to true.`,
        ),
      );
    }
    const capabilities = read(context, 'capabilities', `${contextPath}.capabilities`, OBJECT, []) ?? {};
    const added = isUnset(capabilities, 'add')
      ? []
      : (read(capabilities, 'add', `${contextPath}.capabilities.add`, LIST, []) ?? []);
    for (const capability of added) {
      if (capability !== 'CAP_SYS_ADMIN') continue;
      out.push(
        error(
          'security-context-sys-admin-escalation-conflict',
          contextPath,
          context,
          'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
          `Remove CAP_SYS_ADMIN from ${contextPath}.capabilities.add, or set ${contextPath}.allowPrivilegeEscalation to true.`,
        ),
      );
    }
  }
  validateWindowsOptions(context, contextPath, out);
}
