#!/usr/bin/env node
// One measurement of the CLI benchmark, in a fresh process (run with --expose-gc):
//   node --expose-gc scripts/bench/cli-worker.js <parse|check> <dir>
// parse: the floor, reading every file of <dir> and parsing it with the same `yaml` library and
//        options as the CLI (parseAllDocuments + toJS of each document), nothing else;
// check: the CLI in-process (`runCli`, --format json, report to a sink): read, parse, check,
//        locate each problem, sort and render the report.
// Prints one JSON line: { ms, cpuMs, objects, problems, bytes }.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

// Everything is loaded (and the TypeScript compiled) before any timer starts.
const { library } = require('./library');
const { parseAllDocuments } = require('yaml');
const { KUBECTL_YAML_OPTIONS } = library('cli/yaml-options');
const { runCli } = library('cli/main');

async function parseOnly(dir) {
  let objects = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const document of parseAllDocuments(text, KUBECTL_YAML_OPTIONS)) {
      if (document.toJS() !== null) objects++;
    }
  }
  return { objects, problems: 0, bytes: 0 };
}

async function check(dir) {
  let report = '';
  const code = await runCli({
    argv: ['--format', 'json', dir],
    cwd: root,
    env: {},
    stdout: { write: text => (report += text) },
    stderr: { write: text => process.stderr.write(text) },
    readStdin: async () => '',
  });
  if (code === 2) throw new Error('the CLI could not read its input');
  // Read back after the clock stops (see main).
  return { report };
}

function countsOf(report) {
  const { summary } = JSON.parse(report);
  return { objects: summary.objects, problems: summary.errors + summary.warnings, bytes: report.length };
}

async function main() {
  const [mode, dir] = process.argv.slice(2);
  const run = { parse: parseOnly, check }[mode];
  if (!run || !dir) {
    process.stderr.write('usage: node --expose-gc scripts/bench/cli-worker.js <parse|check> <dir>\n');
    process.exit(2);
  }
  global.gc?.();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await run(dir);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const counts = result.report === undefined ? result : countsOf(result.report);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRss, ...counts })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
