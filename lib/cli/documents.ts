import { type Document, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { isJsonObject, type JsonObject } from '../rules/json';
import { listItemNodes } from './locate';
import type { SourceFile, SourcePosition } from './source-file';
import { KUBECTL_YAML_OPTIONS } from './yaml-options';

/** One Kubernetes object read from a file, with what it takes to find its fields later. */
export interface SourceObject {
  /** The object as plain JSON: what the checks read. */
  readonly manifest: JsonObject;
  /** The file it came from. */
  readonly file: SourceFile;
  /** Its document. */
  readonly document: Document.Parsed;
  /** Its node in the document: the document's root, or an item of a `kind: List`. */
  readonly node: Node;
  /** The file's line index (offsets to lines and columns). */
  readonly lines: LineCounter;
  /** Its position in the `items` of a `kind: List`; undefined for an object of its own. */
  readonly listItem?: number;
}

/** A document (or list item) that is not a Kubernetes object, and why. */
export interface SkippedDocument extends SourcePosition {
  /** The file it is in. */
  readonly file: string;
  /** Why it was skipped, e.g. `empty document`. */
  readonly reason: string;
}

/** A YAML syntax error. */
export interface YamlSyntaxError extends SourcePosition {
  /** The file it is in. */
  readonly file: string;
  /** The parser's message. */
  readonly message: string;
}

/** What one file holds. */
export interface ParsedFile {
  /** The Kubernetes objects, in file order (list items in list order). */
  readonly objects: SourceObject[];
  /** Documents that are not Kubernetes objects. */
  readonly skipped: SkippedDocument[];
  /** YAML syntax errors; a document with one is not checked, the file's other documents are. */
  readonly syntaxErrors: YamlSyntaxError[];
}

/** kustomize's own configuration (Kustomization, Component): input to `kustomize build`, not to the API server. */
const KUSTOMIZE_GROUP = 'kustomize.config.k8s.io/';

/** Why a value is not a Kubernetes object to check, or undefined when it is one. */
function notAnObject(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'empty';
  if (!isJsonObject(value)) return 'not a mapping';
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '')
    return 'no apiVersion or kind: not a Kubernetes object';
  if (apiVersion.startsWith(KUSTOMIZE_GROUP)) return `kustomize configuration (${apiVersion} ${kind})`;
  return undefined;
}

/** Whether an object is a list of objects (`kind: List`, or any `…List` with `items`), which kubectl applies item by item. */
function isList(manifest: JsonObject): boolean {
  return typeof manifest.kind === 'string' && manifest.kind.endsWith('List') && Array.isArray(manifest.items);
}

/**
 * Parses a file (YAML, multi-document YAML or JSON) once, as kubectl reads it, into the Kubernetes
 * objects it holds; the items of a `kind: List` count as objects of their own. Keeps each object's
 * node, so a field can be found in the source later, and only then.
 */
export function parseManifests(file: SourceFile): ParsedFile {
  const lines = new LineCounter();
  const documents = parseAllDocuments(file.text, { ...KUBECTL_YAML_OPTIONS, lineCounter: lines });
  const result: ParsedFile = { objects: [], skipped: [], syntaxErrors: [] };
  const at = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (!Array.isArray(documents)) return result; // an empty stream: no document at all
  for (const document of documents) {
    if (document.errors.length > 0) {
      for (const error of document.errors)
        result.syntaxErrors.push({ file: file.path, ...at(error.pos[0]), message: error.message });
      continue;
    }
    const node = document.contents;
    let value: unknown;
    try {
      value = document.toJS();
    } catch (error) {
      // The yaml library refuses alias bombs ("billion laughs") here, as the API server does.
      const message = (error as { message?: unknown }).message;
      result.syntaxErrors.push({
        file: file.path,
        ...at(document.range[0]),
        message: String(message ?? error),
      });
      continue;
    }
    // An empty document is reported at its `---`; any other at its content, after the comments.
    const start =
      value === null || value === undefined ? document.range[0] : (node?.range?.[0] ?? document.range[0]);
    const reason = notAnObject(value);
    if (reason !== undefined) {
      // Helm prints a `# Source:` comment and nothing else for a template that renders empty.
      const why =
        reason !== 'empty' ? reason : node?.comment || document.comment ? 'comments only' : 'empty document';
      result.skipped.push({ file: file.path, ...at(start), reason: why });
      continue;
    }
    const manifest = value as JsonObject;
    if (node === null) continue; // unreachable: an object has a node
    if (!isList(manifest)) {
      result.objects.push({ manifest, file, document, node, lines });
      continue;
    }
    const items = manifest.items as unknown[];
    const itemNodes = listItemNodes(node, document);
    items.forEach((item, index) => {
      const itemNode = itemNodes[index] ?? node;
      const why = notAnObject(item);
      if (why !== undefined) {
        result.skipped.push({
          file: file.path,
          ...at(itemNode.range?.[0] ?? start),
          reason: `items[${index}]: ${why === 'empty' ? 'empty item' : why}`,
        });
        return;
      }
      result.objects.push({
        manifest: item as JsonObject,
        file,
        document,
        node: itemNode,
        lines,
        listItem: index,
      });
    });
  }
  return result;
}
