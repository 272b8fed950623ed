import type { ChecksOptions } from '../engine/options';
import { checkFlagsOf } from './check-flags';
import {
  type CommandOption,
  type OptionContext,
  optionHelpLines,
  parseCommandLine,
  UsageError,
} from './command-line';
import { COMMAND } from './package-info';

export { type OptionContext, OptionFileError, UsageError } from './command-line';

/** The report formats. */
export type ReportFormat = 'text' | 'json' | 'sarif';

/** Every report format, in the order `--help` lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** What the command line asks for. */
export interface CliSettings {
  /** The report format. */
  readonly format: ReportFormat;
  /** Where to write the report; undefined for standard output. */
  readonly output?: string;
  /** Where to write the Mermaid diagram of the placement (needs `checks.nodes`); undefined for none. */
  readonly topology?: string;
  /** Whether to say on standard error what was read and skipped. */
  readonly verbose: boolean;
  /** Whether to print the help and stop. */
  readonly help: boolean;
  /** Whether to print the version and stop. */
  readonly version: boolean;
  /** The options of the checks, passed to the engine as they are. */
  readonly checks: ChecksOptions;
  /** Files, folders and `-`, in the order given. */
  readonly inputs: readonly string[];
}

/** The settings before any option. */
export const DEFAULT_SETTINGS: CliSettings = {
  format: 'text',
  verbose: false,
  help: false,
  version: false,
  checks: {},
  inputs: [],
};

/** One option of `pooh-pod-check`. */
export type CliOption = CommandOption<CliSettings>;

/** The value when it is one of `allowed`, else a usage error naming them, worded as the check options' errors are. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const quoted = allowed.map(a => `"${a}"`).join(', ');
  throw new UsageError(`--${option} must be one of ${quoted} (got ${JSON.stringify(value)})`);
}

/**
 * Every option. One entry adds one: the check options come from `CHECK_FLAGS`
 * (lib/cli/check-flags.ts), which
 * `pooh-pod-synth` shares; the others set the report.
 */
export const CLI_OPTIONS: readonly CliOption[] = [
  {
    name: 'format',
    short: 'f',
    value: 'FORMAT',
    help: `report format: ${REPORT_FORMATS.join(', ')} (default: text)`,
    apply: (s, v) => ({ ...s, format: oneOf('format', v, REPORT_FORMATS) }),
  },
  ...checkFlagsOf<CliSettings>(),
  {
    name: 'topology',
    value: 'FILE',
    help: 'with --nodes: write a Mermaid diagram of nodes, Pods, containers, Services and node ports to FILE (.md: in a mermaid code block)',
    apply: (s, v) => ({ ...s, topology: v }),
  },
  {
    name: 'output',
    short: 'o',
    value: 'FILE',
    help: 'write the report to FILE (atomically) instead of standard output (- for standard output)',
    apply: (s, v) => ({ ...s, output: v === '-' ? undefined : v }),
  },
  {
    name: 'verbose',
    short: 'v',
    help: 'say on standard error which files were read and which documents skipped',
    apply: s => ({ ...s, verbose: true }),
  },
  { name: 'help', short: 'h', help: 'print this help and exit', apply: s => ({ ...s, help: true }) },
  { name: 'version', help: 'print the version and exit', apply: s => ({ ...s, version: true }) },
];

/** The one-line synopsis. */
export function usageLine(): string {
  return `usage: ${COMMAND} [options] <file | folder | ->...`;
}

/** `--help`: the synopsis, what the command does, every option, the exit codes. */
export function helpText(): string {
  return [
    usageLine(),
    '',
    'Checks Kubernetes manifests (multi-document YAML such as Helm or kustomize output, kind: List,',
    'JSON) against the rules of a Kubernetes 1.28 API server, Pod Security admission and the',
    'whole-app rules (node ports claimed twice, Service targets no Pod exposes); with --nodes, also',
    'whether every Pod finds a node, and where each lands. Folders are read recursively (*.yaml,',
    '*.yml, *.json); "-" reads standard input.',
    '',
    'options:',
    ...optionHelpLines(CLI_OPTIONS),
    '',
    'exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable input',
    '',
  ].join('\n');
}

/** Reads a command line (without `node` and the script) into settings; throws a {@link UsageError}. */
export function parseCliArgs(argv: readonly string[], context: OptionContext): CliSettings {
  const { settings, positionals } = parseCommandLine(argv, CLI_OPTIONS, DEFAULT_SETTINGS, context, true);
  if (settings.topology !== undefined && settings.checks.nodes === undefined)
    throw new UsageError('--topology needs --nodes: the diagram shows where the Pods land on the nodes');
  return { ...settings, inputs: positionals };
}
