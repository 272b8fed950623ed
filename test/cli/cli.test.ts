// End to end: the command as a child process (lib/cli/bin.ts through scripts/register-ts.js, the
// same entry bin/pooh-pod-check.js loads from the build; test/package.test.ts runs the built shim)
// on the fixtures in test/fixtures/cli. Every child is started at once in beforeAll.
import '@microsoft/jest-sarif';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'cli');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in the fixtures folder; NO_COLOR is unset, so only the pipe keeps colour off. */
function pooh(args: string[], input?: string): Promise<Run> {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', path.join(root, 'scripts', 'register-ts.js'), path.join(root, 'lib', 'cli', 'bin.ts'), ...args],
      { cwd: fixtures, env, stdio: 'pipe', timeout: 50_000 },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', status => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const USAGE =
  "usage: pooh-pod-check [options] <file | folder | ->...\nTry 'pooh-pod-check --help' for more.\n";

/** Every invocation, by name. */
const CASES = {
  clean: ['clean'],
  cleanSuppressed: ['clean', '--suppress', 'node-selector-label-deprecated'],
  app: ['app'],
  appSuppressErrors: ['app', '--suppress', 'service-node-port-conflict', '--suppress', 'literal-credential'],
  appJson: ['app', '--format', 'json', '--verbose'],
  appSarif: ['app', '-f', 'sarif'],
  appPrivileged: ['app', '-f', 'json', '--pod-security', 'privileged', '--node-port-range', '30000-30050'],
  exactJson: ['exact', '--format', 'json'],
  stdin: ['-', '--format', 'json'],
  broken: ['broken'],
  missing: ['missing.yaml', 'clean/app.yaml'],
  noInput: [],
  badOption: ['--format', 'xml', 'clean'],
  emptyFolder: ['app/kustomize/nothing-here'],
  help: ['--help'],
  version: ['--version'],
} satisfies Record<string, string[]>;

/** The JSON report of `pooh-pod-check exact --format json`, written out by hand from exact/web.yaml. */
const EXACT_REPORT = {
  version: 1,
  tool: {
    name: 'pooh-pod-check',
    version: '0.1.0',
    informationUri: 'https://www.npmjs.com/package/pooh-pod-constructs',
  },
  summary: { files: 1, objects: 2, errors: 1, warnings: 1, skipped: 1 },
  problems: [
    {
      file: 'exact/web.yaml',
      line: 10,
      column: 5,
      severity: 'warning',
      rule: 'node-selector-label-deprecated',
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: null,
      name: 'web',
      field: 'spec.nodeSelector[beta.kubernetes.io/arch]',
      value: 'amd64',
      message: 'deprecated since v1.14; use "kubernetes.io/arch" instead',
      fix: 'Replace nodeSelector key "beta.kubernetes.io/arch" with "kubernetes.io/arch".',
    },
    {
      file: 'exact/web.yaml',
      line: 39,
      column: 11,
      severity: 'error',
      rule: 'service-target-port-not-exposed',
      apiVersion: 'v1',
      kind: 'Service',
      namespace: null,
      name: 'web',
      listItem: 0,
      field: 'spec.ports[0].targetPort',
      value: 8081,
      message:
        'no container of the Pods Service "default/web" selects (default/web) declares containerPort 8081 with protocol TCP; traffic sent to the Service most likely hits a closed port',
      fix: 'Set spec.ports[0].targetPort to a port the selected Pods declare, or add containerPort 8081 (TCP) to their container.',
    },
  ],
};

/** `file:line:col rule field` of each problem in a JSON report. */
const places = (stdout: string): string[] =>
  JSON.parse(stdout).problems.map((p: any) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.field}`);

describe('pooh-pod-check', () => {
  const results = {} as Record<keyof typeof CASES, Run>;
  let outDir: string;
  let toText: Run;
  let toSarif: Run;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-cli-'));
    fs.mkdirSync(path.join(fixtures, 'app', 'kustomize', 'nothing-here'), { recursive: true });
    const stdinText = fs.readFileSync(path.join(fixtures, 'exact', 'web.yaml'), 'utf8');
    const names = Object.keys(CASES) as (keyof typeof CASES)[];
    const runs = await Promise.all([
      ...names.map(name => pooh(CASES[name], name === 'stdin' ? stdinText : undefined)),
      pooh(['app', '--output', path.join(outDir, 'report.txt')]),
      pooh(['app', '-f', 'sarif', '-o', path.join(outDir, 'report.sarif')]),
    ]);
    names.forEach((name, i) => {
      results[name] = runs[i] as Run;
    });
    [toText, toSarif] = runs.slice(names.length) as [Run, Run];
  }, 60_000);

  afterAll(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(path.join(fixtures, 'app', 'kustomize', 'nothing-here'), { recursive: true, force: true });
  });

  describe('exit codes', () => {
    test('0 with warnings only; --suppress silences them', () => {
      expect(results.clean).toEqual({
        status: 0,
        stdout: [
          'clean/app.yaml',
          '  Pod blog/web',
          '    clean/app.yaml:10:5  warning  node-selector-label-deprecated  spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead (got "linux")',
          '      fix: Replace nodeSelector key "beta.kubernetes.io/os" with "kubernetes.io/os".',
          '',
          '0 errors and 1 warning in 2 objects (1 file)',
          '',
        ].join('\n'),
        stderr: '',
      });
      expect(results.cleanSuppressed).toEqual({
        status: 0,
        stdout: 'No problems in 2 objects (1 file)\n',
        stderr: '',
      });
    });

    test('fails with 1 on errors, which --suppress cannot silence', () => {
      expect(results.app.status).toBe(1);
      expect(results.appSuppressErrors.status).toBe(1);
      expect(results.appSuppressErrors.stdout).toBe(results.app.stdout);
    });

    test('fails with 2 on a YAML syntax error, at its line and column, and still checks the rest', () => {
      expect(results.broken).toEqual({
        status: 2,
        stdout: [
          'broken/a-broken.yaml',
          '  Service before-the-error',
          "    broken/a-broken.yaml:9:7  error    service-node-port-forbidden  spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP' (got 30001)",
          '      fix: Remove spec.ports[0].nodePort, or set spec.type to NodePort or LoadBalancer.',
          '  (YAML that does not parse)',
          '    broken/a-broken.yaml:16:1  error    yaml-syntax-error  Flow map in block collection must be sufficiently indented and end with a }',
          '      fix: Correct the YAML at this position: kubectl cannot read this document either',
          '',
          'broken/b-valid.yaml',
          '  Service after-the-error',
          '    broken/b-valid.yaml:9:7  error    service-target-port-invalid  spec.ports[0].targetPort: must be between 1 and 65535, inclusive (got 99999)',
          '      fix: Set spec.ports[0].targetPort to a port number between 1 and 65535 or to the name of a container port.',
          '',
          '3 errors and 0 warnings in 2 objects (2 files)',
          '',
        ].join('\n'),
        stderr: '',
      });
    });

    test('fails with 2 on a file that cannot be read, and still checks the others', () => {
      expect(results.missing.status).toBe(2);
      expect(results.missing.stderr).toBe(
        'pooh-pod-check: cannot read missing.yaml: no such file or directory\n',
      );
      expect(results.missing.stdout).toBe(results.clean.stdout);
    });

    test.each([
      ['noInput', `pooh-pod-check: no input: name files, folders, or - for standard input\n${USAGE}`],
      ['badOption', `pooh-pod-check: --format must be one of "text", "json", "sarif" (got "xml")\n${USAGE}`],
      ['emptyFolder', 'pooh-pod-check: no input: no .yaml, .yml or .json file found\n'],
    ] as const)('fails with 2 on bad usage or no input: %s', (name, stderr) => {
      expect(results[name]).toEqual({ status: 2, stdout: '', stderr });
    });

    test('0 for --help and --version', () => {
      expect(results.help.status).toBe(0);
      expect(results.help.stdout.split('\n')[0]).toBe(
        'usage: pooh-pod-check [options] <file | folder | ->...',
      );
      expect(results.version).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
    });
  });

  test('writes the exact JSON report', () => {
    expect(results.exactJson.status).toBe(1);
    expect(JSON.parse(results.exactJson.stdout)).toEqual(EXACT_REPORT);
    // Indented, one final newline, keys in the documented order.
    expect(results.exactJson.stdout).toBe(`${JSON.stringify(EXACT_REPORT, null, 2)}\n`);
  });

  test('reads standard input for -, named <stdin>', () => {
    expect(results.stdin.status).toBe(1);
    expect(JSON.parse(results.stdin.stdout)).toEqual({
      ...EXACT_REPORT,
      problems: EXACT_REPORT.problems.map(p => ({ ...p, file: '<stdin>' })),
    });
  });

  test('locates a problem of every rule family at its field in Helm output, a kind: List and JSON', () => {
    expect(places(results.appJson.stdout)).toEqual([
      // Service: a targetPort no selected container declares
      'app/helm-output/release.yaml:23:7 service-target-port-not-exposed spec.ports[1].targetPort',
      // metadata: a template label key, reported without `metadata` and found under it
      'app/helm-output/release.yaml:40:7 label-key-invalid spec.template.labels',
      // credentials
      'app/helm-output/release.yaml:56:15 literal-credential spec.template.spec.containers[0].env[0].value',
      // ports: two containers of one Pod on one port
      'app/helm-output/release.yaml:64:15 pod-container-port-conflict spec.template.spec.containers[1].ports[0].containerPort',
      // Pod Security: the missing field's nearest ancestor, the container's securityContext
      'app/helm-output/release.yaml:65:11 pod-security/allowPrivilegeEscalation spec.template.spec.containers[1].securityContext.allowPrivilegeEscalation',
      // workload selector
      'app/helm-output/release.yaml:82:7 workload-selector-mismatch spec.template.metadata.labels',
      // metadata
      'app/helm-output/release.yaml:101:3 metadata-name-invalid metadata.name',
      // container: a missing image, at its container
      'app/helm-output/release.yaml:112:7 container-image-required spec.containers[0].image',
      // JSON
      'app/kustomize/web.json:11:21 container-port-invalid spec.containers[0].ports[0].containerPort',
      // whole app: one nodePort claimed by two Services, in two files, the second one inside a List
      'app/list.yaml:24:11 service-node-port-conflict spec.ports[0].nodePort',
    ]);
    expect(JSON.parse(results.appJson.stdout).summary).toEqual({
      files: 4,
      objects: 7,
      errors: 10,
      warnings: 0,
      skipped: 3,
    });
  });

  test('--verbose says which documents it skipped, and why, on standard error', () => {
    expect(results.appJson.stderr).toBe(
      [
        'pooh-pod-check: skipped app/helm-output/release.yaml:24:1: comments only',
        'pooh-pod-check: skipped app/kustomize/kustomization.yaml:1:1: kustomize configuration (kustomize.config.k8s.io/v1beta1 Kustomization)',
        'pooh-pod-check: skipped app/list.yaml:25:5: items[2]: no apiVersion or kind: not a Kubernetes object',
        '',
      ].join('\n'),
    );
  });

  test('passes --pod-security and --node-port-range to the checks', () => {
    const found = places(results.appPrivileged.stdout);
    expect(found.filter(place => place.includes('pod-security/'))).toEqual([]);
    expect(found).toContain(
      'app/helm-output/release.yaml:20:7 service-node-port-out-of-range spec.ports[0].nodePort',
    );
    expect(found).toContain('app/list.yaml:24:11 service-node-port-out-of-range spec.ports[0].nodePort');
  });

  test('writes valid SARIF with every rule that fired', () => {
    const sarif = JSON.parse(results.appSarif.stdout);
    expect(results.appSarif.status).toBe(1);
    expect(sarif).toBeValidSarifLog();
    expect(sarif.runs[0].tool.driver.rules.map((rule: any) => rule.id)).toEqual([
      'container-image-required',
      'container-port-invalid',
      'label-key-invalid',
      'literal-credential',
      'metadata-name-invalid',
      'pod-container-port-conflict',
      'pod-security/allowPrivilegeEscalation',
      'service-node-port-conflict',
      'service-target-port-not-exposed',
      'workload-selector-mismatch',
    ]);
    expect(sarif.runs[0].results[9].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'app/list.yaml', uriBaseId: '%SRCROOT%', index: 2 },
      region: { startLine: 24, startColumn: 11 },
    });
  });

  test('--output writes the report to a file instead of standard output, with the same exit code', () => {
    expect(toText).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(fs.readFileSync(path.join(outDir, 'report.txt'), 'utf8')).toBe(results.app.stdout);
    expect(toSarif).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(fs.readFileSync(path.join(outDir, 'report.sarif'), 'utf8')).toBe(results.appSarif.stdout);
    expect(fs.readdirSync(outDir).sort()).toEqual(['report.sarif', 'report.txt']);
  });

  test('prints no colour when standard output is not a terminal', () => {
    for (const run of Object.values(results)) expect(run.stdout).not.toContain('\u001b[');
  });
});
