import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { type FieldStep, parseFieldPath } from './field-path';
import type { SourcePosition } from './source-file';

/** Where a field is in the source, and whether the field itself was found or only its nearest ancestor. */
export interface FieldLocation extends SourcePosition {
  /** False when the field is absent (a missing required field) and the position is its nearest existing ancestor's. */
  readonly exact: boolean;
}

/** Follows an alias (`*name`) to the node it names; any other node is itself. */
function deref(node: unknown, document: Document): Node | undefined {
  if (isAlias(node)) return node.resolve(document) as Node | undefined;
  return (node ?? undefined) as Node | undefined;
}

/** A map key as the checks saw it: `toJS` turns every key into a string. */
function keyText(key: unknown): string | undefined {
  if (!isScalar(key) || typeof key.value === 'symbol') return undefined;
  return String(key.value);
}

/** The `<<` merge key of YAML 1.1, which the parser marks with a symbol. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/** The pair holding `key` in a map: its own, else one merged in with `<<` (own keys win, as go-yaml merges). */
function pairOf(map: YAMLMap, key: string, document: Document, depth = 0): Pair | undefined {
  for (const pair of map.items) if (keyText(pair.key) === key) return pair;
  if (depth > 8) return undefined; // merges of merges are rare; cycles are impossible but cheap to bound
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue;
    const source = deref(pair.value, document);
    const sources = isSeq(source) ? source.items.map(item => deref(item, document)) : [source];
    for (const merged of sources) {
      if (!isMap(merged)) continue;
      const found = pairOf(merged, key, document, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A list index in brackets. */
const INDEX = /^\d+$/;

/** A node reached by a step, and the offset to report it at: the key of a map entry, the start of a list item. */
interface Reached {
  readonly node: Node | undefined;
  readonly offset: number;
}

/** One step down from a node, or undefined when the step is absent. */
function step(node: Node, next: FieldStep, document: Document): Reached | undefined {
  if (isSeq(node) && next.bracketed && INDEX.test(next.key)) {
    const item = node.items[Number(next.key)];
    if (item === undefined) return undefined;
    const target = deref(item, document);
    const offset = (item as Node).range?.[0];
    return offset === undefined ? undefined : { node: target, offset };
  }
  if (!isMap(node)) return undefined;
  const pair = pairOf(node, next.key, document);
  const offset = (pair?.key as Node | undefined)?.range?.[0];
  if (pair === undefined || offset === undefined) return undefined;
  return { node: deref(pair.value, document), offset };
}

/** The nodes of a list object's `items`, in order. */
export function listItemNodes(list: Node, document: Document): Node[] {
  const items = isMap(list) ? deref(pairOf(list, 'items', document)?.value, document) : undefined;
  return isSeq(items) ? items.items.map(item => item as Node) : [];
}

/**
 * Finds a field of an object in its YAML source: `field` is a path as the API server writes it,
 * resolved from the object's node. A step that is absent is looked for under `metadata` (template
 * label problems are reported at `spec.template.labels`, which the YAML holds at
 * `spec.template.metadata.labels`); when it is absent there too, the nearest ancestor found is where
 * the problem is reported.
 */
export function locateField(
  root: Node,
  field: string,
  document: Document,
  lines: LineCounter,
): FieldLocation {
  let node: Node | undefined = root;
  let offset = root.range?.[0] ?? 0;
  let exact = true;
  for (const next of parseFieldPath(field)) {
    let found: Reached | undefined = node === undefined ? undefined : step(node, next, document);
    if (found === undefined && node !== undefined && !next.bracketed) {
      const metadata = step(node, { key: 'metadata', bracketed: false }, document);
      if (metadata?.node !== undefined) found = step(metadata.node, next, document);
    }
    if (found === undefined) {
      exact = false;
      break;
    }
    node = found.node;
    offset = found.offset;
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col, exact };
}
