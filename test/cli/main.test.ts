import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CliIO, runCli } from '../../lib/cli/main';

const fixtures = path.join(__dirname, '..', 'fixtures', 'cli');

/** Runs the CLI in-process on the fixtures, with stdout a terminal or not. */
async function run(argv: string[], { tty = false, env = {} as Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    argv,
    cwd: fixtures,
    env,
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => '',
  };
  const status = await runCli(io);
  return { status, stdout, stderr };
}

describe('runCli', () => {
  test('colours the text report when standard output is a terminal', async () => {
    const { status, stdout } = await run(['clean'], { tty: true });

    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('\u001b[1mclean/app.yaml\u001b[22m');
    expect(stdout).toContain('\u001b[33mwarning\u001b[39m');
  });

  test.each([
    ['NO_COLOR is set', ['clean'], { NO_COLOR: '1' }],
    ['the report goes to a file', ['clean', '--output', 'PLACEHOLDER'], {}],
  ])('prints no colour on a terminal when %s', async (_, argv, env) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-main-'));
    const target = path.join(dir, 'report.txt');
    try {
      const { status, stdout } = await run(
        argv.map(arg => (arg === 'PLACEHOLDER' ? target : arg)),
        { tty: true, env },
      );
      const text = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : stdout;

      expect(status).toBe(0);
      expect(text).toContain('clean/app.yaml:10:5  warning  node-selector-label-deprecated');
      expect(text).not.toContain('\u001b[');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('colours a terminal when NO_COLOR is set but empty, as no-color.org asks', async () => {
    expect((await run(['clean'], { tty: true, env: { NO_COLOR: '' } })).stdout).toContain('\u001b[');
  });

  test('fails with 2 when the report cannot be written, naming the file', async () => {
    const { status, stdout, stderr } = await run(['clean', '--output', 'no/such/folder/report.json']);

    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('pooh-pod-check: cannot write no/such/folder/report.json: ENOENT\n');
  });
});
