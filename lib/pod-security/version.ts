/*
 * Pod Security Standards policy versions, read the way upstream reads the
 * `pod-security.kubernetes.io/<mode>-version` label (k8s.io/pod-security-admission api/helpers.go,
 * ParseVersion, and policy/registry.go, checkRegistry.EvaluatePod).
 */

/**
 * Every policy version this package knows, oldest first: v1.0 to the newest one with a policy
 * change in the newest upstream release (k8s.io/pod-security-admission v0.36.2, Kubernetes 1.36,
 * whose newest change is v1.35).
 */
export const POD_SECURITY_VERSIONS = [
  'v1.0',
  'v1.1',
  'v1.2',
  'v1.3',
  'v1.4',
  'v1.5',
  'v1.6',
  'v1.7',
  'v1.8',
  'v1.9',
  'v1.10',
  'v1.11',
  'v1.12',
  'v1.13',
  'v1.14',
  'v1.15',
  'v1.16',
  'v1.17',
  'v1.18',
  'v1.19',
  'v1.20',
  'v1.21',
  'v1.22',
  'v1.23',
  'v1.24',
  'v1.25',
  'v1.26',
  'v1.27',
  'v1.28',
  'v1.29',
  'v1.30',
  'v1.31',
  'v1.32',
  'v1.33',
  'v1.34',
  'v1.35',
] as const;

/** A policy version this package knows: `'v1.0'` to {@link NEWEST_POD_SECURITY_VERSION}. */
export type KnownPodSecurityVersion = (typeof POD_SECURITY_VERSIONS)[number];

/**
 * A value of the `pod-security.kubernetes.io/enforce-version` label: `'latest'` or `'v1.N'`.
 *
 * `'v1.0'` to {@link NEWEST_POD_SECURITY_VERSION} select that version's policy; a later `'v1.N'`
 * (e.g. `'v1.99'`) is evaluated as the newest version known, as upstream does for a version newer
 * than its own checks.
 */
export type PodSecurityVersion = 'latest' | KnownPodSecurityVersion | `v1.${number}`;

/** The newest policy version this package knows; what `'latest'` and any later version mean. */
export const NEWEST_POD_SECURITY_VERSION: KnownPodSecurityVersion = 'v1.35';

/**
 * The version `evaluatePodSecurity` uses when none is given: `'latest'`, which is what the
 * admission controller enforces when a namespace has no `-version` label.
 */
export const DEFAULT_POD_SECURITY_VERSION = 'latest' satisfies PodSecurityVersion;

/** Minor number of {@link NEWEST_POD_SECURITY_VERSION}. */
const NEWEST_POD_SECURITY_MINOR = POD_SECURITY_VERSIONS.length - 1;

/** Upstream's `versionRegexp`: `v1.` and a minor without leading zeros. */
const VERSION = /^v1\.([0-9]|[1-9][0-9]*)$/;

/** Go's `strconv.Atoi` fails above the largest int64, and upstream then rejects the label. */
const MAX_GO_INT = 9223372036854775807n;

/**
 * The minor number of the policy a version label selects: `'latest'` and versions newer than
 * {@link NEWEST_POD_SECURITY_VERSION} give the newest. Throws for anything upstream's
 * `ParseVersion` rejects, since evaluating some other version instead could silently pass a pod.
 */
export function podSecurityMinor(version: string): number {
  if (version === 'latest') return NEWEST_POD_SECURITY_MINOR;
  const digits = typeof version === 'string' ? VERSION.exec(version)?.[1] : undefined;
  if (digits === undefined || BigInt(digits) > MAX_GO_INT) {
    throw new Error(
      `Pod Security version ${JSON.stringify(version)} is not "latest" or "v1.x": ` +
        `expected "latest" or one of "${POD_SECURITY_VERSIONS[0]}" to "${NEWEST_POD_SECURITY_VERSION}" ` +
        `(a later "v1.x" is evaluated as "${NEWEST_POD_SECURITY_VERSION}"), as in the ` +
        'pod-security.kubernetes.io/enforce-version label.',
    );
  }
  return Math.min(Number(digits), NEWEST_POD_SECURITY_MINOR);
}

/**
 * The known policy version a version label is evaluated as: `'latest'` and later versions give
 * {@link NEWEST_POD_SECURITY_VERSION}. Throws like {@link podSecurityMinor}.
 */
export function resolvePodSecurityVersion(version: string): KnownPodSecurityVersion {
  return POD_SECURITY_VERSIONS[podSecurityMinor(version)] ?? NEWEST_POD_SECURITY_VERSION;
}
