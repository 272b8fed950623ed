import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..');

/** Every file of a folder with its bytes, to compare folders exactly. */
function snapshotDir(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map(f => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

// `npm run synth` (pooh-pod-synth) is tested in test/synth/bin.test.ts.
describe('cdk8s synth (cdk8s.yaml)', () => {
  let work: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  test('writes the same files as the committed dist/ (npm run synth)', () => {
    const out = path.join(work, 'cli');
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/cdk8s-cli/bin/cdk8s'), 'synth', '--check-upgrade', 'false', '-o', out],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );

    expect(snapshotDir(out)).toEqual(snapshotDir(path.join(root, 'dist')));
  });
});

describe('npm run synth:helm (scripts/synth-helm.js)', () => {
  test('writes a Helm chart versioned as the package, with the manifests as templates', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-'));
    const out = path.join(work, 'helm');
    try {
      execFileSync(process.execPath, [path.join(root, 'scripts/synth-helm.js'), out], {
        cwd: root,
        stdio: 'pipe',
      });

      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      expect(parse(fs.readFileSync(path.join(out, 'Chart.yaml'), 'utf8'))).toEqual({
        apiVersion: 'v2',
        name: pkg.name,
        version: pkg.version,
        description: pkg.description,
        type: 'application',
      });
      expect(fs.readdirSync(path.join(out, 'templates')).sort()).toEqual(['blog.k8s.yaml', 'shop.k8s.yaml']);
      expect(fs.readFileSync(path.join(out, 'templates/blog.k8s.yaml'), 'utf8')).toBe(
        fs.readFileSync(path.join(root, 'dist/blog.k8s.yaml'), 'utf8'),
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
