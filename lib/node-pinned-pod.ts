import { ApiObject, JsonPatch } from 'cdk8s';
import type { Construct } from 'constructs';
import { MultiContainerPod, type MultiContainerPodProps } from './multi-container-pod';

/**
 * Properties for `NodePinnedPod`.
 */
export interface NodePinnedPodProps extends MultiContainerPodProps {
  /**
   * Node labels the Pod must be scheduled on, rendered as `spec.nodeSelector`. Only nodes
   * carrying every one of these labels qualify; if none does, the Pod stays Pending.
   */
  readonly nodeSelector: { [key: string]: string };
}

/**
 * A `MultiContainerPod` held to the nodes that carry given labels, with `spec.nodeSelector`.
 *
 * Label the node first, e.g. `kubectl label nodes worker-node2 hostname=worker-node2`.
 */
export class NodePinnedPod extends MultiContainerPod {
  /** The node labels this Pod is pinned to (a copy). */
  public get nodeSelector(): { [key: string]: string } {
    return { ...this._nodeSelector };
  }

  private readonly _nodeSelector: { [key: string]: string };

  constructor(scope: Construct, id: string, props: NodePinnedPodProps) {
    super(scope, id, props);
    if (Object.keys(props.nodeSelector).length === 0) {
      throw new Error(
        `${this.node.path}: nodeSelector must hold at least one node label (got {}). ` +
          "Pass e.g. { hostname: 'worker-node2' }, or use MultiContainerPod to let the scheduler pick any node.",
      );
    }
    this._nodeSelector = { ...props.nodeSelector };
    // cdk8s-plus-28 has no nodeSelector API (only affinity), so set the field on the L1 object.
    ApiObject.of(this).addJsonPatch(JsonPatch.add('/spec/nodeSelector', this.nodeSelector));
  }
}
