#!/usr/bin/env node
// `npm run bench`: how long a synth takes, next to its baselines, measured in one run.
//
//   node scripts/bench.js [--runs N] [--scale-runs N] [--quick] [--markdown] [--ts-node PATH]
//
// Prints one table (plain text, or markdown with --markdown) with:
//  - cold synth: whole processes (npm run synth, pooh-pod-synth without npm, npx cdk8s synth, ts-node)
//    against the floor, scripts/bench/floor-app.js (dist/'s objects as raw ApiObjects in plain JS);
//    median of --runs runs each, interleaved, after one untimed warm-up run each;
//  - in-process: N pairs of three configurations (blog-like Pods, small Pods, pinned Deployments;
//    each with its NodePort Service) built ours and with plain cdk8s-plus-28 (blog-like also as raw
//    L1), synthesized through `app.synth()` to a folder, `chart.toJson()` and `Testing.synth()`,
//    each run in a fresh `node --expose-gc` process (scripts/bench/scale-worker.js); median time,
//    max memory of --scale-runs runs;
//  - checks alone: `checkManifests` over the pairs' manifests rendered beforehand, per pair;
//  - instructions: N pairs through `chart.toJson()` ours and plain, counted by valgrind under V8's
//    --predictable instead of timed: a figure that does not move with the machine's load;
//  - pre-flight: `checkScheduling` of 1,000 Pods onto 100 nodes, 2,000 onto 100, 1,000 onto 200
//    (scripts/bench/scheduling.js), growth against pods x nodes;
//  - CLI: pooh-pod-check over Helm-like multi-document YAML (scripts/bench/helm-like.js) of N
//    objects, in-process, against the floor of only parsing the same files with the same `yaml`
//    library and options (scripts/bench/cli-worker.js); median of --scale-runs runs, interleaved.
// Progress goes to stderr, the table to stdout. Every child has a timeout; temp dirs are removed.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const floorApp = path.join(__dirname, 'bench', 'floor-app.js');
const scaleWorker = path.join(__dirname, 'bench', 'scale-worker.js');
const cliWorker = path.join(__dirname, 'bench', 'cli-worker.js');
const schedulingBench = path.join(__dirname, 'bench', 'scheduling.js');
const { writeHelmLike } = require('./bench/helm-like');

const USAGE = `usage: node scripts/bench.js [options]
  --runs N         cold-synth runs per command (default 5, --quick 2)
  --scale-runs N   in-process runs per configuration (default 5, --quick 2)
  --quick          fewer runs, N up to 1,000 (a smoke run of 2–3 minutes)
  --markdown       print the table as markdown
  --ts-node PATH   ts-node's dist/bin.js (default node_modules/ts-node/dist/bin.js,
                   or $BENCH_TS_NODE); the ts-node row is n/a without it
  --timeout S      seconds before a child is killed (default 60 cold, 300 in-process)
  --only LIST      run only these sections, comma-separated: cold, scale, checks, instructions,
                   cli, preflight
                   (default: all)
  --help`;

const TARGETS = {
  npmSynth: 3,
  cdk8sSynth: 8,
  oursVsKplus: 1.15,
  cliVsParse: 1.5,
  checksPerPairMs: 0.03,
  // Growth from N to 5N (or 10N) counts as linear up to 1.2x the ideal factor.
  linearSlack: 1.2,
};

function parseArgs(argv) {
  const opts = { quick: false, markdown: false, runs: undefined, scaleRuns: undefined, timeout: undefined };
  opts.tsNode = process.env.BENCH_TS_NODE || undefined;
  const count = (flag, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      usage(`${flag} needs a positive integer, got ${JSON.stringify(value)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--markdown') opts.markdown = true;
    else if (arg === '--runs') opts.runs = count(arg, argv[++i]);
    else if (arg === '--scale-runs') opts.scaleRuns = count(arg, argv[++i]);
    else if (arg === '--timeout') opts.timeout = count(arg, argv[++i]);
    else if (arg === '--ts-node') opts.tsNode = argv[++i];
    else if (arg === '--only') opts.only = sections(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else usage(`unknown argument ${JSON.stringify(arg)}`);
  }
  opts.runs ??= opts.quick ? 2 : 5;
  opts.scaleRuns ??= opts.quick ? 2 : 5;
  opts.sizes = opts.quick ? [100, 1000] : [1000, 5000];
  opts.cliSizes = opts.quick ? [100, 1000] : [1000, 10000];
  opts.only ??= new Set(SECTIONS);
  opts.coldTimeoutMs = (opts.timeout ?? 60) * 1000;
  opts.scaleTimeoutMs = (opts.timeout ?? 300) * 1000;
  return opts;
}

const SECTIONS = ['cold', 'scale', 'checks', 'instructions', 'cli', 'preflight'];

function sections(value) {
  const list = String(value ?? '').split(',');
  if (list.some(name => !SECTIONS.includes(name)))
    usage(`--only takes a comma-separated list of ${SECTIONS.join(', ')}, got ${JSON.stringify(value)}`);
  return new Set(list);
}

function usage(message) {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

// ---- children: every one with a timeout, killed with its process group ----

/** Children still running, killed on exit. */
const running = new Set();
let tmpRoot;

function cleanup() {
  for (const child of running) killGroup(child.pid);
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = undefined;
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

/** Runs a command in its own process group; resolves with its wall time (spawn to exit) and output. */
function run(command, args, { env = {}, timeoutMs }) {
  return new Promise(resolve => {
    const childEnv = { ...process.env, ...env };
    if (!('CDK8S_OUTDIR' in env)) delete childEnv.CDK8S_OUTDIR;
    const start = process.hrtime.bigint();
    let ms;
    let timedOut = false;
    const child = spawn(command, args, {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => {
      stdout += d;
    });
    child.stderr.on('data', d => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('exit', () => {
      ms = Number(process.hrtime.bigint() - start) / 1e6;
    });
    child.on('error', err => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ ok: false, ms: NaN, stdout, stderr: String(err), timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ ok: code === 0 && !timedOut, code, signal, ms, stdout, stderr, timedOut });
    });
  });
}

function failure(label, result) {
  const why = result.timedOut ? 'timed out' : `exited with ${result.code ?? result.signal}`;
  const tail = `${result.stderr}${result.stdout}`.trim().split('\n').slice(-5).join('\n');
  return new Error(`${label} ${why}${tail ? `:\n${tail}` : ''}`);
}

const progress = message => process.stderr.write(`bench: ${message}\n`);

// ---- statistics and formatting ----

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = value => `${Math.round(value).toLocaleString('en-US')} ms`;
const mb = bytes => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ratio = value => `${value.toFixed(2)}x`;
const count = n => n.toLocaleString('en-US');
const verdict = (value, limit) => (value <= limit ? 'PASS' : 'MISS');

function renderTable(columns, rows, markdown) {
  const cells = rows.map(row => columns.map(c => String(row[c.key] ?? '')));
  if (markdown) {
    const escapePipes = s => s.replaceAll('|', '\\|');
    return [
      `| ${columns.map(c => c.title).join(' | ')} |`,
      `| ${columns.map(c => (c.right ? '---:' : '---')).join(' | ')} |`,
      ...cells.map(r => `| ${r.map(escapePipes).join(' | ')} |`),
    ].join('\n');
  }
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map(r => r[i].length)));
  const line = r =>
    r.map((s, i) => (columns[i].right ? s.padStart(widths[i]) : s.padEnd(widths[i]))).join('  ');
  return [
    line(columns.map(c => c.title)),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...cells.map(line),
  ].join('\n');
}

// ---- environment ----

function version(pkg, from = root) {
  try {
    return require(require.resolve(`${pkg}/package.json`, { paths: [from] })).version;
  } catch {
    return 'not installed';
  }
}

function findTsNode(opts) {
  const candidate = opts.tsNode
    ? path.resolve(opts.tsNode)
    : path.join(root, 'node_modules', 'ts-node', 'dist', 'bin.js');
  if (!fs.existsSync(candidate)) return undefined;
  const pkg = path.join(path.dirname(candidate), '..', 'package.json');
  const v = fs.existsSync(pkg) ? JSON.parse(fs.readFileSync(pkg, 'utf8')).version : '?';
  return { bin: candidate, version: v, local: candidate.startsWith(path.join(root, 'node_modules')) };
}

function invocation() {
  const args = process.argv.slice(2).join(' ');
  if (process.env.npm_lifecycle_event === 'bench') return `npm run bench${args ? ` -- ${args}` : ''}`;
  return `node scripts/bench.js${args ? ` ${args}` : ''}`;
}

// ---- 1. cold synth ----

/** dist/'s objects by chart (`blog.k8s.yaml` → `blog`), for the floor app; read outside the timing. */
function distObjects() {
  const { parseAllDocuments } = require('yaml');
  const dist = path.join(root, 'dist');
  const charts = {};
  for (const file of fs
    .readdirSync(dist)
    .filter(f => f.endsWith('.k8s.yaml'))
    .sort()) {
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    charts[file.slice(0, -'.k8s.yaml'.length)] = parseAllDocuments(text).map(doc => doc.toJS());
  }
  return charts;
}

function coldCommands(tsNode) {
  const rel = p => path.relative(root, p);
  const objects = path.join(tmpRoot, 'floor-objects.json');
  const charts = distObjects();
  fs.writeFileSync(objects, JSON.stringify(charts));
  const count = Object.values(charts).reduce((sum, list) => sum + list.length, 0);
  const commands = [
    {
      key: 'floor',
      label: `floor: dist/'s ${count} objects as raw ApiObjects, plain JS`,
      shown: `node ${rel(floorApp)} <tmp> <dist objects.json>`,
      argv: out => ['node', [floorApp, out, objects]],
    },
    {
      key: 'npmSynth',
      label: 'npm run synth (README)',
      shown: 'npm run synth -- --output <tmp>',
      argv: out => ['npm', ['run', 'synth', '--', '--output', out]],
      target: TARGETS.npmSynth,
    },
    {
      key: 'nodeSynth',
      label: 'pooh-pod-synth without npm',
      shown: 'node -r ./scripts/register-ts.js lib/synth/bin.ts --output <tmp>',
      argv: out => ['node', ['-r', './scripts/register-ts.js', 'lib/synth/bin.ts', '--output', out]],
    },
    {
      key: 'cdk8sSynth',
      label: 'cdk8s CLI (cdk8s.yaml app)',
      shown: 'npx cdk8s synth --check-upgrade false -o <tmp>',
      argv: out => ['npx', ['cdk8s', 'synth', '--check-upgrade', 'false', '-o', out]],
      target: TARGETS.cdk8sSynth,
    },
    {
      key: 'tsNode',
      label: 'template style: ts-node main.ts',
      shown: tsNode
        ? `CDK8S_OUTDIR=<tmp> node ${tsNode.local ? rel(tsNode.bin) : '<ts-node>/dist/bin.js'} main.ts`
        : 'CDK8S_OUTDIR=<tmp> npx ts-node main.ts',
      argv: tsNode ? () => ['node', [tsNode.bin, 'main.ts']] : undefined,
      env: out => ({ CDK8S_OUTDIR: out }),
      unavailable: tsNode ? undefined : 'n/a (ts-node not installed)',
    },
  ];
  return commands;
}

async function runCold(opts, tsNode) {
  const commands = coldCommands(tsNode);
  const times = new Map(commands.map(c => [c.key, []]));
  const outputs = new Map();
  let serial = 0;
  const once = async (command, timed) => {
    const out = path.join(tmpRoot, `${command.key}-${serial++}`);
    const [cmd, args] = command.argv(out);
    const result = await run(cmd, args, { env: command.env?.(out), timeoutMs: opts.coldTimeoutMs });
    if (!result.ok) throw failure(command.shown, result);
    // Every command writes the same manifest files: compare their concatenation.
    const written = fs.existsSync(out)
      ? fs
          .readdirSync(out)
          .filter(f => f.endsWith('.k8s.yaml'))
          .sort()
      : [];
    if (written.length === 0) throw new Error(`${command.shown} wrote no manifest`);
    const text = written.map(f => `# ${f}\n${fs.readFileSync(path.join(out, f), 'utf8')}`).join('');
    if (!outputs.has(command.key)) outputs.set(command.key, text);
    fs.rmSync(out, { recursive: true, force: true });
    if (timed) times.get(command.key).push(result.ms);
    return result.ms;
  };
  const available = commands.filter(c => !c.unavailable);
  progress(`cold synth: 1 warm-up + ${opts.runs} timed runs of ${available.length} commands, interleaved`);
  for (const command of available) await once(command, false);
  for (let i = 1; i <= opts.runs; i++) {
    const line = [];
    for (const command of available) line.push(`${command.key} ${ms(await once(command, true))}`);
    progress(`cold run ${i}/${opts.runs}: ${line.join(', ')}`);
  }
  const floor = median(times.get('floor'));
  const differing = available.filter(c => outputs.get(c.key) !== outputs.get('floor')).map(c => c.shown);
  const rows = commands.map(command => {
    const row = { what: `cold: ${command.label}`, command: `\`${command.shown}\`` };
    if (command.unavailable) return { ...row, median: command.unavailable, result: '—' };
    const t = times.get(command.key);
    const r = median(t) / floor;
    return {
      ...row,
      median: ms(median(t)),
      spread: `${ms(Math.min(...t))} – ${ms(Math.max(...t))}`,
      vs: command.key === 'floor' ? 'baseline' : `${ratio(r)} floor`,
      target: command.target ? `≤ ${command.target}x floor` : '',
      result: command.target ? `${verdict(r, command.target)} (${ratio(r)})` : '—',
    };
  });
  const files = Object.keys(distObjects()).map(chart => `${chart}.k8s.yaml`);
  return { rows, differing, files };
}

// ---- 2. in-process: configurations x entry points ----

const CONFIGS = [
  {
    key: 'blog',
    label: 'blog-like Pod + NodePort Service',
    ours: 'NodePinnedPod + exposeViaNodePort()',
    plain: 'kplus.Pod + kplus.Service',
  },
  {
    key: 'small',
    label: 'small Pod (2 containers, 1 named port each) + NodePort Service',
    ours: 'MultiContainerPod + exposeViaNodePort()',
    plain: 'kplus.Pod + kplus.Service',
  },
  {
    key: 'workload',
    label: 'pinned Deployment + NodePort Service',
    ours: 'kplus.Deployment + pinToNodes() + exposeViaNodePort() + checkAll()',
    plain: 'kplus.Deployment + JSON patch + kplus.Service',
  },
];
const ENTRIES = [
  { key: 'synth', label: '`app.synth()` to a folder' },
  { key: 'toJson', label: '`chart.toJson()`' },
  { key: 'testing', label: '`Testing.synth(chart)`' },
];

/** The runs of the in-process section: ours and plain cdk8s-plus for each; raw L1 for the blog's `app.synth()`. */
function scaleConfigs(opts) {
  const runs = [];
  for (const n of opts.sizes) {
    for (const config of ['blog', 'small']) {
      for (const entry of ENTRIES) {
        for (const variant of ['ours', 'kplus'])
          runs.push({ config, entry: entry.key, n, charts: 1, variant });
      }
    }
    runs.push({ config: 'blog', entry: 'synth', n, charts: 1, variant: 'l1' });
  }
  const large = Math.max(...opts.sizes);
  for (const variant of ['ours', 'kplus']) {
    runs.push({ config: 'workload', entry: 'synth', n: 1000, charts: 1, variant });
    // cdk8s validates the app once per chart: 100 pairs in 100 charts.
    runs.push({ config: 'blog', entry: 'synth', n: Math.min(100, large), charts: 100, variant });
  }
  return runs;
}

const runKey = r => `${r.config}/${r.entry}/${r.n}/${r.charts}/${r.variant}`;

async function runScale(opts) {
  const verify = await run('node', [scaleWorker, 'verify'], { timeoutMs: opts.scaleTimeoutMs });
  if (!verify.ok)
    throw failure('scale-worker.js verify (the variants must write the same manifests)', verify);

  const configs = scaleConfigs(opts);
  const results = new Map(configs.map(c => [runKey(c), []]));
  progress(`in-process: ${configs.length} configurations x ${opts.scaleRuns} runs, each in a fresh process`);
  for (let i = 1; i <= opts.scaleRuns; i++) {
    for (const c of configs) {
      const args = ['--expose-gc', scaleWorker, c.variant, String(c.n), String(c.charts), c.config, c.entry];
      const result = await run('node', args, { timeoutMs: opts.scaleTimeoutMs });
      const label = `${c.config} ${c.entry} ${c.variant} N=${c.n}${c.charts > 1 ? ` charts=${c.charts}` : ''}`;
      if (!result.ok) throw failure(`scale-worker.js ${label}`, result);
      const measured = JSON.parse(result.stdout.trim().split('\n').pop());
      results.get(runKey(c)).push(measured);
      progress(`in-process run ${i}/${opts.scaleRuns}: ${label}: ${ms(measured.totalMs)}`);
    }
  }

  const summary = c => {
    const runs = results.get(runKey(c));
    const pick = field => median(runs.map(r => r[field]));
    const max = field => Math.max(...runs.map(r => r[field]));
    return {
      build: pick('buildMs'),
      toJson: pick('toJsonMs'),
      yaml: pick('yamlMs'),
      total: pick('totalMs'),
      cpu: pick('cpuMs'),
      // Time inside the engine during the synth (ours only, where the worker could time it).
      engine: runs.every(r => typeof r.engineMs === 'number' && r.engineMs > 0)
        ? pick('engineMs')
        : undefined,
      min: Math.min(...runs.map(r => r.totalMs)),
      max: max('totalMs'),
      heapPeak: max('heapPeak'),
      retained: max('heapRetained'),
      rss: max('maxRss'),
    };
  };
  const configOf = key => CONFIGS.find(c => c.key === key);
  const entryOf = key => ENTRIES.find(e => e.key === key);
  const rows = [];
  const groups = [...new Map(configs.map(c => [`${c.config}/${c.entry}/${c.n}/${c.charts}`, c])).values()];
  for (const group of groups) {
    const config = configOf(group.config);
    const of = variant => summary({ ...group, variant });
    const plain = of('kplus');
    const perObject = (m, base) => ((m.total - base.total) / (2 * group.n)) * 1000;
    const variants = configs.filter(
      c => runKey({ ...c, variant: 'x' }) === runKey({ ...group, variant: 'x' }),
    );
    for (const { variant } of variants) {
      const m = of(variant);
      const vsPlain = m.total / plain.total;
      const targeted =
        variant === 'ours' && group.config !== 'workload' && group.charts === 1 && group.n >= 1000;
      const what =
        `N=${count(group.n)}${group.charts > 1 ? ` in ${group.charts} charts` : ''} ${config.key}, ${entryOf(group.entry).label}: ` +
        (variant === 'ours'
          ? `ours: ${config.ours}`
          : variant === 'kplus'
            ? `cdk8s-plus-28: ${config.plain}`
            : 'raw L1');
      const checks = m.engine === undefined ? '' : ` (checks ${ms(m.engine)})`;
      const phases =
        group.entry === 'synth'
          ? `build ${ms(m.build)} + toJson ${ms(m.toJson)}${checks} + YAML ${ms(m.yaml)}`
          : `build ${ms(m.build)} + toJson ${ms(m.toJson)}${checks}`;
      rows.push({
        what,
        command: `${phases}; CPU ${ms(m.cpu)}`,
        median: ms(m.total),
        spread: `${ms(m.min)} – ${ms(m.max)}`,
        memory: `${mb(m.heapPeak)} / ${mb(m.retained)} / ${mb(m.rss)}`,
        vs:
          variant === 'ours'
            ? `${ratio(vsPlain)} kplus (CPU ${ratio(m.cpu / plain.cpu)}); +${perObject(m, plain).toFixed(0)} µs per object`
            : variant === 'l1'
              ? `${ratio(m.total / plain.total)} kplus`
              : 'baseline',
        target: targeted ? `≤ ${TARGETS.oursVsKplus}x kplus` : '',
        result: targeted ? `${verdict(vsPlain, TARGETS.oursVsKplus)} (${ratio(vsPlain)})` : '—',
      });
    }
  }
  if (opts.sizes.length > 1) {
    const [small, large] = opts.sizes.slice(-2);
    const ideal = large / small;
    const limit = ideal * TARGETS.linearSlack;
    for (const config of ['blog', 'small']) {
      for (const entry of ENTRIES) {
        for (const variant of ['ours', 'kplus']) {
          const at = n => summary({ config, entry: entry.key, n, charts: 1, variant }).total;
          const growth = at(large) / at(small);
          rows.push({
            what: `growth N=${count(small)} → ${count(large)}: ${config}, ${entry.label}, ${variant}`,
            command: 'total time ratio',
            median: `${growth.toFixed(2)}x`,
            target: `≈ ${ideal}x (linear; ≤ ${limit.toFixed(0)}x)`,
            result: `${verdict(growth, limit)} (${growth.toFixed(2)}x)`,
          });
        }
      }
    }
  }
  return { rows };
}

// ---- 3. the checks alone, over manifests rendered beforehand ----

async function runChecks(opts) {
  const results = new Map();
  const configs = opts.sizes.flatMap(n => ['small', 'blog'].map(config => ({ config, n })));
  progress(
    `checks alone: ${configs.length} configurations x ${opts.scaleRuns} runs, each in a fresh process`,
  );
  for (let i = 1; i <= opts.scaleRuns; i++) {
    for (const { config, n } of configs) {
      const result = await run('node', ['--expose-gc', scaleWorker, 'checks', config, String(n)], {
        timeoutMs: opts.scaleTimeoutMs,
      });
      if (!result.ok) throw failure(`scale-worker.js checks ${config} ${n}`, result);
      const measured = JSON.parse(result.stdout.trim().split('\n').pop());
      if (measured.problems !== 0)
        throw new Error(`checks ${config} ${n}: ${measured.problems} problems in valid pairs`);
      const key = `${config}/${n}`;
      results.set(key, [...(results.get(key) ?? []), measured]);
      progress(`checks run ${i}/${opts.scaleRuns}: ${config} N=${n}: ${ms(measured.checksMs)}`);
    }
  }
  const rows = [];
  for (const { config, n } of configs) {
    const runs = results.get(`${config}/${n}`);
    const checks = median(runs.map(r => r.checksMs));
    const first = median(runs.map(r => r.firstMs));
    const render = median(runs.map(r => r.renderMs));
    const perPair = checks / n;
    rows.push({
      what: `checks alone, N=${count(n)} ${config} pairs: \`checkManifests\` over pre-rendered manifests`,
      command: `${(perPair * 1000).toFixed(1)} µs per pair (median of 7 in-process runs, each process's median); the first run in each process: ${((first / n) * 1000).toFixed(1)} µs per pair (${ms(first)})`,
      median: ms(checks),
      spread: `${ms(Math.min(...runs.map(r => r.checksMs)))} – ${ms(Math.max(...runs.map(r => r.checksMs)))}`,
      vs: `${ratio(checks / render)} of cdk8s-plus rendering the same pairs (${ms(render)})`,
      target: `≤ ${TARGETS.checksPerPairMs} ms per pair`,
      result: `${verdict(perPair, TARGETS.checksPerPairMs)} (${perPair.toFixed(3)} ms)`,
    });
  }
  return { rows };
}

// ---- 3b. instructions: the same work counted, not timed ----

/**
 * One `chart.toJson()` run of the scale worker under valgrind (callgrind counts the instructions
 * the process executes), with V8's `--predictable` (no concurrent compiler or GC threads, fixed
 * hash seeds): the count repeats run after run, whatever else the machine does.
 */
async function countInstructions(opts, variant, n, config) {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', 'node', '--predictable', '--expose-gc'];
  const result = await run('valgrind', [...args, scaleWorker, variant, String(n), '1', config, 'toJson'], {
    timeoutMs: opts.scaleTimeoutMs,
  });
  if (!result.ok) throw failure(`valgrind scale-worker.js ${variant} ${n} 1 ${config} toJson`, result);
  const collected = /Collected : (\d+)/.exec(result.stderr);
  if (!collected) throw new Error(`valgrind printed no instruction count:\n${result.stderr.slice(-500)}`);
  return Number(collected[1]);
}

async function runInstructions(opts) {
  const n = opts.quick ? 100 : 1000;
  const configs = ['small', 'blog'];
  const probe = await run('valgrind', ['--version'], { timeoutMs: opts.coldTimeoutMs });
  if (!probe.ok) {
    return {
      rows: configs.map(config => ({
        what: `instructions, N=${count(n)} ${config}, \`chart.toJson()\`, ours vs cdk8s-plus-28`,
        result: 'n/a: valgrind is not installed (Debian: apt-get install valgrind)',
      })),
    };
  }
  // Every count is N pairs minus one pair of the same variant: loading the modules cancels out.
  const jobs = configs.flatMap(config =>
    ['ours', 'ours-unchecked', 'kplus'].flatMap(variant => [1, n].map(size => ({ config, variant, size }))),
  );
  // Two at a time where there are two CPUs: a count does not depend on what else runs.
  const parallel = Math.min(2, os.cpus().length);
  progress(`instructions: ${jobs.length} runs under valgrind, ${parallel} at a time`);
  const counts = new Map();
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const instructions = await countInstructions(opts, job.variant, job.size, job.config);
      counts.set(`${job.config}/${job.variant}/${job.size}`, instructions);
      progress(
        `instructions: ${job.config} ${job.variant} N=${job.size}: ${(instructions / 1e9).toFixed(2)} G`,
      );
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const rows = [];
  for (const config of configs) {
    const work = variant => counts.get(`${config}/${variant}/${n}`) - counts.get(`${config}/${variant}/1`);
    const [ours, unchecked, kplus] = [work('ours'), work('ours-unchecked'), work('kplus')];
    const perPair = value => `${Math.round(value / (n - 1) / 1000).toLocaleString('en-US')} k per pair`;
    const instructions = value =>
      `${(value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })} M instr`;
    const oursLabel = `ours: ${config === 'small' ? 'MultiContainerPod' : 'NodePinnedPod'} + exposeViaNodePort()`;
    for (const [variant, value, label] of [
      ['ours', ours, oursLabel],
      ['ours-unchecked', unchecked, `${oursLabel}, the checks replaced by no-ops`],
      ['kplus', kplus, 'cdk8s-plus-28: kplus.Pod + kplus.Service'],
    ]) {
      rows.push({
        what: `instructions, N=${count(n)} ${config}, \`chart.toJson()\`: ${label}`,
        command: `build + toJson of ${count(n - 1)} pairs (N pairs minus 1 pair); ${perPair(value)}`,
        median: instructions(value),
        vs: variant === 'kplus' ? 'baseline' : `${ratio(value / kplus)} kplus; +${perPair(value - kplus)}`,
        target: variant === 'kplus' ? '' : 'none: the same work as the time rows, counted',
        result: '—',
      });
    }
    // What the checks (rules, credentials, Pod Security, whole-app rules) cost, V8 compiling them
    // included, and what the target (1.15x plain cdk8s-plus) leaves them once the rest of ours is paid for.
    const budget = TARGETS.oursVsKplus * kplus - unchecked;
    rows.push({
      what: `instructions, N=${count(n)} ${config}: the checks' share (ours minus the no-op variant)`,
      command: `${perPair(ours - unchecked)}; ${TARGETS.oursVsKplus}x cdk8s-plus leaves them ${budget > 0 ? perPair(budget) : 'nothing'}`,
      median: instructions(ours - unchecked),
      vs: budget > 0 ? `${ratio((ours - unchecked) / budget)} the share the target leaves` : '',
      target: 'none: where the time goes, counted',
      result: '—',
    });
  }
  return { rows };
}

// ---- 4. the scheduling pre-flight ----

async function runPreflight(opts) {
  const result = await run(
    'node',
    [schedulingBench, '--json', '--runs', String(Math.max(7, opts.scaleRuns))],
    {
      timeoutMs: opts.scaleTimeoutMs,
    },
  );
  if (!result.ok) throw failure('scheduling.js', result);
  const { source, rows: measured } = JSON.parse(result.stdout.trim().split('\n').pop());
  const base = measured[0];
  return {
    rows: measured.map(m => {
      const cells = (m.podCount * m.nodeCount) / (base.podCount * base.nodeCount);
      const growth = m.ms / base.ms;
      const first = m === base;
      return {
        what: `pre-flight: ${count(m.podCount)} Pods onto ${m.nodeCount} nodes (${count(m.placed)} placed)`,
        command: `\`checkScheduling\`, ${source}; ${((m.ms * 1000) / (m.podCount * m.nodeCount)).toFixed(3)} µs per pod x node`,
        median: ms(m.ms),
        spread: `${ms(m.min)} – ${ms(m.max)}`,
        vs: first ? 'baseline' : `${ratio(growth)} (pods x nodes ${ratio(cells)})`,
        target: first ? '' : `≤ ${ratio(cells * TARGETS.linearSlack)} (linear in pods x nodes)`,
        result: first ? '—' : `${verdict(growth, cells * TARGETS.linearSlack)} (${ratio(growth)})`,
      };
    }),
  };
}

// ---- 5. the CLI over Helm-like YAML ----

const CLI_MODES = [
  { key: 'parse', label: 'floor: parse only (yaml parseAllDocuments + toJS, same options)' },
  { key: 'check', label: 'pooh-pod-check --format json, in-process (read, parse, check, locate, report)' },
];

async function runCli(opts) {
  const dirs = new Map();
  for (const n of opts.cliSizes) {
    const dir = path.join(tmpRoot, `cli-${n}`);
    const files = writeHelmLike(dir, n);
    dirs.set(n, { dir, files: files.length, bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0) });
  }
  const results = new Map();
  progress(
    `CLI: ${opts.cliSizes.length * CLI_MODES.length} configurations x ${opts.scaleRuns} runs, each in a fresh process`,
  );
  for (let i = 1; i <= opts.scaleRuns; i++) {
    for (const n of opts.cliSizes) {
      for (const mode of CLI_MODES) {
        const args = ['--expose-gc', cliWorker, mode.key, dirs.get(n).dir];
        const result = await run('node', args, { timeoutMs: opts.scaleTimeoutMs });
        const label = `${mode.key} N=${n}`;
        if (!result.ok) throw failure(`cli-worker.js ${label}`, result);
        const measured = JSON.parse(result.stdout.trim().split('\n').pop());
        if (measured.objects !== n)
          throw new Error(`cli-worker.js ${label} read ${measured.objects} objects, not ${n}`);
        const key = `${mode.key}/${n}`;
        results.set(key, [...(results.get(key) ?? []), measured]);
        progress(`CLI run ${i}/${opts.scaleRuns}: ${label}: ${ms(measured.ms)} (CPU ${ms(measured.cpuMs)})`);
      }
    }
  }
  const summary = key => {
    const runs = results.get(key);
    return {
      ms: median(runs.map(r => r.ms)),
      cpu: median(runs.map(r => r.cpuMs)),
      min: Math.min(...runs.map(r => r.ms)),
      max: Math.max(...runs.map(r => r.ms)),
      rss: Math.max(...runs.map(r => r.maxRss)),
      problems: runs[0].problems,
    };
  };
  const rows = [];
  for (const n of opts.cliSizes) {
    const { files, bytes } = dirs.get(n);
    const floor = summary(`parse/${n}`);
    for (const mode of CLI_MODES) {
      const m = summary(`${mode.key}/${n}`);
      const vs = m.ms / floor.ms;
      const checked = mode.key === 'check';
      rows.push({
        what: `CLI N=${count(n)} objects: ${mode.label}`,
        command: `${files} files, ${(bytes / 2 ** 20).toFixed(1)} MB${checked ? `, ${count(m.problems)} problems` : ''}; CPU ${ms(m.cpu)}`,
        median: ms(m.ms),
        spread: `${ms(m.min)} – ${ms(m.max)}`,
        memory: `max RSS ${mb(m.rss)}`,
        vs: checked ? `${ratio(vs)} parse (CPU ${ratio(m.cpu / floor.cpu)})` : 'baseline',
        target: checked ? `≤ ${TARGETS.cliVsParse}x parse` : '',
        result: checked ? `${verdict(vs, TARGETS.cliVsParse)} (${ratio(vs)})` : '—',
      });
    }
  }
  const [small, large] = opts.cliSizes;
  const ideal = large / small;
  const limit = ideal * TARGETS.linearSlack;
  for (const mode of CLI_MODES) {
    const growth = summary(`${mode.key}/${large}`).ms / summary(`${mode.key}/${small}`).ms;
    rows.push({
      what: `CLI growth N=${count(small)} → ${count(large)}: ${mode.key}`,
      command: 'total time ratio',
      median: `${growth.toFixed(2)}x`,
      target: mode.key === 'check' ? `≈ ${ideal}x (linear; ≤ ${limit.toFixed(0)}x)` : '',
      result: mode.key === 'check' ? `${verdict(growth, limit)} (${growth.toFixed(2)}x)` : '—',
    });
  }
  return { rows };
}

// ---- main ----

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = new Date();
  const load = os.loadavg();
  const cpus = os.cpus();
  const tsNode = findTsNode(opts);
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-bench-'));

  const cold = opts.only.has('cold') ? await runCold(opts, tsNode) : { rows: [], differing: [], files: [] };
  // The in-process sections time the compiled library, as the package ships it: built now, so it is current.
  if (['scale', 'checks', 'instructions', 'cli', 'preflight'].some(section => opts.only.has(section))) {
    progress('npm run build (the in-process sections time build/lib)');
    const built = await run('npm', ['run', '--silent', 'build'], { timeoutMs: opts.scaleTimeoutMs });
    if (!built.ok) throw failure('npm run build', built);
    process.env.BENCH_LIB = 'build';
  }
  const scale = opts.only.has('scale') ? await runScale(opts) : { rows: [] };
  const checks = opts.only.has('checks') ? await runChecks(opts) : { rows: [] };
  const instructions = opts.only.has('instructions') ? await runInstructions(opts) : { rows: [] };
  const cli = opts.only.has('cli') ? await runCli(opts) : { rows: [] };
  const preflight = opts.only.has('preflight') ? await runPreflight(opts) : { rows: [] };
  const loadAfter = os.loadavg();
  const seconds = (Date.now() - started.getTime()) / 1000;

  const columns = [
    { key: 'what', title: 'measurement' },
    { key: 'command', title: 'command / breakdown (medians)' },
    { key: 'median', title: 'median', right: true },
    { key: 'spread', title: 'min – max', right: true },
    { key: 'memory', title: 'heap peak / retained / max RSS', right: true },
    { key: 'vs', title: 'vs baseline' },
    { key: 'target', title: 'target' },
    { key: 'result', title: 'result' },
  ];
  const md = opts.markdown;
  const code = s => (md ? `\`${s}\`` : s);
  const plain = s => (md ? s : s.replaceAll('`', ''));
  const rows = [
    ...cold.rows,
    ...scale.rows,
    ...checks.rows,
    ...instructions.rows,
    ...cli.rows,
    ...preflight.rows,
  ].map(row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(String(v))])));
  const header = [
    `${md ? '**' : ''}cdk8s synth benchmark${md ? '**' : ''}`,
    `- command: ${code(invocation())} (took ${seconds.toFixed(0)} s)`,
    `- date: ${started.toISOString()}`,
    `- node ${process.version} on ${os.platform()} ${os.release()} ${os.arch()}; ${cpus.length} CPUs: ${cpus[0]?.model.trim() ?? 'unknown'}`,
    `- load average (1 min) at start ${load[0].toFixed(2)}, at end ${loadAfter[0].toFixed(2)}`,
    `- cdk8s ${version('cdk8s')}, cdk8s-plus-28 ${version('cdk8s-plus-28')}, cdk8s-cli ${version('cdk8s-cli')}, esbuild ${version('esbuild')}, ts-node ${tsNode ? `${tsNode.version}${tsNode.local ? '' : ` (from ${tsNode.bin})`}` : 'not installed'}`,
    `- in-process sections time ${process.env.BENCH_LIB === 'build' ? 'the compiled library (build/lib, built at the start of this run)' : 'no library'}`,
    `- runs: ${[
      ...(opts.only.has('cold')
        ? [`cold ${opts.runs} per command (+1 untimed warm-up each, interleaved)`]
        : []),
      ...(opts.only.has('scale') ? [`in-process ${opts.scaleRuns} per configuration`] : []),
      ...(opts.only.has('checks') ? [`checks alone ${opts.scaleRuns} per configuration`] : []),
      ...(opts.only.has('instructions') ? ['instructions 1 per configuration (they repeat exactly)'] : []),
      ...(opts.only.has('cli') ? [`CLI ${opts.scaleRuns} per configuration, interleaved`] : []),
    ].join('; ')}${opts.quick ? ' (--quick: N up to 1,000)' : ''}`,
  ];
  const footer = [
    [
      'cold',
      `- cold rows: wall time of the whole process (spawn to exit, npm and npx included), each writing into its own temp dir; median of ${opts.runs}. ` +
        `Every command wrote the same manifest files as dist/ (${cold.files.join(', ')}) ${cold.differing.length === 0 ? 'byte-identical to the floor’s' : `— but these differ from the floor’s: ${cold.differing.join(', ')}`}.`,
    ],
    [
      'scale',
      '- in-process rows: one fresh `node --expose-gc scripts/bench/scale-worker.js <variant> <N> <charts> <config> <entry>` per run; modules are loaded and the TypeScript compiled before the clock starts. ' +
        'build = constructing the App, chart(s) and N pairs; toJson = the entry point minus YAML (dependency resolution, validation incl. our checks, rendering), with the time inside the engine (`checkEntries`) in brackets where the worker can time it (the compiled build/lib); YAML = time inside `Yaml.stringify` (only `app.synth()` writes YAML). ' +
        'The variants write identical manifests (checked by `scale-worker.js verify` in this run). “µs per object” = (ours − plain) / objects: the checks’ cost per object, which must not grow from small Pods to workloads. ' +
        'Medians per phase are taken separately, so they need not add up to the median total. ' +
        'CPU = user + system time of the worker over the same span, all its threads (GC helpers too): less sensitive than wall time to other load on the machine.',
    ],
    [
      'scale',
      '- memory: heap peak = max over runs of `process.memoryUsage().heapUsed` sampled after build, before YAML and after synth, minus the heap after `gc()` at the start (garbage included, so it depends on GC timing); ' +
        'retained = heap after a final `gc()` with the app and YAML still referenced, minus the same start; max RSS = `process.resourceUsage().maxRSS`, the whole process’s true peak.',
    ],
    [
      'checks',
      '- checks alone: one fresh `node --expose-gc scripts/bench/scale-worker.js checks <config> <N>` per run renders the N pairs with plain cdk8s-plus (the baseline column: the same render timed once more), then times `checkManifests` over them 9 times and keeps the median of the last 7: every check on (rules after defaulting, Pod Security at restricted for v1.28 and latest, credentials, whole-app rules). The row shows the median of those medians, and the median of the first of the 9 runs: the engine’s first call in its process, before V8 has optimized it, which is what a synth pays.',
    ],
    [
      'instructions',
      '- instruction rows: the wall-time rows move by up to about 0.2 between runs on a shared machine, so the same work is also counted. One `valgrind --tool=callgrind node --predictable --expose-gc scripts/bench/scale-worker.js <variant> <N> 1 <config> toJson` per row and one with N = 1; the row is the difference, so loading the modules cancels out. ' +
        '`--predictable` runs V8 without its concurrent compiler and GC threads, so the count includes their work (it tracks the CPU column, not wall time) and repeats exactly run after run. Valgrind slows each run about 50 times; only the count is kept. ' +
        'The no-op variant (`ours-unchecked`) is ours with the engine’s checks replaced by functions that find nothing (the v1 defaults, the Pod views and the engine’s loop still run); ours minus it is the checks’ share, and 1.15x plain cdk8s-plus minus it is what the target leaves them.',
    ],
    [
      'preflight',
      '- pre-flight rows: `node scripts/bench/scheduling.js --json`: separate Pods (none sharing a template) with requests, selectors, tolerations and host ports onto nodes of 16 CPUs, tainted one in ten; median of the runs after a warm-up, interleaved.',
    ],
    [
      'cli',
      '- CLI rows: one fresh `node --expose-gc scripts/bench/cli-worker.js <parse|check> <dir>` per run over the same Helm-like files (`# Source:`-headed Service, Deployment and test Pod per release, 100 objects a file; one release in four without a securityContext, so problems are found and located); modules are loaded before the clock starts. ' +
        'parse = read each file, `parseAllDocuments` with the CLI’s YAML options, `toJS` each document: the least any checker built on the `yaml` library does. ' +
        'check = `runCli([--format json, dir])` with the report written to memory: read, parse once keeping each document’s AST, the engine over all objects, each problem located in its document, report sorted and rendered.',
    ],
    [
      'all',
      `- results are wall-clock times on a machine that may be shared: compare rows of one run, not across runs. ${opts.quick ? 'A --quick run has no N = 5,000 rows, its growth is 100 → 1,000 (≈ 10x), and its CLI rows are N = 100 and 1,000.' : ''}`,
    ],
  ]
    .filter(([section]) => section === 'all' || opts.only.has(section))
    .map(([, note]) => note);
  const table = renderTable(columns, rows, md);
  const out = md
    ? [...header, '', table, '', ...footer, '']
    : [...header.map(plain), '', table, '', ...footer.map(plain), ''];
  process.stdout.write(out.join('\n'));
}

main()
  .catch(err => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : err}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);
