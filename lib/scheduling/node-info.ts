import type { ResourceAmounts } from './resources';

/** A node taint (`spec.taints[]`). */
export interface Taint {
  /** The taint key, e.g. `node-role.kubernetes.io/control-plane`. */
  readonly key: string;
  /** The taint value, `''` when unset. */
  readonly value: string;
  /** `NoSchedule`, `PreferNoSchedule` or `NoExecute`. */
  readonly effect: string;
}

/**
 * A node as the scheduling pre-flight sees it: what `kubectl get nodes -o yaml` prints, reduced to
 * what the modelled filters read. Build it with `readNodeInventory` or `loadNodeInventory`.
 */
export interface NodeInfo {
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.labels`. */
  readonly labels: ReadonlyMap<string, string>;
  /** `spec.taints`. */
  readonly taints: readonly Taint[];
  /** `spec.unschedulable`: the node is cordoned. */
  readonly unschedulable: boolean;
  /**
   * `status.allocatable` (or `status.capacity` when allocatable is absent, as API defaulting does),
   * in the scheduler's units: `cpu` in millicores, everything else in whole units (bytes for memory).
   */
  readonly allocatable: ResourceAmounts;
}
