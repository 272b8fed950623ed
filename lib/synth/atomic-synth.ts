import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSourceFile } from '../cli/read-inputs';
import type { ReportProblem } from '../cli/report';
import type { ChecksOptions } from '../engine';
import { uniqueNames } from '../object-names';
import type { Placement } from '../scheduling/placement';
import { recoverInterruptedSwap, stagingFor, swapDir } from './swap-dir';

/** What to synthesize, where, with which checks. */
export interface AtomicSynthOptions {
  /** The shell command that runs the app (`cdk8s.yaml`'s `app:`); it writes into `$CDK8S_OUTDIR`. */
  readonly app: string;
  /** Absolute path of the output folder, replaced only when the app succeeded and the checks passed. */
  readonly output: string;
  /** Absolute path of the folder the app runs in (`cdk8s.yaml`'s folder); paths are shown relative to it. */
  readonly cwd: string;
  /** The options of the checks. */
  readonly checks: ChecksOptions;
  /**
   * The app's language (`cdk8s.yaml`'s `language:`), to word the hint when it writes nothing.
   * @default - the hint names `app.synth()`
   */
  readonly language?: string;
}

/**
 * A problem of one synthesized object, as `pooh-pod-check` reports it: `file` is the manifest as it
 * is (or would have been) in the output folder, relative to `cwd` when under it, and `line` and
 * `column` point into it.
 */
export interface SynthProblem extends ReportProblem {
  /** The object's construct path, where cdk8s recorded one for its name (and no other object has that name). */
  readonly constructPath?: string;
}

/**
 * How a synth ended: `synthesized` (output replaced), `checks-failed` (an error found; exit 2),
 * `app-failed` (the app exited non-zero or could not start) or `no-manifests` (it wrote no YAML).
 */
export type SynthStatus = 'synthesized' | 'checks-failed' | 'app-failed' | 'no-manifests';

/** The outcome of `atomicSynth`. */
export interface AtomicSynthResult {
  /** How it ended; only `synthesized` touched the output folder. */
  readonly status: SynthStatus;
  /** Why the app failed or wrote nothing; absent otherwise. */
  readonly message?: string;
  /** The manifest files the app wrote, relative to the output folder, sorted. */
  readonly files: readonly string[];
  /** How many objects the files hold. */
  readonly objects: number;
  /** How many documents of the files are not Kubernetes objects (empty, comments only, ...). */
  readonly skipped: number;
  /** Every problem found, errors and warnings (suppressed warnings excluded). */
  readonly problems: readonly SynthProblem[];
  /** Cleanup of folders left by an earlier synth that stopped half-way, one line each. */
  readonly recovered: readonly string[];
  /** Where each Pod lands, when the checks had a node inventory and the app wrote manifests. */
  readonly placement?: Placement;
}

/** cdk8s's record of construct paths by object name, written when CDK8S_RECORD_CONSTRUCT_METADATA is `true`. */
const CONSTRUCT_METADATA = 'construct-metadata.json';
const RECORD_METADATA = 'CDK8S_RECORD_CONSTRUCT_METADATA';
const MANIFEST = /\.ya?ml$/;
/** The call that writes the manifests, per `cdk8s.yaml` language, for the "wrote nothing" hint. */
const SYNTH_CALL: Readonly<Record<string, string>> = { go: 'app.Synth()' };

/**
 * Runs a cdk8s app (any language) with `CDK8S_OUTDIR` set to a staging folder next to the output
 * folder, runs the checks over the manifests it wrote, and swaps the staging folder in for the
 * output folder only when the app succeeded, wrote at least one manifest and no check found an
 * error. In every other case the output folder is left byte-identical and the staging folder is
 * removed. A backup or staging folder left by an earlier synth that was killed is cleaned up first.
 *
 * The checks (the engine, its rules, the YAML reader) load while the app runs, in its own process.
 *
 * @throws Error when the output folder contains `cwd` (swapping it would move the app itself)
 */
export async function atomicSynth(options: AtomicSynthOptions): Promise<AtomicSynthResult> {
  const { output, cwd } = options;
  const fromOutput = path.relative(output, cwd);
  if (fromOutput === '' || (!fromOutput.startsWith('..') && !path.isAbsolute(fromOutput))) {
    throw new Error(
      `the output folder ${output} contains the app folder ${cwd}: choose a subfolder such as dist`,
    );
  }
  const recovered = recoverInterruptedSwap(output);
  const staging = stagingFor(output);
  fs.rmSync(staging, { recursive: true, force: true });
  const ended = (status: SynthStatus, message: string): AtomicSynthResult => {
    fs.rmSync(staging, { recursive: true, force: true });
    return { status, message, files: [], objects: 0, skipped: 0, problems: [], recovered };
  };
  try {
    const running = startApp(options.app, cwd, staging);
    // The checks load while the app runs in its own process. A failure to load them is thrown only
    // once the app has ended: the staging folder is removed when nothing writes to it any more.
    let checker: typeof import('../cli/check-files') | undefined;
    let loadError: unknown;
    try {
      checker = require('../cli/check-files') as typeof import('../cli/check-files');
    } catch (err) {
      loadError = err;
    }
    const failure = await running;
    if (checker === undefined) throw loadError;
    if (failure) return ended('app-failed', failure);

    const files = manifestFilesIn(staging);
    if (files.length === 0) {
      const call = SYNTH_CALL[options.language ?? ''] ?? 'app.synth()';
      return ended(
        'no-manifests',
        `\`${options.app}\` wrote no manifest into $CDK8S_OUTDIR; does the app call ${call}?`,
      );
    }
    const constructPaths = readConstructPaths(staging);

    // Read and checked as pooh-pod-check reads files, named as they will be in the output folder.
    const checked = checker.checkFiles(
      files.map(file => readSourceFile(path.join(staging, file), displayPath(cwd, path.join(output, file)))),
      options.checks,
    );
    const unique = uniqueNames(checked.manifests);
    const problems = checked.problems.map((problem): SynthProblem => {
      const constructPath =
        problem.name !== null && unique.has(problem.name) ? constructPaths.get(problem.name) : undefined;
      return constructPath === undefined ? problem : { ...problem, constructPath };
    });

    const failed = problems.some(p => p.severity === 'error');
    if (failed) fs.rmSync(staging, { recursive: true, force: true });
    else swapDir(staging, output);
    return {
      status: failed ? 'checks-failed' : 'synthesized',
      files,
      objects: checked.objects,
      skipped: checked.skipped.length,
      problems,
      recovered,
      ...(checked.placement === undefined ? {} : { placement: checked.placement }),
    };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** `file` relative to `cwd` when it is under it, else absolute: how paths are shown. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Starts the app writing into `staging`; resolves to why it failed, or `undefined` when it exited 0. */
function startApp(app: string, cwd: string, staging: string): Promise<string | undefined> {
  return new Promise(resolve => {
    const child = spawn(app, {
      cwd,
      shell: true,
      stdio: 'inherit',
      // Construct paths for the report, as `cdk8s synth` records them for its validation plugins;
      // an explicit setting of the user wins.
      env: {
        ...process.env,
        CDK8S_OUTDIR: staging,
        [RECORD_METADATA]: process.env[RECORD_METADATA] ?? 'true',
      },
    });
    // The first of these settles the promise (`close` may follow `error`).
    child.on('error', err => resolve(`\`${app}\` could not start: ${err.message}`));
    child.on('close', (status, signal) => {
      if (signal) resolve(`\`${app}\` was killed by ${signal}`);
      else resolve(status === 0 ? undefined : `\`${app}\` exited with code ${status}`);
    });
  });
}

/** The YAML files under `dir` (subfolders too, as `cdk8s synth` reads them), relative, sorted. */
function manifestFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => MANIFEST.test(file) && fs.statSync(path.join(dir, file)).isFile())
    .sort();
}

/**
 * Construct paths by object name from cdk8s's metadata file, which is then removed from the
 * staging folder unless the user asked cdk8s for it: it is not a manifest, and GitOps folders
 * should hold manifests only.
 */
function readConstructPaths(staging: string): ReadonlyMap<string, string> {
  const file = path.join(staging, CONSTRUCT_METADATA);
  const paths = new Map<string, string>();
  if (!fs.existsSync(file)) return paths;
  try {
    const metadata = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [name, entry] of Object.entries<{ path?: unknown }>(metadata?.resources ?? {})) {
      if (typeof entry?.path === 'string') paths.set(name, entry.path);
    }
  } catch {
    // An unreadable record only costs the construct paths.
  }
  if (process.env[RECORD_METADATA] !== 'true') fs.rmSync(file);
  return paths;
}
