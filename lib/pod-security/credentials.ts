import type { ValidationError } from '../rules/problem';
import { arrayAt, podViewOf, stringAt, valueAt } from './manifest';

/** Options for {@link findLiteralCredentials}. */
export interface LiteralCredentialOptions {
  /** Env var names that may carry a literal value although they look like credentials (exact, case-sensitive). */
  readonly allow?: readonly string[];
}

/** Words that mark a credential wherever they appear inside a name segment (`PGPASSWORD`, `DB_PASSWD`). */
const CREDENTIAL_SUBSTRINGS = ['password', 'passwd', 'passphrase'];

/**
 * Words that mark a credential when a segment is or ends with them (`JWT_SECRET`, `clientSecret`,
 * `GITHUB_TOKEN`); not plain substrings, because `TOKENIZERS_PARALLELISM` and `MAX_TOKENS` are settings.
 */
const CREDENTIAL_SUFFIXES = ['secret', 'token'];

/** Words that mark a credential only as a whole segment (`DB_PWD`, `SMTP_CREDENTIALS`). */
const CREDENTIAL_SEGMENTS = new Set(['pwd', 'credential', 'credentials', 'creds']);

/** Qualifiers that turn a following `KEY` into a credential (`API_KEY`, `apiKey`, `APIKEY`, `PRIVATE_KEY`). */
const KEY_QUALIFIERS = ['api', 'private', 'access', 'auth', 'secret', 'encryption', 'signing', 'master'];

/**
 * Words that mark a credential only as the last segment (`BASIC_AUTH`, `REDIS_AUTH`,
 * `PROXY_AUTHORIZATION`); as a prefix (`AUTH_URL`, `AUTH_PROVIDER`) they name settings.
 */
const CREDENTIAL_LAST_SEGMENTS = new Set(['auth', 'authorization']);

/**
 * Last segments that say the variable describes a credential rather than holds one
 * (`PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_TTL`, `TOKEN_URL`, `AWS_ACCESS_KEY_ID`).
 */
const DESCRIPTIVE_LAST_SEGMENTS = new Set([
  'algorithm',
  'arn',
  'count',
  'dir',
  'directory',
  'enable',
  'enabled',
  'endpoint',
  'expiration',
  'expires',
  'expiry',
  'file',
  'format',
  'header',
  'host',
  'id',
  'issuer',
  'len',
  'length',
  'lifetime',
  'location',
  'max',
  'method',
  'min',
  'mode',
  'name',
  'path',
  'policy',
  'port',
  'provider',
  'ref',
  'required',
  'scope',
  'scopes',
  'size',
  'timeout',
  'ttl',
  'type',
  'uri',
  'url',
  'user',
  'username',
  'version',
]);

/**
 * Names that match a pattern but conventionally hold no secret: `PWD` is the working directory and
 * `GOOGLE_APPLICATION_CREDENTIALS` is a path to a key file.
 */
const CONVENTIONAL_NON_SECRETS = new Set(['PWD', 'GOOGLE_APPLICATION_CREDENTIALS']);

/** Splits `MYSQL_ROOT_PASSWORD`, `aws-secret.key` or `dbPassword` into lower-case segments. */
function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(segment => segment.length > 0);
}

/** Whether a segment, or a segment and the next, form `<qualifier>key(s)`. */
function isQualifiedKey(segments: readonly string[], index: number): boolean {
  const segment = segments[index] ?? '';
  const next = segments[index + 1];
  return KEY_QUALIFIERS.some(
    qualifier =>
      segment === `${qualifier}key` ||
      segment === `${qualifier}keys` ||
      (segment === qualifier && (next === 'key' || next === 'keys')),
  );
}

/**
 * Whether an env var name looks like it holds a credential.
 *
 * The name is split into segments at `_`, `-`, `.` and camelCase humps and matched case-insensitively:
 * - `password`, `passwd`, `passphrase` anywhere in a segment (`MYSQL_ROOT_PASSWORD`, `PGPASSWORD`);
 * - a segment that is or ends with `secret` or `token` (`aws_secret_access_key`, `GITHUB_TOKEN`,
 *   `clientSecret`), but not `tokens` or `tokenizer`;
 * - a whole segment `pwd`, `credential(s)` or `creds` (`DB_PWD`); the bare name `PWD` is the shell's
 *   working directory and does not match;
 * - `api`, `private`, `access`, `auth`, `secret`, `encryption`, `signing` or `master` followed by
 *   `key(s)` (`API_KEY`, `APIKEY`, `apiKey`, `PRIVATE_KEY`, `ACCESS_KEY`);
 * - `auth` or `authorization` as the last segment (`BASIC_AUTH`), since `AUTH_URL` is a setting.
 *
 * A name whose last segment describes rather than holds the credential does not match:
 * `PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_PATH`, `TOKEN_URL`, `TOKEN_TTL` (a lifetime, not a token)
 * and `AWS_ACCESS_KEY_ID` (an identifier, like a user name). Nor does `GOOGLE_APPLICATION_CREDENTIALS`,
 * which by convention is a file path.
 */
export function looksLikeCredentialName(name: string): boolean {
  if (CONVENTIONAL_NON_SECRETS.has(name.toUpperCase())) return false;
  const segments = nameSegments(name);
  const last = segments[segments.length - 1];
  if (last === undefined || DESCRIPTIVE_LAST_SEGMENTS.has(last)) return false;
  if (CREDENTIAL_LAST_SEGMENTS.has(last)) return true;
  return segments.some(
    (segment, index) =>
      CREDENTIAL_SUBSTRINGS.some(word => segment.includes(word)) ||
      CREDENTIAL_SUFFIXES.some(word => segment.endsWith(word)) ||
      CREDENTIAL_SEGMENTS.has(segment) ||
      isQualifiedKey(segments, index),
  );
}

/** Shows a secret's length but never its characters. */
function redact(value: string): string {
  const length = [...value].length;
  return `<redacted, ${length} ${length === 1 ? 'char' : 'chars'}>`;
}

/** A Secret key name derived from the env var name, so the suggested fix reads naturally. */
function suggestedSecretKey(name: string): string {
  return nameSegments(name).join('-') || 'value';
}

/**
 * Finds env vars whose name looks like a credential (see {@link looksLikeCredentialName}) and whose
 * value is a non-empty literal, in a Pod or a workload's pod template; `valueFrom` is fine.
 */
export function findLiteralCredentials(
  podOrWorkload: unknown,
  options: LiteralCredentialOptions = {},
): ValidationError[] {
  const pod = podViewOf(podOrWorkload);
  if (pod === undefined) return [];
  const allowed = new Set(options.allow ?? []);
  const problems: ValidationError[] = [];
  for (const { container, name: containerName, path } of pod.containers) {
    arrayAt(container, 'env').forEach((env, index) => {
      const name = stringAt(env, 'name');
      const value = valueAt(env, 'value');
      if (typeof value !== 'string' || value === '' || allowed.has(name) || !looksLikeCredentialName(name))
        return;
      problems.push({
        rule: 'literal-credential',
        severity: 'error',
        field: `${path}.env[${index}].value`,
        value: redact(value),
        message: `env var "${name}" of container "${containerName}" looks like a credential, and its literal value would be stored in plain text in the manifest`,
        fix: `use valueFrom.secretKeyRef (kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(scope, 'Id', 'my-secret'), key: '${suggestedSecretKey(name)}' })), or list "${name}" in allowLiteralEnv if it is not a secret`,
      });
    });
  }
  return problems;
}
