/*
 * Env var names that look like they hold a credential. Heuristic: no upstream rule exists; the
 * word lists follow common naming (12-factor apps, official Docker images such as mysql and
 * postgres, cloud SDKs) and are tested against near misses.
 */

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
 * `PROXY_AUTHORIZATION`, `DB_PASS`); as a prefix (`AUTH_URL`, `PASS_THROUGH`) they name settings.
 */
const CREDENTIAL_LAST_SEGMENTS = new Set(['auth', 'authorization', 'pass']);

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

/** A lower-case letter or digit followed by an upper-case letter: a camelCase hump. */
const HUMP = /([a-z0-9])([A-Z])/g;

/** Anything but a lower-case letter or digit separates segments. */
const SEPARATORS = /[^a-z0-9]+/;

/** Splits `MYSQL_ROOT_PASSWORD`, `aws-secret.key` or `dbPassword` into lower-case segments. */
export function nameSegments(name: string): string[] {
  const segments: string[] = [];
  for (const segment of name.replace(HUMP, '$1_$2').toLowerCase().split(SEPARATORS)) {
    if (segment.length > 0) segments.push(segment);
  }
  return segments;
}

/** `apikey`, `apikeys`, `privatekey`, ...: a qualifier and `key(s)` written as one segment. */
const QUALIFIED_KEY_SEGMENTS: ReadonlySet<string> = new Set(
  KEY_QUALIFIERS.flatMap(qualifier => [`${qualifier}key`, `${qualifier}keys`]),
);

/** The qualifiers as a set, for the two-segment form (`API_KEY`). */
const KEY_QUALIFIER_SET: ReadonlySet<string> = new Set(KEY_QUALIFIERS);

/** Whether a segment, or a segment and the next, form `<qualifier>key(s)`. */
function isQualifiedKey(segments: readonly string[], index: number): boolean {
  const segment = segments[index] ?? '';
  if (QUALIFIED_KEY_SEGMENTS.has(segment)) return true;
  const next = segments[index + 1];
  return KEY_QUALIFIER_SET.has(segment) && (next === 'key' || next === 'keys');
}

/** Whether one segment marks a credential on its own or with the next one. */
function isCredentialSegment(segments: readonly string[], index: number): boolean {
  const segment = segments[index] ?? '';
  if (CREDENTIAL_SEGMENTS.has(segment) || isQualifiedKey(segments, index)) return true;
  for (const word of CREDENTIAL_SUBSTRINGS) if (segment.includes(word)) return true;
  for (const word of CREDENTIAL_SUFFIXES) if (segment.endsWith(word)) return true;
  return false;
}

/**
 * Whether an env var name looks like it holds a credential.
 *
 * The name is split into segments at `_`, `-`, `.` and camelCase humps and matched case-insensitively:
 * - `password`, `passwd`, `passphrase` anywhere in a segment (`MYSQL_ROOT_PASSWORD`, `PGPASSWORD`);
 * - a segment that is or ends with `secret` or `token` (`aws_secret_access_key`, `GITHUB_TOKEN`,
 *   `clientSecret`), but not `tokens` or `tokenizer`;
 * - a whole segment `pwd`, `credential(s)` or `creds` (`DB_PWD`, `SMTP_PWD`); the bare name `PWD`
 *   is the shell's working directory and does not match, nor does `OLDPWD`;
 * - `api`, `private`, `access`, `auth`, `secret`, `encryption`, `signing` or `master` followed by
 *   `key(s)` (`API_KEY`, `APIKEY`, `apiKey`, `PRIVATE_KEY`, `ACCESS_KEY`);
 * - `auth`, `authorization` or `pass` as the last segment (`BASIC_AUTH`, `DB_PASS`, `dbPass`), since
 *   `AUTH_URL` and `PASS_THROUGH` are settings; `pass` inside a word (`PASSPORT`, `BYPASS`,
 *   `COMPASS`) does not count.
 *
 * A name whose last segment describes rather than holds the credential does not match:
 * `PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_PATH`, `TOKEN_URL`, `TOKEN_TTL` (a lifetime, not a token)
 * and `AWS_ACCESS_KEY_ID` (an identifier, like a user name). Nor does `GOOGLE_APPLICATION_CREDENTIALS`,
 * which by convention is a file path.
 */
export function looksLikeCredentialName(name: string): boolean {
  let verdict = VERDICTS.get(name);
  if (verdict === undefined) {
    verdict = judgeName(name);
    // Apps repeat the same few names on every container; a bound keeps odd inputs from piling up.
    if (VERDICTS.size < MAX_VERDICTS) VERDICTS.set(name, verdict);
  }
  return verdict;
}

/** Verdicts by name: the same names come back on every Pod of an app. */
const VERDICTS = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

function judgeName(name: string): boolean {
  if (CONVENTIONAL_NON_SECRETS.has(name.toUpperCase())) return false;
  const segments = nameSegments(name);
  const last = segments[segments.length - 1];
  if (last === undefined || DESCRIPTIVE_LAST_SEGMENTS.has(last)) return false;
  if (CREDENTIAL_LAST_SEGMENTS.has(last)) return true;
  for (let index = 0; index < segments.length; index++) if (isCredentialSegment(segments, index)) return true;
  return false;
}
