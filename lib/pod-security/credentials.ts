import type { ValidationError } from '../rules/problem';
import { looksLikeCredentialName, nameSegments } from './credential-names';
import type { EmbeddedCredential } from './credential-values';
import { EMBEDDED_CREDENTIAL_NOUNS, embeddedCredential } from './credential-values';
import type { ContainerRef, PodView } from './manifest';
import { arrayAt, podViewOf, stringAt, valueAt } from './manifest';

export { looksLikeCredentialName } from './credential-names';
export type { EmbeddedCredential } from './credential-values';
export { embeddedCredential } from './credential-values';

/** Options for {@link findLiteralCredentials}. */
export interface LiteralCredentialOptions {
  /**
   * Env var names that may carry a literal value although it looks like a credential, by name or
   * by value (exact, case-sensitive). Command and args have no name and cannot be allowed.
   */
  readonly allow?: readonly string[];
}

/** Where a plain-text value ends up; every message says so. */
const PLAIN_TEXT = 'which would be stored in plain text in the manifest';

/** The container fields whose literal strings are searched for embedded credentials. */
const ARGUMENT_LISTS = ['command', 'args'] as const;

/** Shows a secret's length but never its characters. */
function redact(value: string): string {
  const length = [...value].length;
  return `<redacted, ${length} ${length === 1 ? 'char' : 'chars'}>`;
}

/** A Secret key name derived from the env var name, so the suggested fix reads naturally. */
function suggestedSecretKey(name: string): string {
  return nameSegments(name).join('-') || 'value';
}

/** `kplus.EnvValue.fromSecretValue(...)` for a key, as the fixes spell it. */
function fromSecretValue(key: string): string {
  return `kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(scope, 'Id', 'my-secret'), key: '${key}' })`;
}

/** The env var whose name looks like a credential (rule `literal-credential`). */
function credentialName(ref: ContainerRef, index: number, name: string, value: string): ValidationError {
  return {
    rule: 'literal-credential',
    severity: 'error',
    field: `${ref.path}.env[${index}].value`,
    value: redact(value),
    message: `env var "${name}" of container "${ref.name}" looks like a credential, and its literal value would be stored in plain text in the manifest`,
    fix: `use valueFrom.secretKeyRef (${fromSecretValue(suggestedSecretKey(name))}), or list "${name}" in allowLiteralEnv if it is not a secret`,
  };
}

/** How to fix a credential embedded in env var `name`. */
function envValueFix(kind: EmbeddedCredential, name: string): string {
  if (kind === 'url-password') {
    const variable = `${name}_PASSWORD`;
    return `Put the password in a Secret, add env var "${variable}" from it with valueFrom.secretKeyRef (${fromSecretValue('password')}) before "${name}", and write $(${variable}) in the URL in place of the password, or list "${name}" in allowLiteralEnv if it is not a secret.`;
  }
  return `Put the value in a Secret and use valueFrom.secretKeyRef (${fromSecretValue(suggestedSecretKey(name))}), or list "${name}" in allowLiteralEnv if it is not a secret.`;
}

/** An env var whose literal value embeds a credential (rule `literal-credential-value`). */
function credentialInEnv(
  ref: ContainerRef,
  index: number,
  name: string,
  value: string,
  kind: EmbeddedCredential,
): ValidationError {
  return {
    rule: 'literal-credential-value',
    severity: 'error',
    field: `${ref.path}.env[${index}].value`,
    value: redact(value),
    message: `env var "${name}" of container "${ref.name}" holds ${EMBEDDED_CREDENTIAL_NOUNS[kind]}, ${PLAIN_TEXT}`,
    fix: envValueFix(kind, name),
  };
}

/** A command or args entry whose literal embeds a credential (rule `literal-credential-value`). */
function credentialInArgument(
  ref: ContainerRef,
  list: (typeof ARGUMENT_LISTS)[number],
  index: number,
  value: string,
  kind: EmbeddedCredential,
): ValidationError {
  const where = list === 'command' ? 'the command' : 'an argument';
  return {
    rule: 'literal-credential-value',
    severity: 'error',
    field: `${ref.path}.${list}[${index}]`,
    value: redact(value),
    message: `${where} of container "${ref.name}" holds ${EMBEDDED_CREDENTIAL_NOUNS[kind]}, ${PLAIN_TEXT}`,
    fix: 'Put the secret part in a Secret, expose it as an env var with valueFrom.secretKeyRef, and write $(VAR) in its place, which Kubernetes expands in command and args.',
  };
}

/**
 * Finds literal credentials in a Pod or a workload's pod template, at the field paths of the
 * object passed in:
 * - `literal-credential`: an env var whose name looks like a credential (see
 *   {@link looksLikeCredentialName}) with a non-empty literal `value`; `valueFrom` is fine;
 * - `literal-credential-value`: any other env var whose literal value embeds a credential (see
 *   {@link embeddedCredential}: a URL with a password, an Authorization Bearer or Basic value, a PEM
 *   private key), and any `command` or `args` entry that does.
 * One finding per field; values are never echoed, only their length.
 */
export function findLiteralCredentials(
  podOrWorkload: unknown,
  options: LiteralCredentialOptions = {},
): ValidationError[] {
  const pod = podViewOf(podOrWorkload);
  return pod === undefined ? [] : findLiteralCredentialsIn(pod, options);
}

/** `findLiteralCredentials` for a pod the caller has already read into a view. */
export function findLiteralCredentialsIn(
  pod: PodView,
  options: LiteralCredentialOptions = {},
): ValidationError[] {
  // Built on the first literal value: most Pods have none.
  let allowed: ReadonlySet<string> | undefined;
  const problems: ValidationError[] = [];
  for (const ref of pod.containers) {
    const env = arrayAt(ref.container, 'env');
    for (let index = 0; index < env.length; index++) {
      const value = valueAt(env[index], 'value');
      if (typeof value !== 'string' || value === '') continue;
      const name = stringAt(env[index], 'name');
      allowed ??= new Set(options.allow ?? []);
      if (allowed.has(name)) continue;
      if (looksLikeCredentialName(name)) {
        problems.push(credentialName(ref, index, name, value));
        continue;
      }
      const kind = embeddedCredential(value);
      if (kind !== undefined) problems.push(credentialInEnv(ref, index, name, value, kind));
    }
    for (const list of ARGUMENT_LISTS) {
      const entries = arrayAt(ref.container, list);
      for (let index = 0; index < entries.length; index++) {
        const value = entries[index];
        if (typeof value !== 'string') continue;
        const kind = embeddedCredential(value);
        if (kind !== undefined) problems.push(credentialInArgument(ref, list, index, value, kind));
      }
    }
  }
  return problems;
}
