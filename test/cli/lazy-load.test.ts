// The CLI's dependencies cost tens of milliseconds to load: a cdk8s app that imports the
// constructs must not pay for them, nor a text or JSON report for the SARIF builder.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** Which of the CLI's dependencies (this repo's copies) a script has loaded when it ends. */
function loadedBy(script: string): string[] {
  const probe = `${script}
const deps = ['yaml', 'node-sarif-builder'];
const isLoaded = dep => Object.keys(require.cache).some(file => file.startsWith(${JSON.stringify(path.join(root, 'node_modules'))} + '/' + dep + '/'));
process.on('exit', () => process.stdout.write(JSON.stringify(deps.filter(isLoaded))));`;
  const result = spawnSync(
    process.execPath,
    ['-r', path.join(root, 'scripts', 'register-ts.js'), '-e', probe],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe('loading', () => {
  test('the package entry loads neither the YAML parser nor the SARIF builder', () => {
    expect(loadedBy("require('./lib/index.ts');")).toEqual([]);
  });

  test('a cdk8s app reads a node inventory with the YAML parser cdk8s has loaded, not a second one', () => {
    const script =
      "require('cdk8s'); require('./lib/index.ts').loadNodeInventory('examples/blog-cluster.nodes.yaml');";
    expect(loadedBy(script)).toEqual([]);
    // Without cdk8s loaded (the CLI, which loads the inventory module alone), this package's own copy.
    const alone =
      "require('./lib/scheduling/load-inventory.ts').loadNodeInventory('examples/blog-cluster.nodes.yaml');";
    expect(loadedBy(alone)).toEqual(['yaml']);
  });

  test('the CLI loads the SARIF builder only for a SARIF report', () => {
    const run = (format: string) =>
      `require('./lib/cli/main.ts').runCli({ argv: ['-f', '${format}', 'test/fixtures/cli/clean'], cwd: process.cwd(), env: {}, stdout: { write() {} }, stderr: { write() {} }, readStdin: async () => '' });`;
    expect(loadedBy(run('json'))).toEqual(['yaml']);
    expect(loadedBy(run('sarif'))).toEqual(['yaml', 'node-sarif-builder']);
  });
});
