// The package as another project gets it: `npm pack` (which builds through `prepare`), then offline
// installs of the tarball whose peers and dependencies are `file:` links to this repo's own
// node_modules, so there is one copy of each and no registry is needed.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root. */
export const root = path.join(__dirname, '..', '..');
/** The package name. */
export const PACKAGE = 'pooh-pod-constructs';
/** The package's peer dependencies. */
export const PEERS = ['cdk8s', 'cdk8s-plus-28', 'constructs'];

/**
 * `npm pack` runs `tsc` once (seconds, but much more on a busy machine); an install, a type-check
 * and each synth take a few seconds at most. A child gets less time than the jest hook or test
 * running it, so a hang fails with its output.
 */
export const SETUP_TIMEOUT = 180_000;
export const TEST_TIMEOUT = 30_000;
export const CHILD_TIMEOUT = 25_000;
const PACK_TIMEOUT = 60_000;

/** The environment of every child: the consumer picks its output folder itself (cdk8s reads CDK8S_OUTDIR). */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('CDK8S_OUTDIR' in extra)) delete env.CDK8S_OUTDIR;
  return env;
}

/** Runs a command with a timeout (default: the child timeout); never throws. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env = childEnv(),
  timeout = CHILD_TIMEOUT,
): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
}

/** Runs a command that must succeed; its output is in the error otherwise. */
export function mustRun(
  command: string,
  args: string[],
  cwd: string,
  env = childEnv(),
  timeout = CHILD_TIMEOUT,
): string {
  const result = run(command, args, cwd, env, timeout);
  if (result.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` in ${cwd} failed (status ${result.status}, signal ${result.signal}, ` +
        `${result.error ?? 'no spawn error'}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** The packed tarball and the files it holds (without the `package/` prefix), sorted. */
export interface Packed {
  readonly tarball: string;
  readonly files: string[];
}

/** Whether the process that wrote `<lock>/pid` has exited (a lock it can no longer release). */
function holderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    return false; // just created: the pid is being written
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs `fn` while holding a lock in this repo: `npm pack` rebuilds build/lib in place, so two test
 * files packing at once (jest runs files in parallel on more than two cores) would pack each
 * other's half-deleted build.
 */
function whilePacking<T>(fn: () => T): T {
  const lock = path.join(root, 'node_modules', '.cache', 'npm-pack.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + PACK_TIMEOUT;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (holderIsGone(lock)) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another npm pack held ${lock} for too long`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Packs the package into `<work>/pack`, as `npm publish` would, and lists the tarball. */
export function packPackage(work: string): Packed {
  const packDir = path.join(work, 'pack');
  fs.mkdirSync(packDir);
  // --ignore-scripts=false: the build (`prepare`) must run even where npm is set to skip scripts.
  whilePacking(() =>
    mustRun(
      'npm',
      ['pack', '--pack-destination', packDir, '--ignore-scripts=false', '--loglevel=warn'],
      root,
      childEnv(),
      PACK_TIMEOUT,
    ),
  );
  const packed = fs.readdirSync(packDir);
  if (packed.length !== 1 || !packed[0].endsWith('.tgz')) {
    throw new Error(`npm pack wrote ${JSON.stringify(packed)}, expected one .tgz`);
  }
  const tarball = path.join(packDir, packed[0]);
  const files = mustRun('tar', ['-tzf', tarball], work)
    .split('\n')
    .filter(entry => entry !== '' && !entry.endsWith('/'))
    .map(entry => entry.replace(/^package\//, ''))
    .sort();
  return { tarball, files };
}

/**
 * What a project lists to install the tarball offline: the tarball itself, and each peer and
 * runtime dependency of the package as a `file:` link to this repo's node_modules.
 */
export function offlineDependencies(tarball: string): Record<string, string> {
  const ours = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const linked = [...PEERS, ...Object.keys(ours.dependencies ?? {})];
  return {
    [PACKAGE]: `file:${tarball}`,
    ...Object.fromEntries(linked.map(name => [name, `file:${path.join(root, 'node_modules', name)}`])),
  };
}

/**
 * Installs `dependencies` into `dir` offline, with a cache of its own (`cache`), so nothing can
 * come from packages cached by earlier installs. Writes `dir/package.json` if there is none.
 */
export function installOffline(dir: string, dependencies: Record<string, string>, cache: string): void {
  const manifestFile = path.join(dir, 'package.json');
  const manifest = fs.existsSync(manifestFile)
    ? JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
    : { name: path.basename(dir), version: '0.0.0', private: true };
  manifest.dependencies = dependencies;
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  mustRun(
    'npm',
    [
      'install',
      '--offline',
      `--cache=${cache}`,
      `--prefix=${dir}`,
      // npm 11 crashes placing peers next to `file:` links ("reading 'matches'"); the peers
      // are the project's own dependencies here, so npm need not place them.
      '--legacy-peer-deps',
      '--install-links=false',
      '--ignore-scripts',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=warn',
    ],
    dir,
  );
}
