import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { NodeInventoryError, readNodeInventory } from './inventory';
import type { NodeInfo } from './node-info';

/** Parses the documents of a YAML file, failing on the first syntax error with its line. */
function parseYaml(text: string, file: string): unknown[] {
  return parseAllDocuments(text).map((doc, i) => {
    const [first] = doc.errors;
    if (first !== undefined) {
      const line = first.linePos?.[0].line;
      throw new NodeInventoryError(
        `${file}: document ${i + 1}${line ? `, line ${line}` : ''}: ${first.message}`,
      );
    }
    return doc.toJS();
  });
}

/**
 * Reads a node inventory file: `.yaml`/`.yml` (one or more documents) or `.json`, holding what
 * `kubectl get nodes -o yaml|json` prints. Errors name the file, then the item and node.
 */
export function loadNodeInventory(file: string): NodeInfo[] {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') {
    throw new NodeInventoryError(`${file}: expected a .yaml, .yml or .json file of Nodes`);
  }
  const text = fs.readFileSync(file, 'utf8');
  let docs: unknown;
  if (ext === '.json') {
    try {
      docs = JSON.parse(text);
    } catch (err) {
      throw new NodeInventoryError(`${file}: ${(err as Error).message}`);
    }
  } else {
    const parsed = parseYaml(text, file);
    // One document: report `items[2]`, not `[0].items[2]`.
    docs = parsed.length === 1 ? parsed[0] : parsed;
  }
  try {
    return readNodeInventory(docs);
  } catch (err) {
    if (err instanceof NodeInventoryError) throw new NodeInventoryError(`${file}: ${err.message}`);
    throw err;
  }
}
