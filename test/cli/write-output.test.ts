import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../lib/cli/write-output';

describe('writeFileAtomic', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-write-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('writes a new file and replaces an old one, leaving no temporary file behind', () => {
    const target = path.join(dir, 'report.sarif');

    writeFileAtomic(target, 'first');
    writeFileAtomic(target, 'second');

    expect(fs.readFileSync(target, 'utf8')).toBe('second');
    expect(fs.readdirSync(dir)).toEqual(['report.sarif']);
  });

  test('fails when the folder does not exist, leaving nothing behind', () => {
    expect(() => writeFileAtomic(path.join(dir, 'missing', 'report.json'), 'x')).toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('fails when the target is a folder, and keeps the folder and no temporary file', () => {
    fs.mkdirSync(path.join(dir, 'report.json'));

    expect(() => writeFileAtomic(path.join(dir, 'report.json'), 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
    expect(fs.statSync(path.join(dir, 'report.json')).isDirectory()).toBe(true);
  });
});
