import { parseArgs } from 'node:util';
import type { ChecksOptions } from '../engine/options';
import type { PodSecurityLevel } from '../pod-security/level';
import type { PortRange } from '../rules/options';
import { COMMAND } from './package-info';

/** The report formats. */
export type ReportFormat = 'text' | 'json' | 'sarif';

/** Every report format, in the order `--help` lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

const POD_SECURITY_LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];

/** What the command line asks for. */
export interface CliSettings {
  /** The report format. */
  readonly format: ReportFormat;
  /** Where to write the report; undefined for standard output. */
  readonly output?: string;
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

/** A command line the CLI cannot run: exit code 2, with the usage line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What an option may need besides its value. */
export interface OptionContext {
  /** The working directory, for options that name a file. */
  readonly cwd: string;
}

/** One command-line option: `--help` and the parser are both made from the list of these. */
export interface CliOption {
  /** The long name, without `--`. */
  readonly name: string;
  /** A one-letter alias, without `-`. */
  readonly short?: string;
  /** The value's placeholder in `--help` (e.g. `LEVEL`); undefined for a flag. */
  readonly value?: string;
  /** One line for `--help`, ending with the default. */
  readonly help: string;
  /** The settings with this option applied (`value` is `''` for a flag); throws a {@link UsageError} for a bad value. */
  readonly apply: (settings: CliSettings, value: string, context: OptionContext) => CliSettings;
}

/** The settings with some check options changed: most options are one of these. */
export function withChecks(settings: CliSettings, checks: ChecksOptions): CliSettings {
  return { ...settings, checks: { ...settings.checks, ...checks } };
}

/** The value when it is one of `allowed`, else a usage error naming them. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

const PORT_RANGE = /^(\d{1,5})-(\d{1,5})$/;

/** `MIN-MAX` as a port range, as the API server's `--service-node-port-range` takes it. */
export function portRange(option: string, value: string): PortRange {
  const match = PORT_RANGE.exec(value);
  const min = Number(match?.[1]);
  const max = Number(match?.[2]);
  if (match === null || min < 1 || max > 65535 || min > max)
    throw new UsageError(
      `--${option} must be MIN-MAX with 1 <= MIN <= MAX <= 65535, got ${JSON.stringify(value)}`,
    );
  return { min, max };
}

/**
 * Every option. One line adds one: most set a field of the engine's options through `withChecks`,
 * e.g. `{ name: 'pod-security-version', value: 'V', help: '…', apply: (s, v) => withChecks(s, { podSecurityVersion: v }) }`.
 */
export const CLI_OPTIONS: readonly CliOption[] = [
  {
    name: 'format',
    short: 'f',
    value: 'FORMAT',
    help: `report format: ${REPORT_FORMATS.join(', ')} (default: text)`,
    apply: (s, v) => ({ ...s, format: oneOf('format', v, REPORT_FORMATS) }),
  },
  {
    name: 'pod-security',
    value: 'LEVEL',
    help: 'Pod Security Standard every Pod must meet: privileged, baseline, restricted (default: restricted)',
    apply: (s, v) => withChecks(s, { podSecurity: oneOf('pod-security', v, POD_SECURITY_LEVELS) }),
  },
  {
    name: 'node-port-range',
    value: 'MIN-MAX',
    help: "the cluster's --service-node-port-range (default: 30000-32767)",
    apply: (s, v) => withChecks(s, { nodePortRange: portRange('node-port-range', v) }),
  },
  {
    name: 'suppress',
    value: 'RULE',
    help: 'silence the warnings of a rule id; repeatable; errors cannot be silenced',
    apply: (s, v) => withChecks(s, { suppress: [...(s.checks.suppress ?? []), v] }),
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
  const flags = CLI_OPTIONS.map(option => {
    const short = option.short === undefined ? '    ' : `-${option.short}, `;
    return `${short}--${option.name}${option.value === undefined ? '' : ` ${option.value}`}`;
  });
  const width = Math.max(...flags.map(flag => flag.length)) + 2;
  return [
    usageLine(),
    '',
    'Checks Kubernetes manifests (multi-document YAML such as Helm or kustomize output, kind: List,',
    'JSON) against the rules of a Kubernetes 1.28 API server, Pod Security admission and the',
    'whole-app rules (node ports claimed twice, Service targets no Pod exposes). Folders are read',
    'recursively (*.yaml, *.yml, *.json); "-" reads standard input.',
    '',
    'options:',
    ...CLI_OPTIONS.map((option, i) => `  ${(flags[i] as string).padEnd(width)}${option.help}`),
    '',
    'exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable input',
    '',
  ].join('\n');
}

/** Reads a command line (without `node` and the script) into settings; throws a {@link UsageError}. */
export function parseCliArgs(argv: readonly string[], context: OptionContext): CliSettings {
  const byName = new Map(CLI_OPTIONS.map(option => [option.name, option]));
  let tokens: ReturnType<typeof parseArgs>['tokens'];
  try {
    ({ tokens } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        CLI_OPTIONS.map(option => [
          option.name,
          {
            type: option.value === undefined ? 'boolean' : 'string',
            multiple: true,
            ...(option.short === undefined ? {} : { short: option.short }),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
      tokens: true,
    }));
  } catch (error) {
    // Not `instanceof Error`: node's errors may come from another realm (a test's VM context).
    const message = (error as { message?: unknown }).message;
    throw new UsageError(typeof message === 'string' ? message : String(error));
  }
  let settings: CliSettings = DEFAULT_SETTINGS;
  const inputs: string[] = [];
  for (const token of tokens ?? []) {
    if (token.kind === 'positional') inputs.push(token.value);
    if (token.kind !== 'option') continue;
    const option = byName.get(token.name) as CliOption;
    settings = option.apply(settings, token.value ?? '', context);
  }
  return { ...settings, inputs };
}
