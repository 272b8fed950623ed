import { formatPlacement } from './format-placement';
import {
  type CheckReport,
  objectLabel,
  plural,
  problemText,
  type ReportProblem,
  type ReportSummary,
} from './report';

/** How to print the text report. */
export interface TextFormatOptions {
  /** Whether to colour it with ANSI escapes (only for a terminal that wants colour). */
  readonly color: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green';

/** ANSI escapes: each style with the code that ends only it. */
const ANSI: Readonly<Record<Style, readonly [string, string]>> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  red: ['\u001b[31m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
};

/** The last line: what was found, in how much. */
export function summaryLine(summary: ReportSummary): string {
  const found =
    summary.errors + summary.warnings === 0
      ? 'No problems'
      : `${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')}`;
  const skipped = summary.skipped === 0 ? '' : `, ${plural(summary.skipped, 'document')} skipped`;
  return `${found} in ${plural(summary.objects, 'object')} (${plural(summary.files, 'file')}${skipped})`;
}

/** The group header of a problem's object; YAML syntax errors stop a document before it is an object. */
function objectKey(problem: ReportProblem): string {
  return problem.kind === null ? '(YAML that does not parse)' : objectLabel(problem);
}

/**
 * The text report (the default): problems grouped per file, then per object, each as
 * `file:line:col  severity  rule  field: message` with its fix on an indented line below; with a
 * placement (`--nodes`), the placement table (see `formatPlacement`); and a summary line at the end.
 */
export function formatText(report: CheckReport, options: TextFormatOptions): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text;
  const lines: string[] = [];
  let file: string | undefined;
  let object: string | undefined;
  for (const problem of report.problems) {
    if (problem.file !== file) {
      if (file !== undefined) lines.push('');
      lines.push(paint('bold', problem.file));
      file = problem.file;
      object = undefined;
    }
    const key = objectKey(problem);
    if (key !== object) lines.push(`  ${key}`);
    object = key;
    const severity = paint(problem.severity === 'error' ? 'red' : 'yellow', problem.severity.padEnd(7));
    const where = `${problem.file}:${problem.line}:${problem.column}`;
    lines.push(`    ${where}  ${severity}  ${paint('dim', problem.rule)}  ${problemText(problem)}`);
    lines.push(`      ${paint('dim', `fix: ${problem.fix}`)}`);
  }
  if (lines.length > 0) lines.push('');
  if (report.placement !== undefined) {
    lines.push(
      ...formatPlacement(report.placement, (style, line) =>
        paint(style === 'title' ? 'bold' : 'yellow', line),
      ),
    );
    lines.push('');
  }
  const { errors, warnings } = report.summary;
  lines.push(paint(errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'green', summaryLine(report.summary)));
  return `${lines.join('\n')}\n`;
}
