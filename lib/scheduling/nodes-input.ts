import { readNodeInventory } from './inventory';
import type { NodeInfo } from './node-info';

const isNodeInfo = (value: unknown): value is NodeInfo =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as NodeInfo).name === 'string' &&
  (value as NodeInfo).labels instanceof Map &&
  (value as NodeInfo).allocatable instanceof Map &&
  Array.isArray((value as NodeInfo).taints);

/**
 * Accepts nodes already read (`NodeInfo[]`, from `readNodeInventory` or `loadNodeInventory`) or raw Node
 * documents (a List, a Node, or an array of either), which are read with `readNodeInventory`.
 */
export function toInventory(nodes: readonly NodeInfo[] | unknown): readonly NodeInfo[] {
  if (Array.isArray(nodes) && nodes.length > 0 && nodes.every(isNodeInfo)) return nodes;
  return readNodeInventory(nodes);
}
