import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { ArtifactLocation, Log } from 'sarif';
import {
  type CheckReport,
  describeProblem,
  objectLabel,
  type ReportProblem,
  YAML_SYNTAX_RULE,
} from './report';
import { STDIN_PATH } from './source-file';

/** What SARIF says about a rule. */
export interface RuleDescription {
  /** One line: what the rule is about. */
  readonly shortDescription: string;
  /** How to fix a problem the rule reports. */
  readonly help: string;
}

/** Options of the SARIF report. */
export interface SarifOptions {
  /** The working directory, which file paths are relative to: the `%SRCROOT%` of the artifact URIs. */
  readonly cwd: string;
  /**
   * Describes a rule for `tool.driver.rules`.
   * @default - {@link describeRuleByExample}: from its id and the first problem it raised
   */
  readonly describeRule?: (rule: string, first: ReportProblem) => RuleDescription;
}

/** The base the relative artifact URIs resolve against: the checkout, for GitHub code scanning. */
export const SOURCE_ROOT = '%SRCROOT%';

/** `pod-security/runAsNonRoot` → `Pod Security Standards: runAsNonRoot`; `service-port-invalid` → `Service port invalid`. */
function ruleTitle(rule: string): string {
  if (rule.startsWith('pod-security/'))
    return `Pod Security Standards: ${rule.slice('pod-security/'.length)}`;
  if (rule === YAML_SYNTAX_RULE) return 'YAML syntax error';
  const words = rule.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A rule's description when no catalog of rules is at hand: its title from its id, and as help the
 * fix of the first problem it raised in this run (each result's message carries its own fix).
 */
export function describeRuleByExample(rule: string, first: ReportProblem): RuleDescription {
  return {
    shortDescription: ruleTitle(rule),
    help: `${ruleTitle(rule)}. Each result says how to fix it; for example: ${first.fix}`,
  };
}

/**
 * A file as SARIF names it: relative to `%SRCROOT%` (the working directory) when inside it, which
 * is what GitHub code scanning maps to the repository; an absolute `file:` URI otherwise.
 */
function artifactLocation(file: string, cwd: string): ArtifactLocation {
  if (file === STDIN_PATH) return { uri: 'stdin' };
  if (path.isAbsolute(file) || file === '..' || file.startsWith('../'))
    return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/**
 * The SARIF 2.1.0 log of a report, as GitHub code scanning takes it: `tool.driver` with every rule
 * that fired, and one result per problem with its rule, level, message (object, field, message and
 * fix) and physical location (file and region start).
 */
export function buildSarifLog(report: CheckReport, options: SarifOptions): Log {
  const describe = options.describeRule ?? describeRuleByExample;
  const { tool } = report;
  const locations = new Map<string, ArtifactLocation>();
  for (const problem of report.problems)
    if (!locations.has(problem.file))
      locations.set(problem.file, artifactLocation(problem.file, options.cwd));
  const run = new SarifRunBuilder({
    tool: {
      driver: {
        name: tool.name,
        version: tool.version,
        semanticVersion: tool.version,
        informationUri: tool.informationUri,
        rules: [],
      },
    },
    // Columns count UTF-16 code units, as JavaScript strings (and the yaml parser's offsets) do.
    columnKind: 'utf16CodeUnits',
    artifacts: [...locations.values()].map(location => ({ location: { ...location } })),
    results: [],
  });
  const firsts = new Map<string, ReportProblem>();
  for (const problem of report.problems) if (!firsts.has(problem.rule)) firsts.set(problem.rule, problem);
  for (const [rule, first] of [...firsts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { shortDescription, help } = describe(rule, first);
    run.addRule(
      new SarifRuleBuilder({
        id: rule,
        shortDescription: { text: shortDescription },
        help: { text: help },
        defaultConfiguration: { level: first.severity },
      }),
    );
  }
  for (const problem of report.problems) {
    const subject = problem.kind === null ? '' : `${objectLabel(problem)}: `;
    run.addResult(
      new SarifResultBuilder({
        ruleId: problem.rule,
        level: problem.severity,
        message: { text: `${subject}${describeProblem(problem)}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...locations.get(problem.file) },
              region: { startLine: problem.line, startColumn: problem.column },
            },
          },
        ],
      }),
    );
  }
  const builder = new SarifBuilder({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json' });
  builder.addRun(run);
  return builder.buildSarifOutput();
}

/** The SARIF report (`--format sarif`) as indented JSON, with a final newline. */
export function formatSarif(report: CheckReport, options: SarifOptions): string {
  return `${JSON.stringify(buildSarifLog(report, options), null, 2)}\n`;
}
