// The validation plugin inside a real `cdk8s synth` (cdk8s-cli from this repo's devDependencies),
// loaded from the packed tarball, offline. cdk8s-cli loads `package: <name>` from
// `<pluginsDirectory>/<name>/<version>/node_modules/<name>` and runs `npm install <name>@<version>`
// there only when it is missing; the test installs the tarball there first, as a user does before a
// registry release, and runs cdk8s with npm set offline, so a miss fails instead of reaching out.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  childEnv,
  installOffline,
  offlineDependencies,
  PACKAGE,
  packPackage,
  root,
  run,
  SETUP_TIMEOUT,
  TEST_TIMEOUT,
} from './support/packed-package';

const CDK8S = path.join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const fixture = path.join(__dirname, 'fixtures', 'kplus-app');
const STATIC_MANIFEST = path.join(__dirname, 'fixtures', 'apps', 'static', 'shop.k8s.yaml');
const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

interface Violation {
  ruleName: string;
  recommendation: string;
  fix: string;
  violatingConstructs: {
    resourceName: string;
    locations: string[];
    manifestPath: string;
    constructPath?: string;
  }[];
}

describe('cdk8s synth with the PoohPodValidation plugin from the packed tarball', () => {
  let work: string;
  let app: string;
  let pluginsDir: string;

  beforeAll(() => {
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-plugin-')));
    const { tarball } = packPackage(work);
    const cache = path.join(work, 'npm-cache');
    // The app's own dependencies: cdk8s and cdk8s-plus-28 (and, unused by its code, this package).
    app = path.join(work, 'app');
    fs.cpSync(fixture, app, { recursive: true });
    installOffline(app, offlineDependencies(tarball), cache);
    // Where cdk8s-cli looks for `package: pooh-pod-constructs`, `version: <version>`.
    pluginsDir = path.join(work, 'plugins');
    const pluginDir = path.join(pluginsDir, PACKAGE, version);
    fs.mkdirSync(pluginDir, { recursive: true });
    installOffline(pluginDir, offlineDependencies(tarball), cache);
  }, SETUP_TIMEOUT);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** Writes cdk8s.yaml, runs `cdk8s synth` with a JSON report, returns its outcome. */
  function cdk8sSynth(appCommand: string, plugin: { package?: string; properties?: string } = {}) {
    const config = [
      'language: typescript',
      `app: ${appCommand}`,
      `pluginsDirectory: ${pluginsDir}`, // cdk8s-cli resolves a relative one as a package name
      'validations:',
      `  - package: ${plugin.package ?? PACKAGE}`,
      `    version: ${version}`,
      '    class: PoohPodValidation',
      `    properties: ${plugin.properties ?? '{ podSecurity: baseline }'}`,
      '',
    ].join('\n');
    fs.writeFileSync(path.join(app, 'cdk8s.yaml'), config);
    const reportFile = path.join(app, 'report.json');
    fs.rmSync(reportFile, { force: true });
    fs.rmSync(path.join(app, 'dist'), { recursive: true, force: true });
    const result = run(
      process.execPath,
      [CDK8S, 'synth', '--check-upgrade', 'false', '--validation-reports-output-file', reportFile],
      app,
      childEnv({ npm_config_offline: 'true' }),
    );
    const reports = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')).reports : [];
    return { ...result, reports, violations: (reports[0]?.violations ?? []) as Violation[] };
  }

  test(
    'fails a bad app with exit code 2: our rule ids, messages, fixes, field paths, files and construct paths',
    () => {
      const result = cdk8sSynth('node main.js bad');

      expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 2 });
      expect(result.stdout).not.toContain('Installing validation plugin');
      expect(result.reports.map((r: any) => [r.title, r.summary.status])).toEqual([
        [`Validation Report (${PACKAGE}@${version})`, 'failure'],
      ]);
      expect(result.violations).toEqual([
        {
          ruleName: 'pod-container-port-conflict',
          recommendation:
            'error: containers "nginx" and "exporter" both listen on port 8080/TCP; containers of a Pod share one network namespace, so only one of them can bind it (got 8080)',
          fix: 'Move one of the two containers to a different port, or run them in separate Pods.',
          violatingConstructs: [
            {
              resourceName: 'web',
              locations: ['spec.containers[1].ports[0].containerPort'],
              manifestPath: 'dist/shop.k8s.yaml',
              constructPath: 'shop/Web/Resource',
            },
          ],
        },
        {
          ruleName: 'service-node-port-out-of-range',
          recommendation:
            "error: provided port is not in the valid range. The range of valid ports is 30000-32767 (the node port allocator's range, set by kube-apiserver --service-node-port-range) (got 99999)",
          fix: 'Pick a nodePort between 30000 and 32767, or omit it to let the cluster allocate one.',
          violatingConstructs: [
            {
              resourceName: 'web-svc',
              locations: ['spec.ports[0].nodePort'],
              manifestPath: 'dist/shop.k8s.yaml',
              constructPath: 'shop/Svc/Resource',
            },
          ],
        },
      ]);
      expect(result.stdout).toContain('    - Construct Path: shop/Web/Resource');
      expect(result.stderr).toContain('Validation failed. See above reports for details');
    },
    TEST_TIMEOUT,
  );

  test(
    'passes a good app with exit code 0',
    () => {
      const result = cdk8sSynth('node main.js');

      expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
      expect(result.reports.map((r: any) => r.summary)).toEqual([
        {
          status: 'success',
          plugin: PACKAGE,
          version,
          metadata: {
            Errors: '0',
            Warnings: '0',
            'Pod Security': 'baseline',
            'Pod Security Version': 'v1.28 and latest',
            'Node Port Range': '30000-32767',
          },
        },
      ]);
      expect(result.violations).toEqual([]);
      expect(result.stdout).toContain('Validations ended succesfully');
    },
    TEST_TIMEOUT,
  );

  test(
    'checks an app in any language: a shell command that writes YAML, at the default level restricted',
    () => {
      const result = cdk8sSynth(`mkdir -p "$CDK8S_OUTDIR" && cp ${STATIC_MANIFEST} "$CDK8S_OUTDIR"/`, {
        properties: '{}',
      });

      expect(result.status).toBe(2);
      expect(result.violations.map(v => [v.ruleName, v.violatingConstructs[0].resourceName])).toEqual([
        ['pod-security/allowPrivilegeEscalation', 'web'],
        ['pod-security/capabilities_restricted', 'web'],
        ['pod-security/runAsNonRoot', 'web'],
        ['pod-security/seccompProfile_restricted', 'web'],
      ]);
    },
    TEST_TIMEOUT,
  );

  test(
    'loads from a local path too (package: ./node_modules/pooh-pod-constructs), as a JS or TS app can',
    () => {
      const result = cdk8sSynth('node main.js bad', { package: `./node_modules/${PACKAGE}` });

      expect(result.status).toBe(2);
      expect(result.violations.map(v => v.ruleName)).toEqual([
        'pod-container-port-conflict',
        'service-node-port-out-of-range',
      ]);
    },
    TEST_TIMEOUT,
  );

  test(
    'fails to synth on a misspelt property, naming it',
    () => {
      const result = cdk8sSynth('node main.js', { properties: '{ podsecurity: baseline }' });

      expect(result.status).not.toBe(0);
      expect(result.status).not.toBeNull(); // exited, not killed by the timeout
      expect(result.stderr).toContain(
        'pooh-pod-constructs validation plugin properties: unknown option "podsecurity"; known options: podSecurity, podSecurityVersion, nodePortRange, suppress, allowLiteralEnv, nodes',
      );
    },
    TEST_TIMEOUT,
  );
});
