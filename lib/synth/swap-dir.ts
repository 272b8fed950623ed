import * as fs from 'node:fs';
import * as path from 'node:path';

// A folder is replaced by a fully written staging folder with two renames (target → backup,
// staging → target), so readers see the old or the new complete set of files, never a half-written
// one. Between the two renames the target is briefly absent; a process killed there leaves the
// backup behind, and the next run puts it back (`recoverInterruptedSwap`).

type Role = 'staging' | 'old';

function sibling(target: string, role: Role, pid: number): string {
  return path.join(path.dirname(target), `.${path.basename(target)}-${role}-${pid}`);
}

/** A staging folder for `target`, next to it (same filesystem, so the swap is two renames). */
export function stagingFor(target: string): string {
  return sibling(target, 'staging', process.pid);
}

/** Moves `staging` to `target`, replacing what `target` held. Both must be on one filesystem. */
export function swapDir(staging: string, target: string): void {
  const old = sibling(target, 'old', process.pid);
  fs.rmSync(old, { recursive: true, force: true });
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(staging, target);
  fs.rmSync(old, { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // a leftover of an earlier process that had our pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after a synth that died (killed, crashed, power cut) while staging or swapping into
 * `target`: a backup is renamed back to `target` if `target` is missing (the process died between
 * the two renames), and removed otherwise; staging folders are removed. Folders of processes
 * still running are left alone.
 *
 * @returns one line per action taken, for the log
 */
export function recoverInterruptedSwap(target: string): string[] {
  const parent = path.dirname(target);
  if (!fs.existsSync(parent)) return [];
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}-(staging|old)-(\\d+)$`);
  const actions: string[] = [];
  // Backups first, newest first: if several processes died mid-swap, the latest output comes back.
  const leftovers = fs
    .readdirSync(parent)
    .map(name => ({ name, match: pattern.exec(name) }))
    .filter(entry => entry.match !== null && !isAlive(Number(entry.match[2])))
    .map(entry => ({ name: entry.name, role: entry.match?.[1] as Role, dir: path.join(parent, entry.name) }))
    .sort((a, b) => (a.role === b.role ? mtime(b.dir) - mtime(a.dir) : a.role === 'old' ? -1 : 1));
  for (const { name, role, dir } of leftovers) {
    if (role === 'old' && !fs.existsSync(target)) {
      fs.renameSync(dir, target);
      actions.push(`restored ${path.basename(target)}/ from ${name}, left by a synth that stopped mid-swap`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
      actions.push(`removed ${name}, left by a synth that stopped`);
    }
  }
  return actions;
}

function mtime(dir: string): number {
  return fs.statSync(dir).mtimeMs;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
