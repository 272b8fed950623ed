/*
 * Credentials recognisable by the value alone, whatever the variable is called. Heuristic like the
 * name list: each pattern needs a shape that ordinary settings do not have, and each is tested
 * against near misses.
 */

/** What kind of credential a literal value embeds. */
export type EmbeddedCredential = 'url-password' | 'bearer-token' | 'basic-credentials' | 'private-key';

/** How a message names each kind. */
export const EMBEDDED_CREDENTIAL_NOUNS: Readonly<Record<EmbeddedCredential, string>> = {
  'private-key': 'a PEM private key',
  'url-password': 'a URL with a password in it',
  'bearer-token': 'an Authorization Bearer token',
  'basic-credentials': 'Authorization Basic credentials',
};

/** `-----BEGIN PRIVATE KEY-----`, `RSA`/`EC`/`OPENSSH`/`ENCRYPTED` ones and `PGP PRIVATE KEY BLOCK`. */
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----/;

/**
 * `scheme://user:password@` with a non-empty password (RFC 3986 userinfo); the user may be empty
 * (`redis://:password@host`). `user@host` and `https://user@host` carry no password.
 */
const URL_WITH_PASSWORD = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#@:]*:([^\s/?#@]+)@/g;

/**
 * A password that names another variable instead of holding one: Kubernetes `$(VAR)` expansion
 * (the fix this rule suggests) or a shell `${VAR}`/`$VAR` in a command.
 */
const VARIABLE_REFERENCE =
  /^\$(?:\([A-Za-z_][A-Za-z0-9_]*\)|\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

/** `Bearer <token68>` as a word, in a header value or a whole header line (RFC 6750). */
const BEARER = /(?<![A-Za-z0-9])bearer\s+([A-Za-z0-9\-._~+/]+=*)/gi;

/** `Basic <base64>` as a word (RFC 7617). */
const BASIC = /(?<![A-Za-z0-9])basic\s+([A-Za-z0-9+/]+={0,2})(?![A-Za-z0-9+/=])/gi;

/**
 * Tokens are long and mix letters and digits; this keeps prose such as `Bearer authentication`
 * out while any JWT or API token matches.
 */
const MIN_TOKEN_LENGTH = 16;
const HAS_DIGIT = /[0-9]/;
const HAS_LETTER = /[A-Za-z]/;

/** Either header scheme, anywhere: a cheap test before the stricter patterns run. */
const HEADER_SCHEME = /bearer|basic/i;

/** The shortest value any pattern can match (`a://:b@`); most settings are shorter or plain words. */
const MIN_CREDENTIAL_LENGTH = 7;

/** Printable ASCII `user:password` with a non-empty password, as Basic credentials decode to. */
const USER_COLON_PASSWORD = /^[\x20-\x7e]*:[\x20-\x7e]+$/;

/** Whether a URL in the value carries a literal password rather than a variable reference. */
function hasUrlPassword(value: string): boolean {
  if (!value.includes('@')) return false;
  for (const match of value.matchAll(URL_WITH_PASSWORD)) {
    if (!VARIABLE_REFERENCE.test(match[1] ?? '')) return true;
  }
  return false;
}

/** Whether the value holds `Bearer <token>` with a token-like token. */
function hasBearerToken(value: string): boolean {
  for (const match of value.matchAll(BEARER)) {
    const token = match[1] ?? '';
    if (token.length >= MIN_TOKEN_LENGTH && HAS_DIGIT.test(token) && HAS_LETTER.test(token)) return true;
  }
  return false;
}

/** Whether the value holds `Basic <base64>` that decodes to `user:password`. */
function hasBasicCredentials(value: string): boolean {
  for (const match of value.matchAll(BASIC)) {
    if (USER_COLON_PASSWORD.test(Buffer.from(match[1] ?? '', 'base64').toString('latin1'))) return true;
  }
  return false;
}

/**
 * The credential a literal value embeds, whatever its variable is called, or undefined:
 * - a PEM private key (`-----BEGIN RSA PRIVATE KEY-----`; public keys and certificates do not count);
 * - a URL with a password in its userinfo (`postgres://user:pass@host/db`, `redis://:pass@host`),
 *   unless the password is a variable reference (`$(DB_PASSWORD)`, `${DB_PASSWORD}`);
 * - an `Authorization: Bearer <token>` value whose token has 16+ characters, letters and digits;
 * - an `Authorization: Basic <base64>` value that decodes to `user:password`.
 */
export function embeddedCredential(value: string): EmbeddedCredential | undefined {
  if (value.length < MIN_CREDENTIAL_LENGTH) return undefined;
  if (value.includes('-----BEGIN') && PRIVATE_KEY.test(value)) return 'private-key';
  if (hasUrlPassword(value)) return 'url-password';
  if (!HEADER_SCHEME.test(value)) return undefined;
  if (hasBearerToken(value)) return 'bearer-token';
  if (hasBasicCredentials(value)) return 'basic-credentials';
  return undefined;
}
