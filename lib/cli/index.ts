/** The `pooh-pod-check` CLI: file reading, checking with source positions, and the text, JSON and SARIF reports. */
export type { CheckedFiles } from './check-files';
export { checkFiles } from './check-files';
export { CHECK_FLAGS, checkFlagsOf } from './check-flags';
export type { CommandOption, OptionContext, ParsedCommandLine } from './command-line';
export { OptionFileError, optionHelpLines, parseCommandLine, UsageError } from './command-line';
export type { ParsedFile, SkippedDocument, SourceObject, YamlSyntaxError } from './documents';
export { parseManifests } from './documents';
export type { FieldStep } from './field-path';
export { parseFieldPath } from './field-path';
export { formatJson } from './format-json';
export type { PlacementPainter } from './format-placement';
export { formatPlacement } from './format-placement';
export type { RuleDescription, SarifOptions } from './format-sarif';
export type { TextFormatOptions } from './format-text';
export { formatText, summaryLine } from './format-text';
export type { FieldLocation } from './locate';
export { locateField } from './locate';
export type { CliIO } from './main';
export { ExitCode, runCli } from './main';
export type { CliOption, CliSettings, ReportFormat } from './options';
export { CLI_OPTIONS, parseCliArgs } from './options';
export { COMMAND, toolInfo } from './package-info';
export type { InputError, ReadInputsOptions, ReadInputsResult } from './read-inputs';
export { displayPath, manifestFilesIn, readInputs, readSourceFile } from './read-inputs';
export type { CheckReport, ReportProblem, ReportSummary, ToolInfo } from './report';
export {
  buildReport,
  compareProblems,
  describeProblem,
  REPORT_FORMAT_VERSION,
  YAML_SYNTAX_RULE,
} from './report';
export type { SourceFile, SourcePosition } from './source-file';
export { STDIN_PATH } from './source-file';
export { writeFileAtomic } from './write-output';
