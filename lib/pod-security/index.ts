/** Pod Security Standards evaluation at every policy version, and literal-credential detection, for rendered manifests. */
export type { EmbeddedCredential, LiteralCredentialOptions } from './credentials';
export { embeddedCredential, findLiteralCredentials, looksLikeCredentialName } from './credentials';
export type { PodSecurityOptions, VersionedViolation } from './evaluate';
export { evaluatePodSecurity, evaluatePodSecurityAcross } from './evaluate';
export type { PodSecurityLevel, PodSecurityViolation } from './level';
export { formatViolation, POD_SECURITY_POLICY_VERSION, PodSecurityLevels } from './level';
export type { KnownPodSecurityVersion, PodSecurityVersion } from './version';
export {
  DEFAULT_POD_SECURITY_VERSION,
  NEWEST_POD_SECURITY_VERSION,
  POD_SECURITY_VERSIONS,
  resolvePodSecurityVersion,
} from './version';
