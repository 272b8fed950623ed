import type { Severity } from '../rules/problem';
import type { Placement } from '../scheduling/placement';

/**
 * The version of the JSON report's shape; it changes only when a field is removed or changes
 * meaning. Members added since version 1 was first written (`placement`) are optional, so a
 * reader of version 1 can ignore them.
 */
export const REPORT_FORMAT_VERSION = 1;

/** The rule id a YAML syntax error is reported under. */
export const YAML_SYNTAX_RULE = 'yaml-syntax-error';

/** The tool that wrote a report. */
export interface ToolInfo {
  /** The command's name, `pooh-pod-check`. */
  readonly name: string;
  /** The package's version. */
  readonly version: string;
  /** Where to read about it. */
  readonly informationUri: string;
}

/** One problem, at its place in the source. */
export interface ReportProblem {
  /** The file, relative to the working directory with `/` separators, or `<stdin>`. */
  readonly file: string;
  /** Line of the offending field (or of its nearest existing ancestor when the field is missing), from 1. */
  readonly line: number;
  /** Column of that field's key (a list item's first character), from 1, in UTF-16 code units. */
  readonly column: number;
  /** `error` (the API server, Pod Security admission or the running Pod would fail) or `warning`. */
  readonly severity: Severity;
  /** Stable rule id, e.g. `service-node-port-conflict`, `pod-security/runAsNonRoot`, `yaml-syntax-error`. */
  readonly rule: string;
  /** The object's `apiVersion`; null for a YAML syntax error. */
  readonly apiVersion: string | null;
  /** The object's `kind`; null for a YAML syntax error. */
  readonly kind: string | null;
  /** `metadata.namespace` as written; null when absent. */
  readonly namespace: string | null;
  /** `metadata.name`; null when absent. */
  readonly name: string | null;
  /** Index of the object in the `items` of a `kind: List`; absent for an object of its own. */
  readonly listItem?: number;
  /** Field path as the API server writes it, e.g. `spec.template.spec.containers[0].ports[1].containerPort`; `''` for a YAML syntax error. */
  readonly field: string;
  /** The value received at that field; absent when the rule reports none. */
  readonly value?: unknown;
  /** What is wrong, worded as upstream words it. */
  readonly message: string;
  /** One sentence saying how to fix it. */
  readonly fix: string;
}

/** Counts over a whole run. */
export interface ReportSummary {
  /** Files read (standard input counts as one). */
  readonly files: number;
  /** Kubernetes objects checked, list items included. */
  readonly objects: number;
  /** Problems of severity `error`, YAML syntax errors included. */
  readonly errors: number;
  /** Problems of severity `warning`. */
  readonly warnings: number;
  /** Documents (and list items) skipped as not Kubernetes objects: empty, comments only, no apiVersion/kind, kustomize configuration. */
  readonly skipped: number;
}

/**
 * The JSON report (`--format json`): deterministic, problems sorted by file, line, column and rule.
 * `P` is the problem type: `pooh-pod-synth` adds members of its own to each problem.
 */
export interface CheckReport<P extends ReportProblem = ReportProblem> {
  /** {@link REPORT_FORMAT_VERSION}. */
  readonly version: number;
  /** Who wrote it. */
  readonly tool: ToolInfo;
  /** Counts. */
  readonly summary: ReportSummary;
  /** Every problem, sorted. */
  readonly problems: readonly P[];
  /**
   * Where each Pod lands on the nodes of the inventory (`--nodes`), as `placePods` returns it;
   * absent without an inventory. `pods[].index` counts the objects checked, from 0, in the order
   * the files were read (list items in list order).
   */
  readonly placement?: Placement;
}

/** Code-unit order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The report's order: file, line, column, rule, then field. */
export function compareProblems(a: ReportProblem, b: ReportProblem): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.field, b.field)
  );
}

/** Builds the report of a run: counts the problems and sorts them; the placement, when given, is added as it is. */
export function buildReport<P extends ReportProblem>(
  problems: readonly P[],
  counts: { readonly files: number; readonly objects: number; readonly skipped: number },
  tool: ToolInfo,
  placement?: Placement,
): CheckReport<P> {
  let errors = 0;
  for (const problem of problems) if (problem.severity === 'error') errors++;
  return {
    version: REPORT_FORMAT_VERSION,
    tool,
    summary: {
      files: counts.files,
      objects: counts.objects,
      errors,
      warnings: problems.length - errors,
      skipped: counts.skipped,
    },
    problems: [...problems].sort(compareProblems),
    ...(placement === undefined ? {} : { placement }),
  };
}

/** `1 file`, `2 files`: a count and an English noun that takes an s. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Renders a value for a message; never throws (a YAML anchor can make a value refer to itself). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** What is wrong, in one line: `field: message (got value)`. */
export function problemText(problem: ReportProblem): string {
  const got = problem.value === undefined ? '' : ` (got ${shown(problem.value)})`;
  const where = problem.field === '' ? '' : `${problem.field}: `;
  return `${where}${problem.message}${got}`;
}

/** A problem and its fix in one line: `field: message (got value). Fix: fix`, as `formatProblem` words it. */
export function describeProblem(problem: ReportProblem): string {
  return `${problemText(problem)}. Fix: ${problem.fix}`;
}

/** How reports name an object: `Deployment shop/web`, `Pod web` without a namespace, `items[2]` of a list. */
export function objectLabel(problem: ReportProblem): string {
  const name = problem.name ?? '(no name)';
  const qualified = problem.namespace === null ? name : `${problem.namespace}/${name}`;
  const item = problem.listItem === undefined ? '' : ` (items[${problem.listItem}])`;
  return `${problem.kind} ${qualified}${item}`;
}
