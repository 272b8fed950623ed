import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { displayPath, manifestFilesIn, readInputs } from '../../lib/cli/read-inputs';

describe('readInputs', () => {
  let cwd: string;

  /** Writes files (path → text) under the temp dir. */
  function write(files: Record<string, string>): void {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
      fs.writeFileSync(path.join(cwd, file), text);
    }
  }

  const stdin = (text: string) => ({ readStdin: async () => text });

  beforeEach(() => {
    cwd = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-inputs-')));
  });

  afterEach(() => {
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  test('reads a folder recursively: .yaml, .yml and .json files in sorted order, nothing else', async () => {
    write({
      'dist/z.yaml': 'z',
      'dist/a.yml': 'a',
      'dist/b/c.json': '{}',
      'dist/B.YAML': 'upper',
      'dist/notes.txt': 'no',
      'dist/.hidden/x.yaml': 'no',
      'dist/node_modules/x.yaml': 'no',
      'dist/README.md': 'no',
    });

    const { files, errors } = await readInputs(['dist'], { cwd, ...stdin('') });

    expect(files.map(f => f.path)).toEqual(['dist/B.YAML', 'dist/a.yml', 'dist/b/c.json', 'dist/z.yaml']);
    expect(files.map(f => f.text)).toEqual(['upper', 'a', '{}', 'z']);
    expect(errors).toEqual([]);
  });

  test('reads a file named on the command line whatever its extension, and each file once', async () => {
    write({ 'out/manifest.txt': 'txt', 'out/a.yaml': 'a' });

    const { files } = await readInputs(['out/manifest.txt', 'out', `${cwd}/out/a.yaml`], {
      cwd,
      ...stdin(''),
    });

    expect(files.map(f => f.path)).toEqual(['out/manifest.txt', 'out/a.yaml']);
  });

  test('reads standard input for -, once, without a byte order mark', async () => {
    const { files } = await readInputs(['-', '-'], { cwd, ...stdin('\ufeffkind: Pod\n') });

    expect(files).toEqual([{ path: '<stdin>', text: 'kind: Pod\n' }]);
  });

  test('fails a path that does not exist, and still reads the others', async () => {
    write({ 'a.yaml': 'a' });

    const { files, errors } = await readInputs(['missing.yaml', 'a.yaml', 'gone/'], { cwd, ...stdin('') });

    expect(files.map(f => f.path)).toEqual(['a.yaml']);
    expect(errors).toEqual([
      { path: 'missing.yaml', message: 'no such file or directory' },
      { path: 'gone/', message: 'no such file or directory' },
    ]);
  });

  test('follows a symbolic link to a folder once, even in a cycle', async () => {
    write({ 'k8s/a.yaml': 'a' });
    fs.symlinkSync(path.join(cwd, 'k8s'), path.join(cwd, 'k8s', 'loop'));

    expect(manifestFilesIn(path.join(cwd, 'k8s')).map(f => displayPath(f, cwd))).toEqual(['k8s/a.yaml']);
  });

  test('names files outside the working directory relative to it', () => {
    expect(displayPath('/repo/dist/a.yaml', '/repo')).toBe('dist/a.yaml');
    expect(displayPath('/other/a.yaml', '/repo')).toBe('../other/a.yaml');
  });
});
