#!/usr/bin/env node
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChecksOptions } from '../engine';
import { parseChecksOptions } from '../engine';
import { formatObjectName } from '../object-names';
import { formatProblem } from '../rules';
import type { AtomicSynthResult, SynthProblem } from './atomic-synth';
import { atomicSynth, displayPath } from './atomic-synth';
import { PLUGIN_CLASS, readCdk8sConfig } from './config';
import { jsonReport } from './json-report';

const USAGE = `usage: pooh-pod-synth [options]

Runs the cdk8s app of ./cdk8s.yaml (any language) into a staging folder, checks the manifests,
and replaces the output folder only when the app succeeded and no check found an error.

  -a, --app CMD                  command that runs the app (default: cdk8s.yaml app)
  -o, --output DIR               output folder (default: cdk8s.yaml output, else dist)
      --pod-security LEVEL       privileged | baseline | restricted (default restricted)
      --pod-security-version V   latest | v1.N, as the enforce-version label (default: v1.28 and latest)
      --node-port-range MIN-MAX  the cluster's --service-node-port-range (default 30000-32767)
      --suppress RULE[,RULE]     rule ids of warnings to silence (repeatable)
      --allow-literal-env NAME[,NAME]
                                 env var names allowed a literal value (repeatable)
      --nodes FILE               the cluster's nodes (kubectl get nodes -o yaml) for the scheduling pre-flight
      --report FILE              write the outcome as JSON to FILE
  -h, --help

Check options not given here come from the properties of the ${PLUGIN_CLASS} entry in
cdk8s.yaml's validations, if there is one.

Exit codes: 0 synthesized; 1 the app failed, wrote no manifest, or bad usage; 2 a check found an error.`;

/** Exit codes, as `cdk8s synth` uses them: 2 when validation failed. */
const EXIT = { ok: 0, failed: 1, checksFailed: 2 } as const;

/** Command-line flags that set check options, by option name. */
const CHECK_FLAGS = {
  podSecurity: 'pod-security',
  podSecurityVersion: 'pod-security-version',
  nodePortRange: 'node-port-range',
  suppress: 'suppress',
  allowLiteralEnv: 'allow-literal-env',
  nodes: 'nodes',
} as const;

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      app: { type: 'string', short: 'a' },
      output: { type: 'string', short: 'o' },
      'pod-security': { type: 'string' },
      'pod-security-version': { type: 'string' },
      'node-port-range': { type: 'string' },
      suppress: { type: 'string', multiple: true },
      'allow-literal-env': { type: 'string', multiple: true },
      nodes: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

type Flags = ReturnType<typeof parseCommandLine>;

/** `--suppress a,b --suppress c` as `['a', 'b', 'c']`. */
function list(values: readonly string[] | undefined): string[] | undefined {
  return values?.flatMap(value => value.split(',')).map(value => value.trim());
}

/** The check options: the plugin's properties in cdk8s.yaml, overridden flag by flag. */
function checksOptions(flags: Flags, pluginProperties: unknown, cwd: string): ChecksOptions {
  const context = { baseDir: cwd };
  const fromConfig = parseChecksOptions(
    pluginProperties,
    `cdk8s.yaml validations (${PLUGIN_CLASS}) properties`,
    context,
  );
  const fromFlags = parseChecksOptions(
    {
      podSecurity: flags[CHECK_FLAGS.podSecurity],
      podSecurityVersion: flags[CHECK_FLAGS.podSecurityVersion],
      nodePortRange: flags[CHECK_FLAGS.nodePortRange],
      suppress: list(flags[CHECK_FLAGS.suppress]),
      allowLiteralEnv: list(flags[CHECK_FLAGS.allowLiteralEnv]),
      nodes: flags[CHECK_FLAGS.nodes],
    },
    'command line',
    context,
  );
  return { ...fromConfig, ...fromFlags };
}

/** The version of this package, from the nearest package.json up (build/lib/synth or lib/synth). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  return 'unknown';
}

function formatSynthProblem(p: SynthProblem): string {
  const object = p.object.kind === '' ? '' : ` ${formatObjectName(p.object)}`;
  const construct = p.constructPath === undefined ? '' : ` [${p.constructPath}]`;
  return `${p.severity}: ${p.file}${object}${construct}: ${formatProblem(p)} (${p.rule})`;
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
export function main(argv: readonly string[], cwd: string = process.cwd()): number {
  let flags: Flags;
  let checks: ChecksOptions;
  let config: ReturnType<typeof readCdk8sConfig>;
  try {
    flags = parseCommandLine(argv);
    if (flags.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    config = readCdk8sConfig(path.join(cwd, 'cdk8s.yaml'));
    checks = checksOptions(flags, config.pluginProperties, cwd);
  } catch (err) {
    process.stderr.write(`pooh-pod-synth: ${(err as Error).message}\n\n${USAGE}\n`);
    return EXIT.failed;
  }
  const app = flags.app ?? config.app;
  if (app === undefined) {
    process.stderr.write('pooh-pod-synth: no app to run: give --app or set app in cdk8s.yaml\n');
    return EXIT.failed;
  }
  const shownOutput = flags.output ?? config.output ?? 'dist';
  const output = path.resolve(cwd, shownOutput);

  let result: AtomicSynthResult;
  try {
    result = atomicSynth({ app, output, cwd, checks, language: config.language });
  } catch (err) {
    process.stderr.write(`pooh-pod-synth: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
  for (const line of result.recovered) process.stderr.write(`pooh-pod-synth: ${line}\n`);
  for (const problem of result.problems) process.stderr.write(`${formatSynthProblem(problem)}\n`);
  const shown = displayPath(cwd, output);
  if (result.status === 'synthesized') process.stdout.write(`${summarize(result, shown)}\n`);
  else process.stderr.write(`pooh-pod-synth: ${summarize(result, shown)}\n`);

  if (flags.report !== undefined) {
    const report = jsonReport(result, { version: packageVersion(), output: shownOutput, checks });
    fs.writeFileSync(path.resolve(cwd, flags.report), `${JSON.stringify(report, null, 2)}\n`);
  }
  if (result.status === 'synthesized') return EXIT.ok;
  return result.status === 'checks-failed' ? EXIT.checksFailed : EXIT.failed;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
