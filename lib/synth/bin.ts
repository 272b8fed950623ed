#!/usr/bin/env node
import * as path from 'node:path';
import { checkFlagsOf } from '../cli/check-flags';
import { type CommandOption, OptionFileError, optionHelpLines, parseCommandLine } from '../cli/command-line';
import { formatJson } from '../cli/format-json';
import { SYNTH_COMMAND, toolInfo } from '../cli/package-info';
import { describeProblem } from '../cli/report';
import { writeFileAtomic } from '../cli/write-output';
import type { ChecksOptions } from '../engine/options';
// The option parser alone: the engine and its rules load while the app runs (see atomicSynth).
import { parseChecksOptions } from '../engine/parse-options';
import { formatObjectName } from '../object-names';
import type { AtomicSynthResult, SynthProblem } from './atomic-synth';
import { atomicSynth, displayPath } from './atomic-synth';
import { PLUGIN_CLASS, readCdk8sConfig } from './config';
import { synthReport } from './json-report';

/** What the command line asks for. */
interface SynthSettings {
  /** The command that runs the app; undefined for `cdk8s.yaml`'s. */
  readonly app?: string;
  /** The output folder; undefined for `cdk8s.yaml`'s, else `dist`. */
  readonly output?: string;
  /** Where to write the JSON report; undefined for none. */
  readonly report?: string;
  /** Whether to print the help and stop. */
  readonly help: boolean;
  /** The check options given as flags; they win over `cdk8s.yaml`'s plugin properties. */
  readonly checks: ChecksOptions;
}

/** The command's own options, around the check flags it shares with `pooh-pod-check`. */
const SYNTH_OPTIONS: readonly CommandOption<SynthSettings>[] = [
  {
    name: 'app',
    short: 'a',
    value: 'CMD',
    help: 'command that runs the app (default: cdk8s.yaml app)',
    apply: (s, v) => ({ ...s, app: v }),
  },
  {
    name: 'output',
    short: 'o',
    value: 'DIR',
    help: 'output folder (default: cdk8s.yaml output, else dist)',
    apply: (s, v) => ({ ...s, output: v }),
  },
  ...checkFlagsOf<SynthSettings>(),
  {
    name: 'report',
    value: 'FILE',
    help: "write the outcome to FILE as pooh-pod-check's JSON report, with the synth's status",
    apply: (s, v) => ({ ...s, report: v }),
  },
  { name: 'help', short: 'h', help: 'print this help and exit', apply: s => ({ ...s, help: true }) },
];

const USAGE = [
  `usage: ${SYNTH_COMMAND} [options]`,
  '',
  'Runs the cdk8s app of ./cdk8s.yaml (any language) into a staging folder, checks the manifests,',
  'and replaces the output folder only when the app succeeded and no check found an error.',
  '',
  ...optionHelpLines(SYNTH_OPTIONS),
  '',
  `Check options not given here come from the properties of the ${PLUGIN_CLASS} entry in`,
  "cdk8s.yaml's validations, if there is one.",
  '',
  'Exit codes: 0 synthesized; 1 the app failed, wrote no manifest, or bad usage; 2 a check found an error.',
].join('\n');

/** Exit codes, as `cdk8s synth` uses them: 2 when validation failed. */
const EXIT = { ok: 0, failed: 1, checksFailed: 2 } as const;

/** The check options: the plugin's properties in cdk8s.yaml, overridden option by option by the flags. */
function checksOptions(flags: ChecksOptions, pluginProperties: unknown, cwd: string): ChecksOptions {
  const fromConfig = parseChecksOptions(
    pluginProperties,
    `cdk8s.yaml validations (${PLUGIN_CLASS}) properties`,
    { baseDir: cwd },
  );
  return { ...fromConfig, ...flags };
}

function formatSynthProblem(p: SynthProblem): string {
  const object = p.kind === null ? '' : ` ${formatObjectName({ kind: p.kind, name: p.name ?? '' })}`;
  const construct = p.constructPath === undefined ? '' : ` [${p.constructPath}]`;
  return `${p.severity}: ${p.file}${object}${construct}: ${describeProblem(p)} (${p.rule})`;
}

function summarize(result: AtomicSynthResult, output: string): string {
  const errors = result.problems.filter(p => p.severity === 'error').length;
  switch (result.status) {
    case 'synthesized':
      return `synthesized ${result.files.join(', ')} into ${output}/`;
    case 'checks-failed':
      return `${errors} error${errors === 1 ? '' : 's'} found; ${output}/ left unchanged`;
    default:
      return `${result.message}; ${output}/ left unchanged`;
  }
}

/**
 * `pooh-pod-synth`: atomic synth of any cdk8s app with the checks. Reads `cdk8s.yaml` in `cwd`.
 *
 * @returns the exit code
 */
export async function main(argv: readonly string[], cwd: string = process.cwd()): Promise<number> {
  let flags: SynthSettings;
  let checks: ChecksOptions;
  let config: ReturnType<typeof readCdk8sConfig>;
  try {
    flags = parseCommandLine(argv, SYNTH_OPTIONS, { help: false, checks: {} }, { cwd }, false).settings;
    if (flags.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    config = readCdk8sConfig(path.join(cwd, 'cdk8s.yaml'));
    checks = checksOptions(flags.checks, config.pluginProperties, cwd);
  } catch (err) {
    // An inventory that cannot be read is not a usage problem: its own error says what is wrong.
    const usage = err instanceof OptionFileError ? '' : `\n${USAGE}\n`;
    process.stderr.write(`${SYNTH_COMMAND}: ${(err as Error).message}\n${usage}`);
    return EXIT.failed;
  }
  const app = flags.app ?? config.app;
  if (app === undefined) {
    process.stderr.write(`${SYNTH_COMMAND}: no app to run: give --app or set app in cdk8s.yaml\n`);
    return EXIT.failed;
  }
  const shownOutput = flags.output ?? config.output ?? 'dist';
  const output = path.resolve(cwd, shownOutput);

  let result: AtomicSynthResult;
  try {
    result = await atomicSynth({ app, output, cwd, checks, language: config.language });
  } catch (err) {
    process.stderr.write(`${SYNTH_COMMAND}: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
  for (const line of result.recovered) process.stderr.write(`${SYNTH_COMMAND}: ${line}\n`);
  for (const problem of result.problems) process.stderr.write(`${formatSynthProblem(problem)}\n`);
  const shown = displayPath(cwd, output);
  if (result.status === 'synthesized') process.stdout.write(`${summarize(result, shown)}\n`);
  else process.stderr.write(`${SYNTH_COMMAND}: ${summarize(result, shown)}\n`);

  const code =
    result.status === 'synthesized'
      ? EXIT.ok
      : result.status === 'checks-failed'
        ? EXIT.checksFailed
        : EXIT.failed;
  if (flags.report !== undefined) {
    const report = synthReport(result, { tool: toolInfo(SYNTH_COMMAND), output: shownOutput, checks });
    try {
      writeFileAtomic(path.resolve(cwd, flags.report), formatJson(report));
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? String(err);
      process.stderr.write(`${SYNTH_COMMAND}: cannot write ${flags.report}: ${reason}\n`);
      return code === EXIT.ok ? EXIT.failed : code;
    }
  }
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
  });
}
