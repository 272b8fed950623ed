// The package as another cdk8s app gets it: `npm pack` (which builds through `prepare`), then an
// offline install of the tarball into a scratch app (test/fixtures/consumer-app) whose peers are
// this repo's own node_modules, then that app's synth.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { codeBlocks, documentationFiles } from './support/markdown';
import {
  childEnv,
  installOffline,
  mustRun,
  offlineDependencies,
  PACKAGE,
  PEERS,
  packPackage,
  root,
  run,
  SETUP_TIMEOUT,
  TEST_TIMEOUT,
} from './support/packed-package';

type Manifest = Record<string, any>;

const fixture = path.join(__dirname, 'fixtures', 'consumer-app');

/** Every `.ts` source under lib/ (not `.d.ts`), relative, with `/` separators. */
function librarySources(): string[] {
  return fs
    .readdirSync(path.join(root, 'lib'), { recursive: true, encoding: 'utf8' })
    .map(file => file.split(path.sep).join('/'))
    .filter(file => file.endsWith('.ts') && !file.endsWith('.d.ts'));
}

/** The real path of a folder, with a trailing separator: a prefix of the real paths of its files. */
function realDir(dir: string): string {
  return fs.realpathSync(dir) + path.sep;
}

/** Every `node_modules` folder under `dir`, not following symlinks. */
function nestedNodeModules(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(entry => path.basename(entry) === 'node_modules');
}

describe('the packed package (npm pack)', () => {
  let work: string;
  let tarball: string;
  let files: string[];

  beforeAll(() => {
    // realpath: tsc and node report real paths, and os.tmpdir() may be a symlink (macOS).
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-package-')));
    ({ tarball, files } = packPackage(work));
  }, SETUP_TIMEOUT);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test(
    'holds the compiled library with its declarations, the CLI shim, package.json, README.md and LICENSE, nothing else',
    () => {
      const sources = librarySources();
      expect(sources).toContain('index.ts');
      const expected = [
        'LICENSE',
        'README.md',
        'bin/pooh-pod-check.js',
        'package.json',
        ...sources.flatMap(file => {
          const base = `build/lib/${file.slice(0, -'.ts'.length)}`;
          return [`${base}.js`, `${base}.d.ts`];
        }),
      ].sort();

      // An extra build/lib file here with no lib/ source is a leftover of an earlier build:
      // `tsc` never deletes outputs, so delete build/ and pack again.
      expect(files).toEqual(expected);
      for (const excluded of ['dist/', 'test/', 'scripts/', 'helm/', 'lib/', 'node_modules/']) {
        expect(files.filter(file => file.startsWith(excluded))).toEqual([]);
      }
      expect(files).not.toContain('main.ts');
      expect(files.filter(file => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
      expect(files.filter(file => file.endsWith('.tgz') || file.endsWith('.map'))).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  test(
    'holds the Apache-2.0 license text of the repository root, as package.json declares',
    () => {
      const shipped = mustRun('tar', ['-xOzf', tarball, 'package/LICENSE'], work);
      const ours = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

      expect(ours.license).toBe('Apache-2.0');
      expect(shipped).toBe(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'));
      expect(
        shipped
          .trimStart()
          .split('\n')
          .slice(0, 3)
          .map(line => line.trim()),
      ).toEqual(['Apache License', 'Version 2.0, January 2004', 'http://www.apache.org/licenses/']);
      expect(shipped).toContain('END OF TERMS AND CONDITIONS');
    },
    TEST_TIMEOUT,
  );

  describe('installed offline in another cdk8s app (test/fixtures/consumer-app)', () => {
    let app: string;
    let installed: string;

    beforeAll(() => {
      app = path.join(work, 'app');
      fs.cpSync(fixture, app, { recursive: true });
      fs.rmSync(path.join(app, 'node_modules'), { recursive: true, force: true });
      fs.rmSync(path.join(app, 'dist'), { recursive: true, force: true });
      // The peers and dependencies are `file:` links to this repo's node_modules: no registry needed.
      installOffline(app, offlineDependencies(tarball), path.join(work, 'npm-cache'));
      installed = path.join(app, 'node_modules', PACKAGE);
    }, SETUP_TIMEOUT);

    test(
      'is a copy of the tarball whose package.json points at shipped files',
      () => {
        expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
        const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
        const ours = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
        expect(manifest.name).toBe(PACKAGE);
        expect(manifest.version).toBe(ours.version);
        expect(files).toContain(manifest.main);
        expect(files).toContain(manifest.types);
        expect(fs.existsSync(path.join(installed, manifest.main))).toBe(true);
        expect(fs.existsSync(path.join(installed, manifest.types))).toBe(true);
        expect(Object.keys(manifest.peerDependencies).sort()).toEqual(PEERS);
        // Exact versions, the ones this repo is tested with: yaml reads manifests (CLI, plugin, pooh-pod-synth).
        expect(manifest.dependencies).toEqual(ours.dependencies);
        expect(Object.keys(manifest.dependencies).sort()).toEqual(['node-sarif-builder', 'yaml']);
        expect(Object.values(manifest.dependencies).every(v => /^\d+\.\d+\.\d+$/.test(String(v)))).toBe(true);
        expect(manifest.bin).toEqual({
          'pooh-pod-check': 'bin/pooh-pod-check.js',
          'pooh-pod-synth': 'build/lib/synth/bin.js',
        });
      },
      TEST_TIMEOUT,
    );

    test(
      'shares one cdk8s, cdk8s-plus-28 and constructs with the app: no nested copy',
      () => {
        const resolved = JSON.parse(mustRun(process.execPath, ['peers.js'], app));

        expect(resolved.entry).toBe(path.join(installed, 'build', 'lib', 'index.js'));
        expect(nestedNodeModules(installed)).toEqual([]);
        for (const peer of PEERS) {
          // The app's copy is this repo's, through the `file:` link...
          expect(resolved.fromApp[peer].startsWith(realDir(path.join(root, 'node_modules', peer)))).toBe(
            true,
          );
          // ...and the package (and cdk8s-plus-28) load that very file, so `instanceof` holds across them.
          expect(resolved.fromPackage[peer]).toBe(resolved.fromApp[peer]);
          expect(resolved.fromPlus[peer]).toBe(resolved.fromApp[peer]);
        }
      },
      TEST_TIMEOUT,
    );

    test(
      'ships declarations a strict TypeScript consumer compiles against',
      () => {
        // typed.cts also holds @ts-expect-error lines, which fail if the types degrade to `any`.
        const listed = mustRun(
          process.execPath,
          [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--listFiles'],
          app,
        ).split('\n');

        expect(listed).toContain(
          path.join(installed, 'build', 'lib', 'index.d.ts').split(path.sep).join('/'),
        );
        expect(listed).toContain(path.join(app, 'typed.cts').split(path.sep).join('/'));
      },
      TEST_TIMEOUT,
    );

    test(
      "synthesizes the consumer's chart: the pinned Pod and a NodePort Service that selects it",
      () => {
        const result = run(process.execPath, ['main.js'], app);
        expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });

        const dist = path.join(app, 'dist');
        expect(fs.readdirSync(dist)).toEqual(['shop.k8s.yaml']);
        const docs = parseAllDocuments(fs.readFileSync(path.join(dist, 'shop.k8s.yaml'), 'utf8'));
        expect(docs.flatMap(doc => doc.errors)).toEqual([]);
        expect(docs.map(doc => doc.toJS()?.kind)).toEqual(['Pod', 'Service']);
        const [pod, service] = docs.map(doc => doc.toJS() as Manifest);

        expect(pod.metadata.name).toBe('web');
        expect(pod.metadata.namespace).toBe('shop');
        expect(pod.metadata.labels).toMatchObject({ app: 'web', team: 'payments' });
        expect(pod.spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux', disk: 'ssd' });
        expect(pod.spec.affinity).toBeUndefined();
        expect(pod.spec.containers.map((c: Manifest) => c.name)).toEqual(['nginx', 'exporter']);
        expect(pod.spec.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);

        expect(service.metadata).toEqual({
          name: 'web',
          namespace: 'shop',
          labels: { app: 'web', team: 'payments' },
        });
        expect(service.spec.type).toBe('NodePort');
        // The Pod's own label: not the chart's (every object has it), not cdk8s's address label.
        expect(service.spec.selector).toEqual({ app: 'web' });
        expect(pod.metadata.labels).toMatchObject(service.spec.selector);
        expect(service.spec.ports).toEqual([
          { name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' },
          { name: 'metrics', port: 9113, targetPort: 9113, protocol: 'TCP' },
        ]);
      },
      TEST_TIMEOUT,
    );

    test(
      'compiles every TypeScript example of README.md and docs/ under the tsconfig `cdk8s init typescript-app` generates, and runs it',
      () => {
        const examples = path.join(app, 'examples');
        fs.mkdirSync(examples);
        const blocks = documentationFiles()
          .flatMap(codeBlocks)
          .filter(block => block.lang === 'ts');
        const names = blocks.map(block => {
          const name = `${block.file.replace(/[/.]/g, '-')}-${block.line}.ts`;
          fs.writeFileSync(path.join(examples, name), `${block.code}\n`);
          return name;
        });
        // The template's own tsconfig, as cdk8s-cli ships it; the template app installs @types/node.
        const tsconfig = JSON.parse(
          fs.readFileSync(
            path.join(root, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app', 'tsconfig.json'),
            'utf8',
          ),
        );
        tsconfig.compilerOptions.typeRoots = [path.join(root, 'node_modules', '@types')];
        tsconfig.compilerOptions.types = ['node'];
        fs.writeFileSync(path.join(examples, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
        // The scheduling example reads a node inventory next to it.
        fs.copyFileSync(
          path.join(root, 'examples', 'blog-cluster.nodes.yaml'),
          path.join(examples, 'cluster.nodes.yaml'),
        );

        expect(blocks.length).toBeGreaterThanOrEqual(5);
        mustRun(
          process.execPath,
          [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'],
          examples,
        );
        for (const name of names) {
          const result = run(process.execPath, [name.replace(/\.ts$/, '.js')], examples);
          expect({ example: name, status: result.status, stderr: result.stderr }).toEqual({
            example: name,
            status: 0,
            stderr: '',
          });
        }
      },
      TEST_TIMEOUT * 2,
    );

    test(
      'installs the pooh-pod-check command, which checks YAML with the compiled CLI',
      () => {
        const bin = path.join(app, 'node_modules', '.bin', 'pooh-pod-check');
        const manifest = path.join(work, 'bad-service.yaml');
        fs.writeFileSync(
          manifest,
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 99999\n',
        );

        const version = run(bin, ['--version'], app);
        const checked = run(bin, ['--format', 'json', manifest], app);

        expect({ status: version.status, stdout: version.stdout }).toEqual({ status: 0, stdout: '0.1.0\n' });
        expect(checked.status).toBe(1);
        const report = JSON.parse(checked.stdout);
        expect(report.problems.map((p: Manifest) => [p.rule, p.field, p.line, p.column])).toEqual([
          ['service-node-port-out-of-range', 'spec.ports[0].nodePort', 9, 7],
        ]);
      },
      TEST_TIMEOUT,
    );

    test(
      'fails the consumer synth on a Service nodePort out of range, naming spec.ports[0].nodePort',
      () => {
        const outdir = path.join(work, 'bad-dist');

        const result = run(process.execPath, ['main.js', '99999'], app, childEnv({ CDK8S_OUTDIR: outdir }));

        expect(result.status).not.toBe(0);
        expect(result.status).not.toBeNull(); // exited, not killed by the timeout
        expect(result.stderr).toContain('[shop/Web/NodePortService] spec.ports[0].nodePort:');
        expect(result.stderr).toContain('(got 99999)');
        expect(fs.readdirSync(outdir)).toEqual([]);
      },
      TEST_TIMEOUT,
    );

    test(
      'installs the pooh-pod-synth command, which replaces the output folder only after a good synth',
      () => {
        const bin = path.join(app, 'node_modules', '.bin', 'pooh-pod-synth');
        const output = path.join(work, 'synth-dist');

        const good = run(bin, ['--app', 'node main.js', '--output', output], app);
        const written = fs.readFileSync(path.join(output, 'shop.k8s.yaml'), 'utf8');
        const bad = run(bin, ['--app', 'node main.js 99999', '--output', output], app);

        expect({ status: good.status, stderr: good.stderr }).toEqual({ status: 0, stderr: '' });
        expect(good.stdout).toBe(`synthesized shop.k8s.yaml into ${output}/\n`);
        expect(bad.status).toBe(1);
        expect(bad.stderr).toContain('[shop/Web/NodePortService] spec.ports[0].nodePort:');
        expect(bad.stderr).toContain(`\`node main.js 99999\` exited with code 1; ${output}/ left unchanged`);
        expect(fs.readdirSync(output)).toEqual(['shop.k8s.yaml']);
        expect(fs.readFileSync(path.join(output, 'shop.k8s.yaml'), 'utf8')).toBe(written);
      },
      TEST_TIMEOUT,
    );
  });
});
