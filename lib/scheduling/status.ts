/**
 * Upstream status codes of a failed filter: `Unschedulable` may be resolved by preempting Pods on the
 * node; `UnschedulableAndUnresolvable` may not.
 */
export type FailureCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** Why one filter plugin rejected a node for a Pod (upstream `framework.Status`). */
export interface FilterStatus {
  /** The plugin's upstream name, e.g. `NodeAffinity`. */
  readonly plugin: string;
  /** Its upstream code. */
  readonly code: FailureCode;
  /** Its reason strings, word for word (NodeResourcesFit may give several). */
  readonly reasons: readonly string[];
}
