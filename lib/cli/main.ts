import * as path from 'node:path';
import { renderTopology } from '../scheduling/topology';
import { type CheckedFiles, checkFiles } from './check-files';
import { formatJson } from './format-json';
import { formatText } from './format-text';
import { type CliSettings, helpText, OptionFileError, parseCliArgs, UsageError, usageLine } from './options';
import { COMMAND, toolInfo } from './package-info';
import { readInputs } from './read-inputs';
import { buildReport, type CheckReport } from './report';
import { writeFileAtomic } from './write-output';

/** The exit codes. */
export const ExitCode = {
  /** No errors (warnings allowed). */
  OK: 0,
  /** Errors found. */
  ERRORS: 1,
  /** Bad usage, or input that could not be read: an unreadable file or node inventory, a YAML syntax error, no input. */
  USAGE_OR_INPUT: 2,
} as const;

/** Where the CLI reads and writes: the process, or a test's stand-ins. */
export interface CliIO {
  /** The arguments, without `node` and the script. */
  readonly argv: readonly string[];
  /** The working directory. */
  readonly cwd: string;
  /** The environment (`NO_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the report goes; colour only when it is a terminal. */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Where usage errors, unreadable inputs and `--verbose` notes go. */
  readonly stderr: { write(text: string): unknown };
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<string>;
}

/** A file an option names could not be read: its error says it all, without the usage line. */
function optionFile(io: CliIO, message: string): number {
  io.stderr.write(`${COMMAND}: ${message}\n`);
  return ExitCode.USAGE_OR_INPUT;
}

function usage(io: CliIO, message: string): number {
  io.stderr.write(`${COMMAND}: ${message}\n${usageLine()}\nTry '${COMMAND} --help' for more.\n`);
  return ExitCode.USAGE_OR_INPUT;
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
function wantsColor(io: CliIO, settings: CliSettings): boolean {
  return settings.output === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR;
}

/** The Mermaid diagram of the placement: in a mermaid code block for Markdown, bare otherwise (`.mmd`). */
function topologyText(checked: CheckedFiles, file: string): string {
  const diagram = renderTopology(checked.manifests, checked.placement ?? { pods: [], nodes: [] });
  return path.extname(file).toLowerCase() === '.md' ? `\`\`\`mermaid\n${diagram}\`\`\`\n` : diagram;
}

/** Writes a file of the run atomically; on failure says so and returns false. */
function write(io: CliIO, file: string, text: string): boolean {
  try {
    writeFileAtomic(path.resolve(io.cwd, file), text);
    return true;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    io.stderr.write(`${COMMAND}: cannot write ${file}: ${reason}\n`);
    return false;
  }
}

function render(report: CheckReport, settings: CliSettings, io: CliIO): string {
  if (settings.format === 'json') return formatJson(report);
  if (settings.format === 'sarif') {
    // Loaded only when asked for: the SARIF builder costs more to load than a small check takes.
    const { formatSarif } = require('./format-sarif') as typeof import('./format-sarif');
    return formatSarif(report, { cwd: io.cwd });
  }
  return formatText(report, { color: wantsColor(io, settings) });
}

/** Runs the command: reads the inputs, checks them, writes the report; resolves to the exit code. */
export async function runCli(io: CliIO): Promise<number> {
  let settings: CliSettings;
  try {
    settings = parseCliArgs(io.argv, { cwd: io.cwd });
  } catch (error) {
    if (error instanceof OptionFileError) return optionFile(io, error.message);
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
  if (settings.help) {
    io.stdout.write(helpText());
    return ExitCode.OK;
  }
  if (settings.version) {
    io.stdout.write(`${toolInfo().version}\n`);
    return ExitCode.OK;
  }
  if (settings.inputs.length === 0)
    return usage(io, 'no input: name files, folders, or - for standard input');

  const { files, errors } = await readInputs(settings.inputs, io);
  for (const error of errors) io.stderr.write(`${COMMAND}: cannot read ${error.path}: ${error.message}\n`);
  if (files.length === 0) {
    if (errors.length === 0) io.stderr.write(`${COMMAND}: no input: no .yaml, .yml or .json file found\n`);
    return ExitCode.USAGE_OR_INPUT;
  }

  const checked = checkFiles(files, settings.checks);
  if (settings.verbose) {
    for (const skip of checked.skipped)
      io.stderr.write(`${COMMAND}: skipped ${skip.file}:${skip.line}:${skip.column}: ${skip.reason}\n`);
  }
  const report = buildReport(
    checked.problems,
    { ...checked, skipped: checked.skipped.length },
    toolInfo(),
    checked.placement,
  );
  if (
    settings.topology !== undefined &&
    !write(io, settings.topology, topologyText(checked, settings.topology))
  )
    return ExitCode.USAGE_OR_INPUT;
  const text = render(report, settings, io);
  if (settings.output === undefined) io.stdout.write(text);
  else if (!write(io, settings.output, text)) return ExitCode.USAGE_OR_INPUT;
  if (errors.length > 0 || checked.syntaxErrors.length > 0) return ExitCode.USAGE_OR_INPUT;
  return report.summary.errors > 0 ? ExitCode.ERRORS : ExitCode.OK;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The `pooh-pod-check` process: runs the CLI on the process's arguments and sets its exit code. */
export function main(): void {
  // A reader that stops early (`| head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.OK);
    throw error;
  });
  runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: readProcessStdin,
  }).then(
    code => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${COMMAND}: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = ExitCode.USAGE_OR_INPUT;
    },
  );
}
