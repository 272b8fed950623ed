/**
 * Name and value predicates, ported from apimachinery `pkg/util/validation/validation.go` (Kubernetes 1.28).
 *
 * Each predicate returns the list of reasons a value is invalid (empty when valid), word for word as the
 * API server writes them, so a synth-time error reads like the `kubectl apply` error it prevents.
 */

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_ERR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_ERR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME_ERR =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

/** Longest DNS-1123 label (container names, namespaces, Service port names). */
export const DNS1123_LABEL_MAX_LENGTH = 63;
/** Longest DNS-1123 subdomain (Pod names, label key prefixes). */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
/** Longest DNS-1035 label (Service names). */
export const DNS1035_LABEL_MAX_LENGTH = 63;
/** Longest name part of a qualified name (label keys). */
export const QUALIFIED_NAME_MAX_LENGTH = 63;
/** Longest label value. */
export const LABEL_VALUE_MAX_LENGTH = 63;
/** Longest IANA service name (container port names). */
export const PORT_NAME_MAX_LENGTH = 15;

// Go's MatchString with ^...$ anchors the whole string, as JavaScript's `$` does without the `m` flag.
const anchored = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const DNS1123_LABEL_RE = anchored(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN_RE = anchored(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL_RE = anchored(DNS1035_LABEL_FMT);
const QUALIFIED_NAME_RE = anchored(QUALIFIED_NAME_FMT);
const LABEL_VALUE_RE = anchored(LABEL_VALUE_FMT);
const ENV_VAR_NAME_RE = anchored(ENV_VAR_NAME_FMT);

// Go's len() counts UTF-8 bytes, not UTF-16 code units; count the same way so limits match the server.
const byteLength = (value: string): number => Buffer.byteLength(value, 'utf8');

/** Upstream `MaxLenError`. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** Upstream `RegexError`, including its double space before "or" between examples. */
export function regexError(message: string, fmt: string, ...examples: readonly string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${fmt}')`;
  const listed = examples.map(example => `'${example}', `).join(' or ');
  return `${message} (e.g. ${listed}regex used for validation is '${fmt}')`;
}

/** Upstream `EmptyError`. */
export const EMPTY_ERROR = 'must be non-empty';

/** Upstream `InclusiveRangeError`. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const tooLong = (value: string, max: number): string[] => (byteLength(value) > max ? [maxLenError(max)] : []);

/*
 * Each predicate first takes the common case, a valid value, without building any reason: a value
 * its pattern matches is ASCII, so its length in characters is its length in bytes.
 */

/** Upstream `IsDNS1123Label`: container names, namespaces, Service port names. */
export function isDns1123Label(value: string): string[] {
  if (DNS1123_LABEL_RE.test(value))
    return value.length > DNS1123_LABEL_MAX_LENGTH ? [maxLenError(DNS1123_LABEL_MAX_LENGTH)] : [];
  // A valid subdomain that is not a valid label can only be failing because of its dots.
  const reason = DNS1123_SUBDOMAIN_RE.test(value)
    ? 'must not contain dots'
    : regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc');
  return [...tooLong(value, DNS1123_LABEL_MAX_LENGTH), reason];
}

/** Upstream `IsDNS1123Subdomain`: Pod names, label key prefixes. */
export function isDns1123Subdomain(value: string): string[] {
  if (value.length <= DNS1123_SUBDOMAIN_MAX_LENGTH && DNS1123_SUBDOMAIN_RE.test(value)) return [];
  const pattern = DNS1123_SUBDOMAIN_RE.test(value)
    ? []
    : [regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com')];
  return [...tooLong(value, DNS1123_SUBDOMAIN_MAX_LENGTH), ...pattern];
}

/** Upstream `IsDNS1035Label`: Service names. */
export function isDns1035Label(value: string): string[] {
  if (value.length <= DNS1035_LABEL_MAX_LENGTH && DNS1035_LABEL_RE.test(value)) return [];
  const pattern = DNS1035_LABEL_RE.test(value)
    ? []
    : [regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, 'my-name', 'abc-123')];
  return [...tooLong(value, DNS1035_LABEL_MAX_LENGTH), ...pattern];
}

const qualifiedNamePattern = (): string =>
  regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc');

/**
 * The shortcut of `isQualifiedName`: a name part of at most 63 characters, after an optional
 * prefix of at most 253 that is a DNS-1123 subdomain and one '/'. Most label keys have a prefix
 * (`app.kubernetes.io/name`, the `cdk8s.io/metadata.addr` cdk8s-plus adds to every Pod).
 */
function isValidQualifiedName(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash === -1) return value.length <= QUALIFIED_NAME_MAX_LENGTH && QUALIFIED_NAME_RE.test(value);
  const name = value.slice(slash + 1);
  const prefix = value.slice(0, slash);
  return (
    name.length <= QUALIFIED_NAME_MAX_LENGTH &&
    prefix.length <= DNS1123_SUBDOMAIN_MAX_LENGTH &&
    QUALIFIED_NAME_RE.test(name) &&
    DNS1123_SUBDOMAIN_RE.test(prefix)
  );
}

/** Upstream `IsQualifiedName`: label keys, an optional DNS-1123 subdomain prefix and '/' before a name part. */
export function isQualifiedName(value: string): string[] {
  if (isValidQualifiedName(value)) return [];
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a qualified name ${qualifiedNamePattern()} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const [prefix, name] = parts.length === 2 ? parts : [undefined, value];
  const prefixReasons =
    prefix === undefined ? [] : prefix === '' ? [EMPTY_ERROR] : isDns1123Subdomain(prefix);
  const nameLength =
    name === ''
      ? [EMPTY_ERROR]
      : byteLength(name) > QUALIFIED_NAME_MAX_LENGTH
        ? [maxLenError(QUALIFIED_NAME_MAX_LENGTH)]
        : [];
  const namePattern = QUALIFIED_NAME_RE.test(name) ? [] : [qualifiedNamePattern()];
  return [
    ...prefixReasons.map(reason => `prefix part ${reason}`),
    ...[...nameLength, ...namePattern].map(reason => `name part ${reason}`),
  ];
}

/** Upstream `IsValidLabelValue`: empty, or a qualified-name-shaped string of at most 63 characters. */
export function isValidLabelValue(value: string): string[] {
  if (value.length <= LABEL_VALUE_MAX_LENGTH && LABEL_VALUE_RE.test(value)) return [];
  const pattern = LABEL_VALUE_RE.test(value)
    ? []
    : [regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345')];
  return [...tooLong(value, LABEL_VALUE_MAX_LENGTH), ...pattern];
}

/** Upstream `IsValidPortNum`: 1-65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

// Each IANA_SVC_NAME (RFC 6335) condition is checked separately so every broken one is reported, as upstream does.
const PORT_NAME_CHECKS: ReadonlyArray<readonly [(name: string) => boolean, string]> = [
  [name => byteLength(name) <= PORT_NAME_MAX_LENGTH, maxLenError(PORT_NAME_MAX_LENGTH)],
  [
    name => /^[-a-z0-9]+$/.test(name),
    'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  ],
  [name => /[a-z]/.test(name), 'must contain at least one letter (a-z)'],
  [name => !name.includes('--'), 'must not contain consecutive hyphens'],
  [name => !name.startsWith('-') && !name.endsWith('-'), 'must not begin or end with a hyphen'],
];

/** Every condition of IANA_SVC_NAME at once, for the common case of a valid name. */
const PORT_NAME_RE = /^(?=[-a-z0-9]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Upstream `IsValidPortName` (IANA_SVC_NAME): container port names and named Service targetPorts. */
export function isValidPortName(name: string): string[] {
  if (name.length <= PORT_NAME_MAX_LENGTH && PORT_NAME_RE.test(name)) return [];
  return PORT_NAME_CHECKS.filter(([ok]) => !ok(name)).map(([, reason]) => reason);
}

/** Upstream `IsEnvVarName` (1.28, before RelaxedEnvironmentVariableValidation), with its `hasChDirPrefix` check. */
export function isEnvVarName(value: string): string[] {
  if (ENV_VAR_NAME_RE.test(value) && !value.startsWith('..') && value !== '.') return [];
  const pattern = ENV_VAR_NAME_RE.test(value)
    ? []
    : [regexError(ENV_VAR_NAME_ERR, ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1')];
  const chDir =
    value === '.'
      ? ["must not be '.'"]
      : value === '..'
        ? ["must not be '..'"]
        : value.startsWith('..')
          ? ["must not start with '..'"]
          : [];
  return [...pattern, ...chDir];
}
