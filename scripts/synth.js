#!/usr/bin/env node
// `npm run synth`: synthesizes the app into a staging folder and swaps it in for dist/ only
// when the whole synth succeeded, so a failed run leaves dist/ exactly as it was.
// (`cdk8s synth` empties its output folder before running the app, and an error half-way
// through writing leaves part of the output behind.)
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outdir = path.resolve(root, process.argv[2] ?? 'dist');
const staging = path.join(path.dirname(outdir), `.dist-staging-${process.pid}`);
const old = path.join(path.dirname(outdir), `.dist-old-${process.pid}`);

function fail(message) {
  fs.rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`synth failed, ${path.relative(root, outdir)}/ left unchanged:\n${message}\n`);
  process.exit(1);
}

try {
  process.env.CDK8S_OUTDIR = staging;
  require('./register-ts');
  require(path.join(root, 'main.ts'));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}

const written = fs.existsSync(staging) ? fs.readdirSync(staging) : [];
if (!written.some(f => f.endsWith('.yaml'))) {
  fail(`the app wrote no manifest to ${staging}; does main.ts call app.synth()?`);
}

// Two renames on one filesystem: dist/ is always either the old or the new complete set.
if (fs.existsSync(outdir)) fs.renameSync(outdir, old);
fs.renameSync(staging, outdir);
fs.rmSync(old, { recursive: true, force: true });
process.stdout.write(`synthesized ${written.sort().join(', ')} into ${path.relative(root, outdir)}/\n`);
