import type { PodSecurityLevel } from '../pod-security';
import type { RuleOptions } from '../rules';

/**
 * Options of the checks: per run (CLI, plugin), or per app, chart or construct with
 * `configureChecks()`.
 */
export interface ChecksOptions extends RuleOptions {
  /**
   * The Pod Security Standard every checked Pod and pod template must meet.
   * @default 'restricted'
   */
  readonly podSecurity?: PodSecurityLevel;

  /**
   * Env var names that look like credentials but are allowed a literal value (not secrets).
   * @default - none: every credential-like env var must come from a Secret
   */
  readonly allowLiteralEnv?: readonly string[];
}
