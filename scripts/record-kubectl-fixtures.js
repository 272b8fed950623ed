// Records what the real `kubectl expose --type=NodePort` generates for each hand-written Pod or
// Deployment in test/fixtures/kubectl/<case>.pod.yaml or <case>.deployment.yaml, writing
// test/fixtures/kubectl/<case>.service.yaml.
//
// Runs offline: kubectl talks only to a loopback discovery stub (scripts/kubectl-discovery-stub.js),
// with an empty temporary kubeconfig, cache dir and HOME, so the user's kube config is never read
// or written. Output files are written only after every case succeeded.
//
// Usage: node scripts/record-kubectl-fixtures.js   (KUBECTL=/path/to/kubectl to pick a binary)
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');
const { startDiscoveryStub } = require('./kubectl-discovery-stub');

const ROOT = path.resolve(__dirname, '..');
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'kubectl');
const SCRIPT = 'scripts/record-kubectl-fixtures.js';
const KUBECTL = process.env.KUBECTL || 'kubectl';
const CHILD_TIMEOUT_MS = 30_000;
const OVERALL_TIMEOUT_MS = 120_000;

/** The kinds of input a case may have, by file suffix. */
const INPUT_SUFFIXES = ['.pod.yaml', '.deployment.yaml'];

/**
 * `--name` passed to `kubectl expose`, per case; `undefined` passes none (the Service takes the
 * exposed object's name). Every input file must have an entry.
 */
const SERVICE_NAMES = {
  'deployment-dns': 'dns',
  'deployment-one-port': undefined,
  'deployment-two-ports': undefined,
  'duplicate-port': 'twin-svc',
  'named-ports': 'api-svc',
  'one-port': 'web-svc',
  'two-port': 'pooh-pod-service',
  udp: 'dns-svc',
};

class RecordError extends Error {}

/**
 * Runs kubectl with a timeout; resolves to stdout, rejects with stderr in the message.
 * The child leads its own process group so a timeout kills anything it started, too.
 */
function runKubectl(args, env) {
  return new Promise((resolve, reject) => {
    const fail = why =>
      reject(
        new RecordError(
          `\`${KUBECTL} ${args.join(' ')}\` failed: ${why}\n${Buffer.concat(stderr).toString().trim()}`,
        ),
      );
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    const child = spawn(KUBECTL, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, CHILD_TIMEOUT_MS);
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.on('error', error => {
      clearTimeout(timer);
      fail(error.code === 'ENOENT' ? 'executable not found (set KUBECTL=/path/to/kubectl)' : error.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        fail(`killed after ${CHILD_TIMEOUT_MS} ms`);
      } else if (code !== 0) {
        fail(signal ? `killed by ${signal}` : `exit code ${code}`);
      } else {
        resolve(Buffer.concat(stdout).toString());
      }
    });
  });
}

/** Lists the cases (`<case>.pod.yaml`, `<case>.deployment.yaml`) with their input file, sorted by name. */
function listCases() {
  const cases = fs
    .readdirSync(FIXTURE_DIR)
    .flatMap(file => {
      const suffix = INPUT_SUFFIXES.find(s => file.endsWith(s));
      return suffix ? [{ name: file.slice(0, -suffix.length), file }] : [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (cases.length === 0) {
    throw new RecordError(
      `no ${INPUT_SUFFIXES.map(s => `*${s}`).join(' or ')} inputs in ${path.relative(ROOT, FIXTURE_DIR)}`,
    );
  }
  const unmapped = cases.filter(({ name }) => !Object.hasOwn(SERVICE_NAMES, name));
  if (unmapped.length > 0) {
    throw new RecordError(
      `no service name for case(s) ${unmapped.map(c => c.name).join(', ')}: add them to SERVICE_NAMES in ${SCRIPT}`,
    );
  }
  return cases;
}

/** Checks that kubectl's output is the Service we asked for (named after the input when no name is given). */
function checkService(caseName, text, serviceName, inputFile) {
  const service = YAML.parse(text);
  if (service?.kind !== 'Service' || service.apiVersion !== 'v1') {
    throw new RecordError(`${caseName}: kubectl did not print a v1 Service:\n${text}`);
  }
  const expected =
    serviceName ?? YAML.parse(fs.readFileSync(path.join(ROOT, inputFile), 'utf8')).metadata.name;
  if (service.metadata?.name !== expected) {
    throw new RecordError(`${caseName}: expected Service name ${expected}:\n${text}`);
  }
}

async function record(tmp) {
  const cases = listCases();
  const kubeconfig = path.join(tmp, 'kubeconfig');
  const cacheDir = path.join(tmp, 'cache');
  const home = path.join(tmp, 'home');
  fs.writeFileSync(kubeconfig, '');
  fs.mkdirSync(home);
  const env = { ...process.env, HOME: home };
  delete env.KUBECONFIG;

  const stub = await startDiscoveryStub();
  try {
    const globalFlags = [`--kubeconfig=${kubeconfig}`, `--cache-dir=${cacheDir}`, `--server=${stub.url}`];
    // Printed in the header exactly as kubectl prints it, one line per component joined with ', '.
    const version = (await runKubectl([...globalFlags, 'version', '--client'], env))
      .trim()
      .split('\n')
      .map(line => line.trim())
      .join(', ');
    // Placeholders keep the recorded command line stable across runs (the port and temp dir vary).
    const shownFlags = [
      '--kubeconfig=<empty temp file>',
      '--cache-dir=<temp dir>',
      '--server=http://127.0.0.1:<stub port>',
    ];

    const outputs = [];
    for (const { name: caseName, file } of cases) {
      const serviceName = SERVICE_NAMES[caseName];
      const inputFile = path.posix.join('test/fixtures/kubectl', file);
      const exposeArgs = [
        'expose',
        '-f',
        inputFile,
        ...(serviceName === undefined ? [] : [`--name=${serviceName}`]),
        '--type=NodePort',
        '--dry-run=client',
        '-o',
        'yaml',
      ];
      const yamlText = await runKubectl([...globalFlags, ...exposeArgs], env);
      checkService(caseName, yamlText, serviceName, inputFile);
      const header = [
        `# Generated by ${SCRIPT} -- do not edit; rerun \`node ${SCRIPT}\` to refresh.`,
        `# kubectl: ${version}`,
        `# command: kubectl ${[...shownFlags, ...exposeArgs].join(' ')}`,
        '# server: loopback API-discovery stub (scripts/kubectl-discovery-stub.js); no cluster involved.',
      ];
      outputs.push({
        caseName,
        file: path.join(FIXTURE_DIR, `${caseName}.service.yaml`),
        text: `${header.join('\n')}\n${yamlText}`,
      });
    }

    const versionRequests = stub.requests.filter(line => line.startsWith('GET /version'));
    if (versionRequests.some(line => !line.endsWith('-> 404'))) {
      throw new RecordError(`stub unexpectedly answered /version:\n${versionRequests.join('\n')}`);
    }
    return outputs;
  } finally {
    await stub.close();
  }
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`record-kubectl-fixtures: gave up after ${OVERALL_TIMEOUT_MS} ms`);
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  watchdog.unref();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-fixtures-'));
  try {
    const outputs = await record(tmp);
    for (const { caseName, file, text } of outputs) {
      fs.writeFileSync(file, text);
      console.log(`${caseName}: wrote ${path.relative(ROOT, file)}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

main().catch(error => {
  console.error(`record-kubectl-fixtures: ${error instanceof RecordError ? error.message : error.stack}`);
  process.exitCode = 1;
});
