import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..');

function synth(outdir: string, app?: string) {
  return spawnSync(process.execPath, [path.join(root, 'scripts/synth.js'), outdir, ...(app ? [app] : [])], {
    cwd: root,
    encoding: 'utf8',
  });
}

/** Every file of a folder with its bytes, to compare folders exactly. */
function snapshotDir(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map(f => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('npm run synth (scripts/synth.js)', () => {
  let work: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  test('writes the blog and shop manifests and a kustomization listing them, identical to the committed dist/', () => {
    const out = path.join(work, 'dist');

    const run = synth(out);

    expect(run.status).toBe(0);
    expect(snapshotDir(out)).toEqual(snapshotDir(path.join(root, 'dist')));
    expect(parse(fs.readFileSync(path.join(out, 'kustomization.yaml'), 'utf8'))).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['blog.k8s.yaml', 'shop.k8s.yaml'],
    });
  });

  test('is byte-identical run after run', () => {
    const a = path.join(work, 'a');
    const b = path.join(work, 'b');
    synth(a);
    synth(b);

    expect(snapshotDir(a)).toEqual(snapshotDir(b));
  });

  test('fails with the validation message and leaves the previous output byte-identical', () => {
    const out = path.join(work, 'dist');
    synth(out);
    const before = snapshotDir(out);

    const run = synth(out, 'test/fixtures/apps/failing-main.ts');

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('synth failed, ');
    expect(run.stderr).toContain(
      '[broken/Empty] spec.containers: a Pod needs at least one container (got 0)',
    );
    expect(snapshotDir(out)).toEqual(before);
    expect(fs.readdirSync(work)).toEqual(['dist']); // no staging folder left behind
  });

  test('removes the files of a chart that no longer exists', () => {
    const out = path.join(work, 'dist');
    synth(out, 'test/fixtures/apps/two-charts-main.ts');
    expect(fs.readdirSync(out).sort()).toEqual(['blog.k8s.yaml', 'extra.k8s.yaml', 'kustomization.yaml']);

    synth(out);

    expect(fs.readdirSync(out).sort()).toEqual(['blog.k8s.yaml', 'kustomization.yaml', 'shop.k8s.yaml']);
  });

  test('cdk8s synth (cdk8s.yaml) gives the same manifests', () => {
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
