import type { JsonObject } from './json';
import { isUnset, OBJECT, read, STRING } from './json';
import { isDns1123Subdomain } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';
import type { SecurityContextScope } from './seccomp';

const MAX_GMSA_SPEC_BYTES = 64 * 1024;
const MAX_DOMAIN_LENGTH = 256;
const MAX_USER_LENGTH = 104;
// Upstream's regexes; Go counts runes in `{0,14}`, hence the `u` flag.
// biome-ignore lint/suspicious/noControlCharactersInRegex: POSIX [[:cntrl:]] is exactly what upstream forbids.
const CONTROL = /[\x00-\x1f\x7f]/;
const NETBIOS_DOMAIN = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/u;
const DNS_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const DNS_DOMAIN = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const USER_BAD_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const USER_DOTS_SPACES = /^[. ]+$/;

const bytes = (value: string): number => Buffer.byteLength(value, 'utf8');

/** Upstream's checks of a `runAsUserName` (`DOMAIN\USER`), in its order. */
function runAsUserNameReasons(name: string): string[] {
  if (name === '') return ['runAsUserName cannot be an empty string'];
  if (CONTROL.test(name)) return ['runAsUserName cannot contain control characters'];
  const parts = name.split('\\');
  if (parts.length > 2) return ['runAsUserName cannot contain more than one backslash'];
  const [domain, user] = parts.length === 2 ? (parts as [string, string]) : ['', parts[0] as string];
  const found: string[] = [];
  if (bytes(domain) >= MAX_DOMAIN_LENGTH) {
    found.push(`runAsUserName's Domain length must be under ${MAX_DOMAIN_LENGTH} characters`);
  }
  if (parts.length === 2 && !(NETBIOS_DOMAIN.test(domain) || DNS_DOMAIN.test(domain))) {
    found.push("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
  }
  if (user === '') found.push("runAsUserName's User cannot be empty");
  else if (bytes(user) > MAX_USER_LENGTH) {
    found.push(`runAsUserName's User length must not be longer than ${MAX_USER_LENGTH} characters`);
  }
  if (USER_DOTS_SPACES.test(user)) found.push("runAsUserName's User cannot contain only periods or spaces");
  if (USER_BAD_CHARS.test(user)) {
    found.push(`runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`);
  }
  return found;
}

/** Upstream's reason for a `gmsaCredentialSpec`, or undefined when it is fine. */
function credentialSpecReason(spec: string): string | undefined {
  if (spec === '') return 'gmsaCredentialSpec cannot be an empty string';
  if (bytes(spec) > MAX_GMSA_SPEC_BYTES) return 'gmsaCredentialSpec size must be under 64 KiB';
  return undefined;
}

/**
 * What the Pod's and a container's Windows options findings say differently. They were written
 * apart and are kept word for word; rule ids, reasons, field paths and values are the same.
 */
interface WindowsOptionsWording {
  /** Several reasons for one field: one finding with them joined (the Pod's), or one each (a container's). */
  readonly joinReasons: boolean;
  /** The fix for `gmsaCredentialSpecName`, at `field`. */
  readonly nameFix: (field: string) => string;
  /** The fix for `gmsaCredentialSpec`, at `field`. */
  readonly specFix: (field: string) => string;
  /** The fix for `runAsUserName`, at `field`. */
  readonly userFix: (field: string) => string;
}

const WORDING: Readonly<Record<SecurityContextScope, WindowsOptionsWording>> = {
  pod: {
    joinReasons: true,
    nameFix: field => `Set ${field} to the name of a GMSACredentialSpec resource.`,
    specFix: field => `Remove ${field}, or set it to the JSON credential spec (at most 64 KiB).`,
    userFix: field =>
      `Set ${field} to USER or DOMAIN\\USER: a user of at most 104 characters without "/\\:;|=,+*?<>@[], and a NetBIOS or DNS domain.`,
  },
  container: {
    joinReasons: false,
    nameFix: () => 'Set it to the name of a GMSACredentialSpec resource.',
    specFix: () => 'Set gmsaCredentialSpec to the credential spec JSON, or remove it.',
    userFix: field => `Set ${field} to "USER" or "DOMAIN\\USER".`,
  },
};

/** Reports a field's reasons: joined into one finding, or one finding each. */
function pushReasons(
  join: boolean,
  rule: string,
  field: string,
  value: string,
  found: readonly string[],
  fix: string,
  out: ValidationError[],
): void {
  if (join) {
    out.push(error(rule, field, value, reasons(found), fix));
    return;
  }
  for (const reason of found) out.push(error(rule, field, value, reason, fix));
}

/**
 * Upstream `validateWindowsSecurityContextOptions` for `<securityContext>.windowsOptions` (`path` is
 * the security context's path, of the Pod or a container): the GMSA credential spec name and size,
 * and `runAsUserName`.
 */
export function validateWindowsOptions(
  securityContext: JsonObject,
  path: string,
  scope: SecurityContextScope,
  out: ValidationError[],
): void {
  if (isUnset(securityContext, 'windowsOptions')) return;
  const wording = WORDING[scope];
  const field = `${path}.windowsOptions`;
  const options = read(securityContext, 'windowsOptions', field, OBJECT, out);
  if (options === undefined) return;
  const nameField = `${field}.gmsaCredentialSpecName`;
  const specName = read(options, 'gmsaCredentialSpecName', nameField, STRING, out);
  if (specName !== undefined) {
    const nameReasons = isDns1123Subdomain(specName);
    if (nameReasons.length > 0) {
      const fix = wording.nameFix(nameField);
      const rule = 'windows-gmsa-credential-spec-name-invalid';
      pushReasons(wording.joinReasons, rule, nameField, specName, nameReasons, fix, out);
    }
  }
  const specField = `${field}.gmsaCredentialSpec`;
  const spec = read(options, 'gmsaCredentialSpec', specField, STRING, out);
  const specReason = spec === undefined ? undefined : credentialSpecReason(spec);
  if (specReason !== undefined) {
    out.push(
      error('windows-gmsa-credential-spec-invalid', specField, spec, specReason, wording.specFix(specField)),
    );
  }
  const userField = `${field}.runAsUserName`;
  const user = read(options, 'runAsUserName', userField, STRING, out);
  if (user === undefined) return;
  const userReasons = runAsUserNameReasons(user);
  if (userReasons.length > 0) {
    const fix = wording.userFix(userField);
    const rule = 'windows-run-as-user-name-invalid';
    pushReasons(wording.joinReasons, rule, userField, user, userReasons, fix, out);
  }
}
