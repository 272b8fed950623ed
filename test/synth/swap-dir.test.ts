import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recoverInterruptedSwap, stagingFor, swapDir } from '../../lib/synth/swap-dir';

let work: string;
let target: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'swap-'));
  target = path.join(work, 'dist');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Makes a folder holding one file `name` with `text`. */
function folder(dir: string, name: string, text: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map(f => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number;
}

describe('stagingFor', () => {
  test('is a hidden sibling named after the target and this process', () => {
    expect(stagingFor('/x/y/dist')).toBe(`/x/y/.dist-staging-${process.pid}`);
  });
});

describe('swapDir', () => {
  test('replaces the target by the staging folder, and leaves nothing else', () => {
    folder(target, 'old.k8s.yaml', 'old');
    const staging = folder(stagingFor(target), 'new.k8s.yaml', 'new');

    swapDir(staging, target);

    expect(contents(target)).toEqual({ 'new.k8s.yaml': 'new' });
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  test('creates the target when there was none', () => {
    const staging = folder(stagingFor(target), 'new.k8s.yaml', 'new');

    swapDir(staging, target);

    expect(contents(target)).toEqual({ 'new.k8s.yaml': 'new' });
  });
});

describe('recoverInterruptedSwap', () => {
  test('puts back the backup of a process that died between the two renames', () => {
    const pid = deadPid();
    folder(path.join(work, `.dist-old-${pid}`), 'a.k8s.yaml', 'previous');

    const actions = recoverInterruptedSwap(target);

    expect(actions).toEqual([`restored dist/ from .dist-old-${pid}, left by a synth that stopped mid-swap`]);
    expect(contents(target)).toEqual({ 'a.k8s.yaml': 'previous' });
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  test('puts back the newest backup when several processes died mid-swap, and removes the others', () => {
    const [older, newer] = [deadPid(), deadPid()];
    folder(path.join(work, `.dist-old-${older}`), 'a.k8s.yaml', 'older');
    fs.utimesSync(path.join(work, `.dist-old-${older}`), new Date(1_000_000), new Date(1_000_000));
    folder(path.join(work, `.dist-old-${newer}`), 'a.k8s.yaml', 'newer');

    recoverInterruptedSwap(target);

    expect(contents(target)).toEqual({ 'a.k8s.yaml': 'newer' });
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  test('removes a backup and a staging folder of a dead process when the target exists', () => {
    const pid = deadPid();
    folder(target, 'a.k8s.yaml', 'current');
    folder(path.join(work, `.dist-old-${pid}`), 'a.k8s.yaml', 'previous');
    folder(path.join(work, `.dist-staging-${pid}`), 'a.k8s.yaml', 'half');

    const actions = recoverInterruptedSwap(target);

    expect(actions).toEqual([
      `removed .dist-old-${pid}, left by a synth that stopped`,
      `removed .dist-staging-${pid}, left by a synth that stopped`,
    ]);
    expect(contents(target)).toEqual({ 'a.k8s.yaml': 'current' });
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  test('never puts a staging folder in place of a missing target: it may be half-written', () => {
    folder(path.join(work, `.dist-staging-${deadPid()}`), 'a.k8s.yaml', 'half');

    recoverInterruptedSwap(target);

    expect(fs.readdirSync(work)).toEqual([]);
  });

  test('leaves the folders of a running process, and folders of other targets or names alone', () => {
    const running = process.ppid;
    const kept = [
      `.dist-staging-${running}`,
      `.dist-old-${running}`,
      `.helm-staging-${deadPid()}`,
      '.dist-staging-abc',
      'dist-old-1',
    ].sort();
    for (const name of kept) folder(path.join(work, name), 'a', 'x');

    expect(recoverInterruptedSwap(target)).toEqual([]);
    expect(fs.readdirSync(work).sort()).toEqual(kept);
  });

  test('does nothing when the parent folder does not exist', () => {
    expect(recoverInterruptedSwap(path.join(work, 'no', 'dist'))).toEqual([]);
  });
});
