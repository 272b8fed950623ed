// The real kubectl against the loopback discovery stub (scripts/kubectl-discovery-stub.js): no
// cluster, offline, with an empty kubeconfig, cache and HOME of its own, so the user's kube
// config is never read or written. Mutating commands run with --dry-run=client.
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

export const KUBECTL = process.env.KUBECTL || 'kubectl';

/** Whether kubectl runs here; tests that need it are skipped, saying so, when it does not. */
export const hasKubectl = spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).status === 0;

interface DiscoveryStub {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}
const { startDiscoveryStub } = require('../../scripts/kubectl-discovery-stub') as {
  startDiscoveryStub(options?: { objects?: readonly unknown[] }): Promise<DiscoveryStub>;
};

const run = promisify(execFile);

/** A stub and a kubectl configured for it; `close()` stops the stub and removes the temp folder. */
export interface KubectlSession {
  /** kubectl's global flags: kubeconfig, cache dir and the stub's address. */
  readonly flags: readonly string[];
  /** The environment kubectl runs in (HOME in the temp folder, no KUBECONFIG). */
  readonly env: NodeJS.ProcessEnv;
  /** Runs kubectl with `args` after the global flags; resolves to stdout. Async, so the stub can answer. */
  kubectl(...args: string[]): Promise<string>;
  /** Runs a bash command line in `cwd` in which `kubectl` is this session's, with --dry-run=client. */
  shell(command: string, cwd: string): Promise<{ stdout: string; stderr: string }>;
  close(): Promise<void>;
}

/** Starts a stub serving `objects` (e.g. Nodes) and returns a session for it. */
export async function startKubectlSession(objects: readonly unknown[] = []): Promise<KubectlSession> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-'));
  const kubeconfig = path.join(work, 'kubeconfig');
  fs.writeFileSync(kubeconfig, '');
  fs.mkdirSync(path.join(work, 'home'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: path.join(work, 'home') };
  delete env.KUBECONFIG;
  const stub = await startDiscoveryStub({ objects });
  const flags = [
    `--kubeconfig=${kubeconfig}`,
    `--cache-dir=${path.join(work, 'cache')}`,
    `--server=${stub.url}`,
  ];
  // --validate=false for apply: the stub serves no OpenAPI schema; a real API server validates.
  const wrapper = [
    'kubectl() {',
    '  local extra=""',
    '  case " $* " in *" apply "*) extra="--validate=false" ;; esac',
    `  command ${KUBECTL} ${flags.join(' ')} "$@" --dry-run=client $extra`,
    '}',
  ].join('\n');
  return {
    flags,
    env,
    kubectl: async (...args) => (await run(KUBECTL, [...flags, ...args], { env, timeout: 20_000 })).stdout,
    shell: async (command, cwd) =>
      run('bash', ['-c', `set -euo pipefail\n${wrapper}\n${command}`], { cwd, env, timeout: 30_000 }),
    close: async () => {
      await stub.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
