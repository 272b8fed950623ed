import type { JsonObject } from '../rules/json';
import { isJsonObject } from '../rules/json';
import type { NodeInfo, Taint } from './node-info';
import { parseQuantity, QuantityError } from './quantity';
import { toSchedulerAmounts } from './resources';

/** A node inventory that cannot be read: names what is wrong and where. */
export class NodeInventoryError extends Error {}

/** One candidate Node with the place it came from, e.g. `items[2]` or `[1].items[0]`. */
interface Located {
  readonly where: string;
  readonly value: unknown;
}

const describe = (value: unknown): string => {
  if (isJsonObject(value)) {
    return `${JSON.stringify(String(value.apiVersion ?? ''))}/${JSON.stringify(String(value.kind ?? ''))}`;
  }
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
};

const isList = (value: unknown): value is JsonObject =>
  isJsonObject(value) && (value.kind === 'List' || value.kind === 'NodeList') && Array.isArray(value.items);

/** Flattens a List, a Node, or an array of either (multi-document YAML) into candidate Nodes. */
function candidates(docs: unknown, where: string, out: Located[]): void {
  if (Array.isArray(docs)) {
    docs.forEach((doc, i) => {
      // An empty YAML document (`---` twice) parses to null: nothing to read.
      if (doc !== null && doc !== undefined) candidates(doc, `${where}[${i}]`, out);
    });
  } else if (isList(docs)) {
    (docs.items as readonly unknown[]).forEach((item, i) => {
      out.push({ where: `${where}${where === '' ? '' : '.'}items[${i}]`, value: item });
    });
  } else {
    out.push({ where: where === '' ? 'the document' : where, value: docs });
  }
}

function fail(where: string, name: string | undefined, message: string): never {
  const place = name === undefined ? where : `${where} (node ${JSON.stringify(name)})`;
  throw new NodeInventoryError(`${place}: ${message}`);
}

const objectAt = (obj: JsonObject, key: string): JsonObject =>
  isJsonObject(obj[key]) ? (obj[key] as JsonObject) : {};

/** Reads a resource list (`status.allocatable`) into exact nano-unit amounts. */
function readResourceList(list: JsonObject, field: string, where: string, name: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const [resource, raw] of Object.entries(list)) {
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      fail(where, name, `${field}[${resource}]: expected a quantity string, got ${describe(raw)}`);
    }
    try {
      const nanos = parseQuantity(raw);
      if (nanos < 0n) throw new QuantityError('must be greater than or equal to 0');
      out.set(resource, nanos);
    } catch (err) {
      if (!(err instanceof QuantityError)) throw err;
      fail(where, name, `${field}[${resource}]: ${err.message} (got ${JSON.stringify(raw)})`);
    }
  }
  return out;
}

function readTaints(spec: JsonObject, where: string, name: string): Taint[] {
  const taints = spec.taints;
  if (taints === undefined || taints === null) return [];
  if (!Array.isArray(taints)) fail(where, name, `spec.taints: expected a list, got ${describe(taints)}`);
  return taints.map((taint, i) => {
    const field = `spec.taints[${i}]`;
    if (!isJsonObject(taint) || typeof taint.key !== 'string' || typeof taint.effect !== 'string') {
      fail(where, name, `${field}: expected an object with string "key" and "effect"`);
    }
    const value = taint.value ?? '';
    if (typeof value !== 'string')
      fail(where, name, `${field}.value: expected a string, got ${describe(value)}`);
    return { key: taint.key, value, effect: taint.effect };
  });
}

function readLabels(meta: JsonObject, where: string, name: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [key, value] of Object.entries(objectAt(meta, 'labels'))) {
    if (typeof value !== 'string') {
      fail(where, name, `metadata.labels[${key}]: expected a string, got ${describe(value)}`);
    }
    labels.set(key, value);
  }
  return labels;
}

function readNode({ where, value }: Located): NodeInfo {
  if (!isJsonObject(value) || value.apiVersion !== 'v1' || value.kind !== 'Node') {
    fail(where, undefined, `expected a v1 Node (apiVersion "v1", kind "Node"), got ${describe(value)}`);
  }
  const meta = objectAt(value, 'metadata');
  const name = meta.name;
  if (typeof name !== 'string' || name === '') {
    fail(where, undefined, 'metadata.name: expected the node name, a non-empty string');
  }
  const spec = objectAt(value, 'spec');
  const status = objectAt(value, 'status');
  // Upstream `SetDefaults_NodeStatus`: allocatable defaults to capacity when absent.
  const hasAllocatable = isJsonObject(status.allocatable);
  const field = hasAllocatable ? 'status.allocatable' : 'status.capacity';
  const resources = readResourceList(
    objectAt(status, hasAllocatable ? 'allocatable' : 'capacity'),
    field,
    where,
    name,
  );
  return {
    name,
    labels: readLabels(meta, where, name),
    taints: readTaints(spec, where, name),
    unschedulable: spec.unschedulable === true,
    allocatable: toSchedulerAmounts(resources, true),
  };
}

/**
 * Reads a node inventory from parsed JSON or YAML: a v1 `List` (or `NodeList`) of Nodes as
 * `kubectl get nodes -o yaml|json` prints it, a single Node, or an array of either (the documents of a
 * multi-document YAML file). Throws a `NodeInventoryError` naming the item (`items[2]`, `[1]`) and
 * node of anything that is not a Node, a malformed taint or label, a quantity that does not parse,
 * or a node name given twice.
 */
export function readNodeInventory(docs: unknown): NodeInfo[] {
  const found: Located[] = [];
  candidates(docs, '', found);
  const nodes = found.map(readNode);
  const seen = new Map<string, string>();
  nodes.forEach((node, i) => {
    const first = seen.get(node.name);
    if (first !== undefined) fail(found[i].where, node.name, `node name already used by ${first}`);
    seen.set(node.name, found[i].where);
  });
  return nodes;
}
