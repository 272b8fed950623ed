// The documentation is tested: every command README.md and docs/ tell a reader to run is run
// here, or named with the test or CI step that runs it, or with why this machine cannot (a live
// cluster, a registry release). A command no entry covers fails the test, so the pages cannot
// drift from what was checked. Code blocks: TypeScript examples compile and run in
// test/package.test.ts (against the packed package, under the tsconfig `cdk8s init typescript-app`
// generates); YAML and JSON blocks parse; Mermaid diagrams are generated (test/topology-script.test.ts).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { hasKubectl, type KubectlSession, startKubectlSession } from './support/kubectl';
import {
  type Command,
  codeBlocks,
  documentationFiles,
  inlineCommands,
  shellCommands,
} from './support/markdown';

const root = path.join(__dirname, '..');

/** How a documented command is exercised. */
type How =
  /** Run by this test, in the repo root. */
  | { readonly run: 'kubectl' | 'check' | 'topology' }
  /** Run by another test or by CI: the file that does it. */
  | { readonly by: string }
  /** Cannot run on this machine, and why. */
  | { readonly cannot: string }
  /** Named in prose as what something does, not as a step to run. */
  | { readonly mention: string };

const LIVE_CLUSTER = 'needs a live cluster (no API server here; kubectl talks only to a discovery stub)';
const REGISTRY = 'needs the package on the npm registry, or the repository at a public URL';

/** Every documented command, by pattern (anchored at the start); the first match decides. */
const COMMANDS: readonly [RegExp, How][] = [
  // The README's two commands, exactly what .ci/run runs on a clean clone.
  [/^npm ci && npm (run synth|test)$/, { by: '.ci/run' }],
  [/^npm (ci|test)$/, { by: '.ci/run' }],
  [/^npm run synth$/, { by: '.ci/run' }],
  [/^npm run synth:helm$/, { by: 'test/synth-script.test.ts' }],
  [/^npm run build$/, { by: 'test/package.test.ts' }],
  [/^npm pack$/, { by: 'test/package.test.ts' }],
  [
    /^npm install \.\/pooh-pod-constructs-0\.1\.0\.tgz cdk8s cdk8s-plus-28 constructs$/,
    { by: 'test/package.test.ts' },
  ],
  [
    /^npm install --prefix ~\/\.cdk8s\/plugins\/pooh-pod-constructs\/0\.1\.0 /,
    { by: 'test/plugin-cdk8s.test.ts' },
  ],
  [/^npm run record-fixtures$/, { by: 'test/support/kubectl-fixtures.test.ts' }],
  [/^npm run bench\b/, { by: 'BENCHMARKS.md' }],
  [/^node scripts\/bench\/scheduling\.js$/, { by: 'docs/scheduling.md' }],
  [/^npm run lint:fix$/, { by: 'package.json' }],
  [/^npx jest -u$/, { by: 'package.json' }],
  [/^npx pooh-pod-synth$/, { by: 'test/synth/bin.test.ts' }],
  [/^pooh-pod-synth --report\b/, { by: 'test/synth/bin.test.ts' }],
  [/^pooh-pod-check --format json$/, { by: 'test/cli/cli.test.ts' }],
  [/^(cdk8s synth|node -r \.\/scripts\/register-ts\.js main\.ts)$/, { by: 'test/synth/bin.test.ts' }],
  [/^cdk8s synth --validation-reports-output-file /, { by: 'test/plugin-cdk8s.test.ts' }],
  [/^npx pooh-pod-check (dist\/|examples\/)/, { run: 'check' }],
  [/^node scripts\/topology\.js --(readme|nodes) /, { run: 'topology' }],
  [/^kubectl (-n shop )?create secret generic /, { run: 'kubectl' }],
  [/^kubectl label nodes worker-node2 /, { run: 'kubectl' }],
  [/^kubectl (apply|delete) -[fk] dist\/?$/, { by: 'test/kustomization.test.ts' }],
  [/^kubectl kustomize dist$/, { by: 'test/kustomization.test.ts' }],
  [/^kubectl (get|describe) /, { cannot: LIVE_CLUSTER }],
  [/^curl http:\/\/<node-ip>/, { cannot: LIVE_CLUSTER }],
  [/^npm install (git\+)?https:\/\//, { cannot: REGISTRY }],
  [
    /^npm install pooh-pod-constructs@0\.1\.0 --no-save --prefix /,
    { mention: 'what cdk8s-cli runs by itself' },
  ],
  [/^npm install (-g |--save-dev )?pooh-pod-constructs\b/, { cannot: REGISTRY }],
  [/^npm publish$/, { cannot: REGISTRY }],
  [/^npx --yes (--package )?pooh-pod-constructs@<version>/, { cannot: REGISTRY }],
  [/^git clone <repo>/, { cannot: REGISTRY }],
  [/^cd my-app && npm install /, { by: 'test/package.test.ts' }],
  [
    /^(helm template|kustomize build)/,
    {
      cannot:
        'helm and kustomize are not installed here; test/cli/ feeds the same output through standard input',
    },
  ],
  [
    /^(git diff --cached|exec npx --no-install pooh-pod-check)/,
    { cannot: 'a git pre-commit hook: runs in a GitOps repository, on commit' },
  ],
  [
    /^kubectl expose\b/,
    { mention: 'what exposeViaNodePort does, compared with the real kubectl in test/node-port.test.ts' },
  ],
  [
    /^cdk8s init typescript-app$/,
    { mention: 'where the tsconfig that test/package.test.ts compiles the examples with comes from' },
  ],
  [/^npx pooh-pod-check FILES…$/, { mention: 'the synopsis of the table in For pipelines' }],
  [
    /^npx pooh-pod-check (k8s|clusters)\//,
    { cannot: 'an example folder of a GitOps repository; the command itself runs on dist/ above' },
  ],
  [/^kubectl apply -f$/, { mention: 'what kubectl reads, in prose' }],
];

function howOf(command: Command): How | undefined {
  return COMMANDS.find(([pattern]) => pattern.test(command.command))?.[1];
}

const shell = documentationFiles().flatMap(file =>
  codeBlocks(file)
    .filter(block => block.lang === 'sh')
    .flatMap(shellCommands),
);
const inline = documentationFiles().flatMap(inlineCommands);
const where = (c: Command) => `${c.file}:${c.line}: ${c.command}`;

describe('the documentation (README.md, docs/)', () => {
  test('names how every command it tells the reader to run is exercised', () => {
    const uncovered = [...shell, ...inline].filter(c => howOf(c) === undefined).map(where);

    expect(uncovered).toEqual([]);
  });

  test('every entry of the command table still matches a command, and every file it names exists', () => {
    const used = new Set([...shell, ...inline].map(howOf));
    const unused = COMMANDS.filter(([, how]) => !used.has(how)).map(([pattern]) => String(pattern));
    const missing = COMMANDS.flatMap(([, how]) => ('by' in how ? [how.by] : [])).filter(
      file => !fs.existsSync(path.join(root, file)),
    );

    expect(unused).toEqual([]);
    expect(missing).toEqual([]);
  });

  test('CI runs the README test command and the main job on a clean clone', () => {
    const ci = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8');

    expect(ci).toContain('npm ci --no-audit --no-fund');
    expect(ci).toContain('npm test --');
    expect(ci).toContain('npm run --silent synth');
  });

  test.each(
    documentationFiles().flatMap(file =>
      codeBlocks(file)
        .filter(block => block.lang === 'yaml' || block.lang === 'json')
        .map(block => [`${block.file}:${block.line} (${block.lang})`, block] as const),
    ),
  )('%s parses', (_, block) => {
    if (block.lang === 'json') {
      expect(() => JSON.parse(block.code)).not.toThrow();
    } else {
      expect(parseAllDocuments(block.code).flatMap(doc => doc.errors)).toEqual([]);
    }
  });

  test("the README's cdk8s.yaml snippet declares the plugin this package exports, with properties it accepts", () => {
    const [snippet] = codeBlocks('README.md').filter(block => block.lang === 'yaml');
    const [validation] = parse(snippet.code).validations;
    const ours = require('../lib');

    expect(validation.package).toBe('pooh-pod-constructs');
    expect(validation.version).toBe(
      JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    );
    expect(typeof ours[validation.class]).toBe('function');
    // Its `nodes` file, as the snippet names it, in the app's folder.
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-app-'));
    try {
      fs.copyFileSync(
        path.join(root, 'examples', 'blog-cluster.nodes.yaml'),
        path.join(app, validation.properties.nodes),
      );
      const options = ours.parseChecksOptions(validation.properties, 'README snippet', { baseDir: app });
      expect(options.podSecurity).toBe(validation.properties.podSecurity);
      expect(options.nodes.map((n: { name: string }) => n.name)).toEqual([
        'control-plane',
        'worker-node1',
        'worker-node2',
      ]);
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });
});

/** Whether this test runs the command, as `kind`. */
const runAs = (kind: 'kubectl' | 'check' | 'topology') => (c: Command) => {
  const how = howOf(c);
  return how !== undefined && 'run' in how && how.run === kind;
};

describe('the documented pooh-pod-check and topology commands, run', () => {
  const commands = [...shell, ...inline].filter(c => runAs('check')(c) || runAs('topology')(c));

  test.each(commands.map(c => [where(c), c] as const))('%s', (_, { command }) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-'));
    try {
      const words = command
        .replace(/^npx pooh-pod-check /, 'lib/cli/bin.ts ')
        .replace(/^node scripts\/topology\.js /, 'scripts/topology.js ')
        // Written reports and diagrams go to a temp folder, not into the repo.
        .replace(/--output (\S+)/, (_m, file) => `--output ${path.join(out, file)}`)
        .replace(/--topology (\S+)/, (_m, file) => `--topology ${path.join(out, file)}`)
        // A documented rewrite of the README is checked, never done, here.
        .replace(/--readme (\S+)$/, '--readme $1 --check')
        .split(' ');
      const result = spawnSync(process.execPath, ['-r', './scripts/register-ts.js', ...words], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });

      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      const written = fs.readdirSync(out);
      for (const file of written) expect(fs.statSync(path.join(out, file)).size).toBeGreaterThan(0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

const describeKubectl = hasKubectl ? describe : describe.skip;

describeKubectl(
  'the documented kubectl commands, run with --dry-run=client against the discovery stub',
  () => {
    // The blog's cluster as `kubectl get nodes` shows it: worker-node2 with and without its label.
    const inventory = parse(fs.readFileSync(path.join(root, 'examples', 'blog-cluster.nodes.yaml'), 'utf8'));
    const unlabelled = structuredClone(inventory.items);
    delete unlabelled.find((n: { metadata: { name: string } }) => n.metadata.name === 'worker-node2').metadata
      .labels.hostname;
    let sessions: { labelled: KubectlSession; unlabelled: KubectlSession };

    beforeAll(async () => {
      sessions = {
        labelled: await startKubectlSession(inventory.items),
        unlabelled: await startKubectlSession(unlabelled),
      };
    });
    afterAll(async () => {
      await sessions?.labelled.close();
      await sessions?.unlabelled.close();
    });

    const commands = [...shell, ...inline].filter(runAs('kubectl'));

    test.each(commands.map(c => [where(c), c] as const))('%s', async (_, { command }) => {
      // Labelling assumes the node lacks the label; removing it, that the node has it.
      const session = /hostname=worker-node2$/.test(command) ? sessions.unlabelled : sessions.labelled;

      const { stdout, stderr } = await session.shell(command, root);

      expect(stderr).toBe('');
      expect(stdout).toMatch(/^(node\/worker-node2 (labeled|unlabeled)|secret\/\S+ created) \(dry run\)$/m);
    });
  },
);
