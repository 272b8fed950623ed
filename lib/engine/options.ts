import type { PodSecurityLevel, PodSecurityVersion } from '../pod-security';
import type { RuleOptions } from '../rules';
import type { NodeInfo } from '../scheduling';

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
   * The Pod Security policy version, as a namespace's `pod-security.kubernetes.io/enforce-version`
   * label gives it: `'latest'` (the newest version this package knows) or `'v1.N'`.
   * @default - every version a Kubernetes 1.28 or later cluster may enforce: v1.28 and 'latest'
   *   both, so what passes is admitted whether the namespace pins a version or not
   */
  readonly podSecurityVersion?: PodSecurityVersion;

  /**
   * Env var names that look like credentials but are allowed a literal value (not secrets).
   * @default - none: every credential-like env var must come from a Secret
   */
  readonly allowLiteralEnv?: readonly string[];

  /**
   * The cluster's nodes, as `kubectl get nodes -o yaml` prints them (read with
   * `loadNodeInventory(file)` or `readNodeInventory(docs)`): with them, every Pod and workload
   * replica is placed onto the nodes as kube-scheduler would, and a Pod that would stay Pending
   * fails the check with the scheduler's own reasons.
   * @default - no inventory: no scheduling pre-flight
   */
  readonly nodes?: readonly NodeInfo[];
}
