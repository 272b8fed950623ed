import { checkAndPlaceManifests } from '../engine/check-manifests';
import type { ChecksOptions } from '../engine/options';
import { isJsonObject, type JsonObject } from '../rules/json';
import type { Finding } from '../rules/problem';
import type { Placement } from '../scheduling/placement';
import { parseManifests, type SkippedDocument, type SourceObject, type YamlSyntaxError } from './documents';
import { locateField } from './locate';
import { type ReportProblem, YAML_SYNTAX_RULE } from './report';
import type { SourceFile } from './source-file';

/** What checking a set of files found. */
export interface CheckedFiles {
  /** Every problem, located in its file (unsorted). */
  readonly problems: ReportProblem[];
  /** Files checked. */
  readonly files: number;
  /** Kubernetes objects checked. */
  readonly objects: number;
  /** Documents skipped as not Kubernetes objects. */
  readonly skipped: SkippedDocument[];
  /** YAML syntax errors (also in `problems`, as `yaml-syntax-error`). */
  readonly syntaxErrors: YamlSyntaxError[];
  /** The objects checked, as parsed, in file order (list items in list order): what `Finding.index` and `PlacedPod.index` count. */
  readonly manifests: readonly JsonObject[];
  /** Where each Pod lands, when `options.nodes` was given: the pre-flight's own placement of the same objects. */
  readonly placement?: Placement;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A finding of the engine at its place in the source: the field is found only now, for objects that have problems. */
function locate(finding: Finding, object: SourceObject): ReportProblem {
  const { manifest } = object;
  const metadata = isJsonObject(manifest.metadata) ? manifest.metadata : {};
  const { line, column } = locateField(object.node, finding.field, object.document, object.lines);
  return {
    file: object.file.path,
    line,
    column,
    severity: finding.severity,
    rule: finding.rule,
    apiVersion: stringOrNull(manifest.apiVersion),
    kind: stringOrNull(manifest.kind),
    namespace: stringOrNull(metadata.namespace),
    name: stringOrNull(metadata.name),
    ...(object.listItem === undefined ? {} : { listItem: object.listItem }),
    field: finding.field,
    ...(finding.value === undefined ? {} : { value: finding.value }),
    message: finding.message,
    fix: finding.fix,
  };
}

function syntaxProblem(error: YamlSyntaxError): ReportProblem {
  return {
    file: error.file,
    line: error.line,
    column: error.column,
    severity: 'error',
    rule: YAML_SYNTAX_RULE,
    apiVersion: null,
    kind: null,
    namespace: null,
    name: null,
    field: '',
    message: error.message,
    fix: 'Correct the YAML at this position: kubectl cannot read this document either',
  };
}

/**
 * Checks the Kubernetes objects of a set of files together (so a node port claimed in two files is
 * found), with one set of options: each file is parsed once, the engine (`checkManifests`) runs
 * once over every object, and each problem is then located at its field in the source. With a
 * node inventory (`options.nodes`) it also returns where the Pods land (the pre-flight's own plan,
 * computed once), for the placement table and diagram.
 */
export function checkFiles(files: readonly SourceFile[], options: ChecksOptions = {}): CheckedFiles {
  const objects: SourceObject[] = [];
  const skipped: SkippedDocument[] = [];
  const syntaxErrors: YamlSyntaxError[] = [];
  for (const file of files) {
    const parsed = parseManifests(file);
    // Loops, not push(...spread): a file may hold more objects than a call takes arguments.
    for (const object of parsed.objects) objects.push(object);
    for (const document of parsed.skipped) skipped.push(document);
    for (const error of parsed.syntaxErrors) syntaxErrors.push(error);
  }
  const manifests = objects.map(object => object.manifest);
  const { findings, placement } = checkAndPlaceManifests(manifests, options);
  const problems = syntaxErrors.map(syntaxProblem);
  for (const finding of findings) problems.push(locate(finding, objects[finding.index] as SourceObject));
  return {
    problems,
    files: files.length,
    objects: objects.length,
    skipped,
    syntaxErrors,
    manifests,
    ...(placement === undefined ? {} : { placement }),
  };
}
