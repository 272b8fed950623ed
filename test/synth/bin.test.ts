// pooh-pod-synth as a user runs it: a child process in the app's folder, reading its cdk8s.yaml.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CHECK_FLAGS } from '../../lib/cli/check-flags';

const root = path.join(__dirname, '..', '..');
const BIN = ['-r', path.join(root, 'scripts/register-ts.js'), path.join(root, 'lib/synth/bin.ts')];
const TS_APP = `node -r ${path.join(root, 'scripts/register-ts.js')}`;
const STATIC_MANIFEST = path.join(root, 'test/fixtures/apps/static/shop.k8s.yaml');
/** A shell-command app, as a Python, Java or Go app is to this command: it writes YAML into $CDK8S_OUTDIR. */
const SHELL_APP = `mkdir -p "$CDK8S_OUTDIR" && cp ${STATIC_MANIFEST} "$CDK8S_OUTDIR"/`;

function synth(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) {
  const childEnv = { ...process.env, ...env };
  delete childEnv.CDK8S_OUTDIR;
  if (!('CDK8S_RECORD_CONSTRUCT_METADATA' in env)) delete childEnv.CDK8S_RECORD_CONSTRUCT_METADATA;
  return spawnSync(process.execPath, [...BIN, ...args], {
    cwd,
    env: childEnv,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** Every file under a folder with its bytes, to compare folders exactly. */
function snapshotDir(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter(f => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map(f => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

let work: string;
let out: string;
beforeEach(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-synth-')));
  out = path.join(work, 'dist');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Copies the committed dist/ into `out`: an earlier output to keep or replace. */
function earlierOutput() {
  fs.cpSync(path.join(root, 'dist'), out, { recursive: true });
  return snapshotDir(out);
}

/** Synthesizes the blog app into `out`. */
function synthBlog() {
  const run = synth(['--output', out]);
  expect(run.status).toBe(0);
  return snapshotDir(out);
}

describe('pooh-pod-synth in this repo (npm run synth)', () => {
  test('writes the blog and shop manifests and the Kustomization, identical to the committed dist/', () => {
    const run = synth(['--output', out]);

    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`synthesized blog.k8s.yaml, shop.k8s.yaml into ${out}/\n`);
    expect(snapshotDir(out)).toEqual(snapshotDir(path.join(root, 'dist')));
    expect(parse(fs.readFileSync(path.join(out, 'Kustomization'), 'utf8'))).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['blog.k8s.yaml', 'shop.k8s.yaml'],
    });
  });

  test('is byte-identical run after run, and leaves nothing next to the output', () => {
    const first = synthBlog();
    const second = synthBlog();

    expect(second).toEqual(first);
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  test('removes the files of a chart that no longer exists', () => {
    synth(['--output', out, '--app', `${TS_APP} test/fixtures/apps/two-charts-main.ts`]);
    expect(fs.readdirSync(out).sort()).toEqual(['Kustomization', 'blog.k8s.yaml', 'extra.k8s.yaml']);

    synthBlog();

    expect(fs.readdirSync(out).sort()).toEqual(['Kustomization', 'blog.k8s.yaml', 'shop.k8s.yaml']);
  });

  test('fails with exit code 1 when the app fails, leaving the output byte-identical', () => {
    const before = earlierOutput();

    const run = synth(['--output', out, '--app', `${TS_APP} test/fixtures/apps/failing-main.ts`]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '[broken/Empty] spec.containers: a Pod needs at least one container (got 0)',
    );
    expect(run.stderr).toContain(
      `pooh-pod-synth: \`${TS_APP} test/fixtures/apps/failing-main.ts\` exited with code 1; ${out}/ left unchanged\n`,
    );
    expect(snapshotDir(out)).toEqual(before);
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  test('fails with exit code 2 when a check finds an error, naming file, object, construct, field and rule', () => {
    const before = earlierOutput();
    const report = path.join(work, 'r.json');

    const run = synth([
      '--output',
      out,
      '--pod-security',
      'baseline',
      '--app',
      `${TS_APP} test/fixtures/apps/port-clash-main.ts`,
      '--report',
      report,
    ]);

    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      `error: ${out}/shop.k8s.yaml Pod/web [shop/Web/Resource]: spec.containers[1].ports[0].containerPort: containers "nginx" and "exporter" both listen on port 8080/TCP; containers of a Pod share one network namespace, so only one of them can bind it (got 8080). Fix: Move one of the two containers to a different port, or run them in separate Pods. (pod-container-port-conflict)`,
      `error: ${out}/shop.k8s.yaml Service/web-svc [shop/Svc/Resource]: spec.ports[0].nodePort: provided port is not in the valid range. The range of valid ports is 30000-32767 (the node port allocator's range, set by kube-apiserver --service-node-port-range) (got 99999). Fix: Pick a nodePort between 30000 and 32767, or omit it to let the cluster allocate one. (service-node-port-out-of-range)`,
      `pooh-pod-synth: 2 errors found; ${out}/ left unchanged`,
      '',
    ]);
    expect(snapshotDir(out)).toEqual(before);
    expect(fs.readdirSync(work).sort()).toEqual(['dist', 'r.json']);
    // The report gives each problem its line and column in the manifest, and its construct path.
    expect(
      JSON.parse(fs.readFileSync(report, 'utf8')).problems.map((p: any) => [
        `${p.file}:${p.line}:${p.column}`,
        p.rule,
        p.constructPath,
      ]),
    ).toEqual([
      [`${out}/shop.k8s.yaml:36:11`, 'pod-container-port-conflict', 'shop/Web/Resource'],
      [`${out}/shop.k8s.yaml:69:7`, 'service-node-port-out-of-range', 'shop/Svc/Resource'],
    ]);
  });

  test.each([
    ['exits 0 without a folder', 'node -e 0'],
    ['creates an empty folder', `node -e "require('fs').mkdirSync(process.env.CDK8S_OUTDIR)"`],
  ])(
    'fails with exit code 1 when the app writes nothing (%s), leaving the output byte-identical',
    (_case, app) => {
      const before = earlierOutput();

      const run = synth(['--output', out, '--app', app]);

      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        `pooh-pod-synth: \`${app}\` wrote no manifest into $CDK8S_OUTDIR; does the app call app.synth()?; ${out}/ left unchanged\n`,
      );
      expect(snapshotDir(out)).toEqual(before);
      expect(fs.readdirSync(work)).toEqual(['dist']);
    },
  );

  test('fails with exit code 1 when the app cannot start, leaving the output byte-identical', () => {
    const before = earlierOutput();

    const run = synth(['--output', out, '--app', 'no-such-command-pooh']);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`\`no-such-command-pooh\` exited with code 127; ${out}/ left unchanged`);
    expect(snapshotDir(out)).toEqual(before);
  });

  test('fails with exit code 1 when the app is killed by a signal, leaving the output byte-identical', () => {
    const before = earlierOutput();

    // The shell that runs the app kills itself, as an out-of-memory killer or a CI timeout would.
    const run = synth(['--output', out, '--app', 'kill -TERM $$']);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`\`kill -TERM $$\` was killed by SIGTERM; ${out}/ left unchanged`);
    expect(snapshotDir(out)).toEqual(before);
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  // Without the variable the file is removed: the first test finds the output equal to dist/.
  test("keeps cdk8s's construct-metadata.json when the user asked cdk8s for it", () => {
    const run = synth(['--output', out], root, { CDK8S_RECORD_CONSTRUCT_METADATA: 'true' });

    expect(run.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'construct-metadata.json'), 'utf8')).version).toBe(
      '1.0.0',
    );
  });

  test('puts back the previous output left by a synth killed between its two renames', () => {
    const before = earlierOutput();
    // The state a synth leaves when it dies after moving dist/ aside, before moving staging in.
    const pid = deadPid();
    fs.renameSync(out, path.join(work, `.dist-old-${pid}`));
    fs.mkdirSync(path.join(work, `.dist-staging-${pid}`));
    fs.writeFileSync(path.join(work, `.dist-staging-${pid}`, 'half.k8s.yaml'), 'kind: Pod\n');

    const run = synth(['--output', out, '--app', `${TS_APP} test/fixtures/apps/failing-main.ts`]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `pooh-pod-synth: restored dist/ from .dist-old-${pid}, left by a synth that stopped mid-swap\n` +
        `pooh-pod-synth: removed .dist-staging-${pid}, left by a synth that stopped\n`,
    );
    expect(snapshotDir(out)).toEqual(before);
    expect(fs.readdirSync(work)).toEqual(['dist']);
  });

  test('fails with exit code 1 on an output folder that holds the app', () => {
    const run = synth(['--output', '.']);

    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `pooh-pod-synth: the output folder ${root} contains the app folder ${root}: choose a subfolder such as dist\n`,
    );
  });
});

describe('pooh-pod-synth for an app in any language (cdk8s.yaml)', () => {
  let app: string;
  beforeEach(() => {
    app = path.join(work, 'app');
    fs.mkdirSync(app);
  });

  function writeConfig(config: string) {
    fs.writeFileSync(path.join(app, 'cdk8s.yaml'), config);
  }

  test('runs the app of cdk8s.yaml into its output folder', () => {
    writeConfig(`language: python\napp: ${SHELL_APP}\noutput: manifests\n`);

    const run = synth(['--pod-security', 'baseline'], app);

    expect(run.status).toBe(0);
    expect(run.stdout).toBe('synthesized shop.k8s.yaml into manifests/\n');
    expect(fs.readFileSync(path.join(app, 'manifests/shop.k8s.yaml'), 'utf8')).toBe(
      fs.readFileSync(STATIC_MANIFEST, 'utf8'),
    );
  });

  test('fails with exit code 2 on a manifest that is not valid YAML, at its line and column', () => {
    writeConfig('language: python\n');
    const writesBadYaml = `mkdir -p "$CDK8S_OUTDIR" && printf 'kind: Pod\\nmetadata:\\n  name: a\\n  name: b\\n' > "$CDK8S_OUTDIR/bad.k8s.yaml"`;

    const run = synth(['--app', writesBadYaml, '--report', 'r.json'], app);

    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      [
        'error: dist/bad.k8s.yaml: Map keys must be unique. Fix: Correct the YAML at this position: kubectl cannot read this document either (yaml-syntax-error)',
        'pooh-pod-synth: 1 error found; dist/ left unchanged',
        '',
      ].join('\n'),
    );
    const [problem] = JSON.parse(fs.readFileSync(path.join(app, 'r.json'), 'utf8')).problems;
    expect(problem).toEqual({
      file: 'dist/bad.k8s.yaml',
      line: 4,
      column: 3,
      severity: 'error',
      rule: 'yaml-syntax-error',
      apiVersion: null,
      kind: null,
      namespace: null,
      name: null,
      field: '',
      message: 'Map keys must be unique',
      fix: 'Correct the YAML at this position: kubectl cannot read this document either',
    });
  });

  test('names the Go synth call when a Go app writes nothing', () => {
    writeConfig("language: go\napp: 'true'\n");

    const run = synth([], app);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('does the app call app.Synth()?');
  });

  test('checks with the properties of the PoohPodValidation plugin in cdk8s.yaml', () => {
    writeConfig(
      [
        `app: ${SHELL_APP}`,
        'validations:',
        '  - package: some-other-plugin',
        '    version: 1.0.0',
        '    class: Other',
        '    properties: { podSecurity: nonsense }',
        '  - package: pooh-pod-constructs',
        '    version: 0.1.0',
        '    class: PoohPodValidation',
        '    properties:',
        '      podSecurity: baseline',
        '      nodePortRange: 30000-30999',
        '',
      ].join('\n'),
    );

    const run = synth([], app);

    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toEqual([
      "error: dist/shop.k8s.yaml Service/web-svc: spec.ports[0].nodePort: provided port is not in the valid range. The range of valid ports is 30000-30999 (the node port allocator's range, set by kube-apiserver --service-node-port-range) (got 31000). Fix: Pick a nodePort between 30000 and 30999, or omit it to let the cluster allocate one. (service-node-port-out-of-range)",
      'pooh-pod-synth: 1 error found; dist/ left unchanged',
      '',
    ]);
  });

  test('lets a flag override a property of cdk8s.yaml', () => {
    writeConfig(
      `app: ${SHELL_APP}\nvalidations:\n  - { package: pooh-pod-constructs, version: 0.1.0, class: PoohPodValidation, properties: { nodePortRange: 30000-30999 } }\n`,
    );

    const run = synth(['--pod-security', 'baseline', '--node-port-range', '30000-32767'], app);

    expect(run.status).toBe(0);
  });

  test('fails with exit code 2 at restricted, the default level', () => {
    writeConfig(`app: ${SHELL_APP}\n`);

    const run = synth([], app);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('(pod-security/runAsNonRoot)');
    expect(fs.existsSync(path.join(app, 'dist'))).toBe(false);
  });

  test("--report writes pooh-pod-check's JSON report with the synth's status, on failure too", () => {
    writeConfig(`app: ${SHELL_APP}\n`);

    const run = synth(
      [
        '--pod-security',
        'baseline',
        '--node-port-range',
        '30000-30999',
        '--suppress',
        'a,b',
        '--report',
        'r.json',
      ],
      app,
    );

    expect(run.status).toBe(2);
    const expected = {
      version: 1,
      tool: {
        name: 'pooh-pod-synth',
        version: '0.1.0',
        informationUri: 'https://www.npmjs.com/package/pooh-pod-constructs',
      },
      summary: { files: 1, objects: 2, errors: 1, warnings: 0, skipped: 0 },
      problems: [
        {
          file: 'dist/shop.k8s.yaml',
          line: 30,
          column: 7,
          severity: 'error',
          rule: 'service-node-port-out-of-range',
          apiVersion: 'v1',
          kind: 'Service',
          namespace: 'shop',
          name: 'web-svc',
          field: 'spec.ports[0].nodePort',
          value: 31000,
          message:
            "provided port is not in the valid range. The range of valid ports is 30000-30999 (the node port allocator's range, set by kube-apiserver --service-node-port-range)",
          fix: 'Pick a nodePort between 30000 and 30999, or omit it to let the cluster allocate one.',
        },
      ],
      status: 'checks-failed',
      output: 'dist',
      options: {
        podSecurity: 'baseline',
        nodePortRange: { min: 30000, max: 30999 },
        suppress: ['a', 'b'],
        allowLiteralEnv: [],
      },
    };
    // The documented key order, indented by two, one final newline: what formatJson writes.
    expect(fs.readFileSync(path.join(app, 'r.json'), 'utf8')).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  test('--nodes runs the scheduling pre-flight against a node inventory', () => {
    writeConfig(`app: ${SHELL_APP}\n`);
    // One node, tainted for the control plane only: the Pod tolerates nothing, so it would stay Pending.
    const nodes = [
      'apiVersion: v1',
      'kind: Node',
      'metadata: { name: control-plane }',
      'spec: { taints: [{ key: node-role.kubernetes.io/control-plane, effect: NoSchedule }] }',
      'status: { allocatable: { cpu: "2", memory: 4Gi, pods: "110" } }',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(app, 'cluster.nodes.yaml'), nodes);

    const run = synth(
      ['--pod-security', 'baseline', '--nodes', 'cluster.nodes.yaml', '--report', 'r.json'],
      app,
    );

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'error: dist/shop.k8s.yaml Pod/web: spec.tolerations: 0/1 nodes are available:',
    );
    expect(run.stderr).toContain('(pod-unschedulable)');
    const report = JSON.parse(fs.readFileSync(path.join(app, 'r.json'), 'utf8'));
    expect(report.options.nodes).toEqual(['control-plane']);
    expect(report.problems.map((p: any) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.field}`)).toEqual([
      'dist/shop.k8s.yaml:11:1 pod-unschedulable spec.tolerations',
    ]);
    expect(report.placement).toEqual({
      pods: [
        {
          index: 0,
          kind: 'Pod',
          namespace: 'shop',
          name: 'web',
          replica: 0,
          pod: 'web',
          node: null,
          requests: {},
          reason:
            '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
        },
      ],
      nodes: [
        {
          node: 'control-plane',
          allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
          requested: { pods: '0' },
          free: { cpu: '2', memory: '4Gi', pods: '110' },
          pods: [],
        },
      ],
    });
  });

  test('--nodes fails with exit code 1 on an inventory that cannot be read, with its error alone', () => {
    writeConfig(`app: ${SHELL_APP}\n`);

    const run = synth(['--nodes', 'missing.nodes.yaml'], app);

    expect(run.status).toBe(1);
    expect(run.stderr).toBe('pooh-pod-synth: --nodes: missing.nodes.yaml: no such file or directory\n');
    expect(fs.existsSync(path.join(app, 'dist'))).toBe(false);
  });

  test('--report records an app that failed', () => {
    writeConfig('app: exit 3\n');

    const run = synth(['--report', 'r.json'], app);

    expect(run.status).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(app, 'r.json'), 'utf8'))).toEqual({
      version: 1,
      tool: {
        name: 'pooh-pod-synth',
        version: '0.1.0',
        informationUri: 'https://www.npmjs.com/package/pooh-pod-constructs',
      },
      summary: { files: 0, objects: 0, errors: 0, warnings: 0, skipped: 0 },
      problems: [],
      status: 'app-failed',
      message: '`exit 3` exited with code 3',
      output: 'dist',
      options: {
        podSecurity: 'restricted',
        nodePortRange: { min: 30000, max: 32767 },
        suppress: [],
        allowLiteralEnv: [],
      },
    });
  });

  test.each([
    // The same flags as pooh-pod-check's, worded the same (lib/cli/check-flags.ts).
    [
      ['--pod-security', 'strict'],
      'pooh-pod-synth: --pod-security must be one of "privileged", "baseline", "restricted" (got "strict")',
    ],
    [
      ['--node-port-range', '30000'],
      'pooh-pod-synth: --node-port-range must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "30000")',
    ],
    [
      ['--pod-security-version', '1.28'],
      'pooh-pod-synth: --pod-security-version must be "latest" or "v1.N", as the pod-security.kubernetes.io/enforce-version label (got "1.28")',
    ],
    [
      ['--allow-literal-env', 'A,,B'],
      'pooh-pod-synth: --allow-literal-env must be a list of non-empty strings (got ["A","","B"])',
    ],
    [['--no-such-flag'], "pooh-pod-synth: Unknown option '--no-such-flag'"],
    [['dist'], "pooh-pod-synth: Unexpected argument 'dist'. This command does not take positional arguments"],
  ])('fails with exit code 1 on %j', (args, message) => {
    writeConfig(`app: ${SHELL_APP}\n`);

    const run = synth(args, app);

    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(message.split('\n')[0]);
    expect(run.stderr).toContain('usage: pooh-pod-synth [options]');
    expect(fs.existsSync(path.join(app, 'dist'))).toBe(false);
  });

  test('fails with exit code 1 on a malformed property in cdk8s.yaml', () => {
    writeConfig(
      `app: ${SHELL_APP}\nvalidations:\n  - { package: pooh-pod-constructs, version: 0.1.0, class: PoohPodValidation, properties: { podsecurity: baseline } }\n`,
    );

    const run = synth([], app);

    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      'pooh-pod-synth: cdk8s.yaml validations (PoohPodValidation) properties: unknown option "podsecurity"; known options: podSecurity, podSecurityVersion, nodePortRange, suppress, allowLiteralEnv, nodes',
    );
  });

  test("--help lists pooh-pod-check's check flags, from the same definitions", () => {
    const run = synth(['--help'], app);

    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('usage: pooh-pod-synth [options]');
    for (const flag of CHECK_FLAGS) expect(run.stdout).toContain(`--${flag.name} ${flag.value}  `);
    for (const own of ['-a, --app CMD', '-o, --output DIR', '--report FILE', '-h, --help'])
      expect(run.stdout).toContain(own);
  });

  test('fails with exit code 1 without an app to run', () => {
    const run = synth([], app);

    expect(run.status).toBe(1);
    expect(run.stderr).toBe('pooh-pod-synth: no app to run: give --app or set app in cdk8s.yaml\n');
  });
});
