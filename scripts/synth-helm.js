#!/usr/bin/env node
// `npm run synth:helm`: writes the app as a Helm chart (`cdk8s synth --format helm`) into helm/,
// versioned as package.json, swapped in only when the whole synth succeeded.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
require('./register-ts');
const { swapDir, stagingFor } = require('../lib/synth/swap-dir.ts');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const outdir = path.resolve(root, process.argv[2] ?? 'helm');
const staging = stagingFor(outdir);

const cli = path.join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const args = [
  'synth',
  '--format',
  'helm',
  '--chart-version',
  pkg.version,
  '--output',
  staging,
  '--check-upgrade',
  'false',
];
const run = spawnSync(process.execPath, [cli, ...args], {
  cwd: root,
  // templates/ must hold Kubernetes objects only, not the kustomization.
  env: { ...process.env, SYNTH_KUSTOMIZATION: 'false' },
  encoding: 'utf8',
  timeout: 120_000,
});
if (run.status !== 0) {
  fs.rmSync(staging, { recursive: true, force: true });
  process.stderr.write(
    `helm synth failed, ${path.relative(root, outdir)}/ left unchanged:\n${run.stderr || run.error}\n`,
  );
  process.exit(1);
}

// cdk8s names the chart after the current folder, which differs between clones: use the package name.
const chartFile = path.join(staging, 'Chart.yaml');
const chart = fs
  .readFileSync(chartFile, 'utf8')
  .replace(/^name: .*$/m, `name: ${JSON.stringify(pkg.name)}`)
  .replace(/^description: .*$/m, `description: ${JSON.stringify(pkg.description)}`);
fs.writeFileSync(chartFile, chart);
swapDir(staging, outdir);
process.stdout.write(`wrote Helm chart ${pkg.name} ${pkg.version} into ${path.relative(root, outdir)}/\n`);
