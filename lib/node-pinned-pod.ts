import type { Construct } from 'constructs';
import { MultiContainerPod, type MultiContainerPodProps } from './multi-container-pod';
import { type NodeSelector, nodeSelectorOf, pinToNodes } from './pinning';

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
 * A `MultiContainerPod` held to the nodes that carry given labels, with `spec.nodeSelector`
 * (written by `pinToNodes()`).
 *
 * Label the node first, e.g. `kubectl label nodes worker-node2 hostname=worker-node2`.
 */
export class NodePinnedPod extends MultiContainerPod {
  /** The node labels this Pod is pinned to (a copy), including those added later with `pinToNodes()`. */
  public get nodeSelector(): { [key: string]: string } {
    return { ...nodeSelectorOf(this) };
  }

  constructor(scope: Construct, id: string, props: NodePinnedPodProps) {
    super(scope, id, props);
    if (Object.keys(props.nodeSelector).length === 0) {
      throw new Error(
        `${this.node.path}: nodeSelector must hold at least one node label (got {}). ` +
          "Pass e.g. { hostname: 'worker-node2' }, or use MultiContainerPod to let the scheduler pick any node.",
      );
    }
    pinToNodes(this, props.nodeSelector as NodeSelector);
  }
}
