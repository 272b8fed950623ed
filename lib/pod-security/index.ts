/** Pod Security Standards (policy v1.28) evaluation and literal-credential detection for rendered manifests. */
export type { LiteralCredentialOptions } from './credentials';
export { findLiteralCredentials, looksLikeCredentialName } from './credentials';
export { evaluatePodSecurity } from './evaluate';
export type { PodSecurityLevel, PodSecurityViolation } from './level';
export { formatViolation, POD_SECURITY_POLICY_VERSION, PodSecurityLevels } from './level';
