import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../cli/fs-errors';
import { KUBECTL_YAML_OPTIONS } from '../cli/yaml-options';
import { yamlLibrary } from '../yaml-library';
import { NodeInventoryError, readNodeInventory } from './inventory';
import type { NodeInfo } from './node-info';

/**
 * Parses the documents of a YAML file as kubectl reads YAML (the manifests' dialect, YAML 1.1),
 * failing on the first syntax error with its line.
 */
function parseYaml(text: string, file: string): unknown[] {
  // Loaded here, not at import: an app that imports the constructs does not pay for the parser.
  const { LineCounter, parseAllDocuments } = yamlLibrary();
  const lines = new LineCounter();
  return parseAllDocuments(text, { ...KUBECTL_YAML_OPTIONS, lineCounter: lines }).map((doc, i) => {
    const [first] = doc.errors;
    if (first !== undefined) {
      const { line } = lines.linePos(first.pos[0]);
      throw new NodeInventoryError(`${file}: document ${i + 1}, line ${line}: ${first.message}`);
    }
    return doc.toJS();
  });
}

/**
 * Reads a node inventory file: `.yaml`/`.yml` (one or more documents) or `.json`, holding what
 * `kubectl get nodes -o yaml|json` prints. Every error is a `NodeInventoryError` that starts with
 * `name` (the file as the user gave it), then says what is wrong: the file cannot be read
 * (`no such file or directory`), a syntax error and its line, or the item and node that is wrong.
 */
export function loadNodeInventory(file: string, name: string = file): NodeInfo[] {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') {
    throw new NodeInventoryError(`${name}: expected a .yaml, .yml or .json file of Nodes`);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new NodeInventoryError(`${name}: ${describeFsError(err)}`);
  }
  let docs: unknown;
  if (ext === '.json') {
    try {
      docs = JSON.parse(text);
    } catch (err) {
      throw new NodeInventoryError(`${name}: ${(err as Error).message}`);
    }
  } else {
    const parsed = parseYaml(text, name);
    // One document: report `items[2]`, not `[0].items[2]`.
    docs = parsed.length === 1 ? parsed[0] : parsed;
  }
  try {
    return readNodeInventory(docs);
  } catch (err) {
    if (err instanceof NodeInventoryError) throw new NodeInventoryError(`${name}: ${err.message}`);
    throw err;
  }
}
