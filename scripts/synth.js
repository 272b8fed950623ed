#!/usr/bin/env node
// `npm run synth`: synthesizes the app into a staging folder and swaps it in for dist/ only
// when the whole synth succeeded, so a failed run leaves dist/ exactly as it was.
// (`cdk8s synth` empties its output folder before running the app, and an error half-way
// through writing leaves part of the output behind.)
const fs = require('node:fs');
const path = require('node:path');
const { swapDir, stagingFor } = require('./swap-dir');

const root = path.resolve(__dirname, '..');
// Usage: node scripts/synth.js [outdir=dist] [app=main.ts]
const outdir = path.resolve(root, process.argv[2] ?? 'dist');
const app = path.resolve(root, process.argv[3] ?? 'main.ts');
const staging = stagingFor(outdir);

function fail(message) {
  fs.rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`synth failed, ${path.relative(root, outdir)}/ left unchanged:\n${message}\n`);
  process.exit(1);
}

try {
  process.env.CDK8S_OUTDIR = staging;
  require('./register-ts');
  require(app);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}

const written = fs.existsSync(staging) ? fs.readdirSync(staging).sort() : [];
if (!written.some(f => f.endsWith('.k8s.yaml'))) {
  fail(`the app wrote no manifest to ${staging}; does ${path.relative(root, app)} call app.synth()?`);
}
swapDir(staging, outdir);
process.stdout.write(`synthesized ${written.join(', ')} into ${path.relative(root, outdir)}/\n`);
