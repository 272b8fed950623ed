#!/usr/bin/env node
// Prints the Mermaid flowchart of where an app's Pods land on a cluster's nodes, or keeps the
// diagrams of a Markdown file up to date.
//
//   node scripts/topology.js --nodes NODES.yaml MANIFEST.yaml [MANIFEST.yaml ...]
//   node scripts/topology.js --readme README.md [--check]
//
// e.g. node scripts/topology.js --nodes examples/blog-cluster.nodes.yaml dist/blog.k8s.yaml
// NODES is what `kubectl get nodes -o yaml` (or `-o json`) prints; manifests are YAML (several
// documents allowed) or JSON, read as pooh-pod-check reads them. The diagram goes to stdout;
// errors to stderr with exit code 1 (2 for wrong usage). `pooh-pod-check --nodes NODES.yaml
// --topology FILE MANIFEST...` writes the same diagram, with the checks.
//
// With --readme, every block of the file written as
//   <!-- topology --nodes NODES.yaml MANIFEST.yaml ... -->
//   ```mermaid
//   ...
//   ```
// is regenerated from its arguments (paths relative to the file's folder); --check rewrites
// nothing and exits 1 when a block is stale. The TypeScript sources load through
// scripts/register-ts.js, as npm run synth does.
const fs = require('node:fs');
const path = require('node:path');

const USAGE = `usage: node scripts/topology.js --nodes NODES.yaml MANIFEST.yaml [MANIFEST.yaml ...]
       node scripts/topology.js --readme FILE.md [--check]`;

// A marker comment with its arguments, then a mermaid code block.
const BLOCK = /<!-- topology (.+?) -->\n```mermaid\n([\s\S]*?)```/g;

function usage() {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const manifests = [];
  const opts = { check: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--nodes') opts.nodes = argv[++i];
    else if (argv[i] === '--readme') opts.readme = argv[++i];
    else if (argv[i] === '--check') opts.check = true;
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (argv[i].startsWith('--')) usage();
    else manifests.push(argv[i]);
  }
  const diagram = opts.nodes !== undefined && manifests.length > 0 && opts.readme === undefined;
  const readme = opts.readme !== undefined && opts.nodes === undefined && manifests.length === 0;
  if (!diagram && !readme) usage();
  return { ...opts, manifests };
}

/** The objects of a manifest file, read as pooh-pod-check reads it (YAML 1.1 as kubectl, kind: List items). */
function readManifests(file) {
  const { parseManifests } = require('../lib/cli/documents');
  const parsed = parseManifests({ path: file, text: fs.readFileSync(file, 'utf8') });
  const [first] = parsed.syntaxErrors;
  if (first !== undefined) throw new Error(`${file}:${first.line}:${first.column}: ${first.message}`);
  return parsed.objects.map(object => object.manifest);
}

/** The diagram for an inventory file and manifest files. */
function diagram(nodesFile, manifestFiles) {
  require('./register-ts');
  const { placeManifests } = require('../lib/engine');
  const { loadNodeInventory, renderTopology } = require('../lib/scheduling');
  const nodes = loadNodeInventory(nodesFile);
  const manifests = manifestFiles.flatMap(readManifests);
  return renderTopology(manifests, placeManifests(manifests, nodes));
}

/** Regenerates the file's blocks; returns the args of the stale ones (and writes unless `check`). */
function updateReadme(file, check) {
  const dir = path.dirname(path.resolve(file));
  const text = fs.readFileSync(file, 'utf8');
  const stale = [];
  const updated = text.replace(BLOCK, (whole, args, current) => {
    const words = args.trim().split(/\s+/);
    const at = words.indexOf('--nodes');
    if (at === -1 || words.length < at + 3)
      throw new Error(`${file}: topology block "${args}" needs --nodes NODES MANIFEST...`);
    const nodes = path.resolve(dir, words[at + 1]);
    const manifests = words.filter((_, i) => i !== at && i !== at + 1).map(w => path.resolve(dir, w));
    const fresh = diagram(nodes, manifests);
    if (fresh === current) return whole;
    stale.push(args.trim());
    return `<!-- topology ${args} -->\n\`\`\`mermaid\n${fresh}\`\`\``;
  });
  if (!new RegExp(BLOCK.source).test(text)) throw new Error(`${file}: no <!-- topology ... --> block found`);
  if (!check && updated !== text) fs.writeFileSync(file, updated);
  return stale;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.readme === undefined) {
    process.stdout.write(diagram(args.nodes, args.manifests));
    return;
  }
  const stale = updateReadme(args.readme, args.check);
  for (const block of stale) {
    process.stderr.write(
      `${args.readme}: the topology diagram for "${block}" ${args.check ? 'is stale' : 'was regenerated'}\n`,
    );
  }
  if (args.check && stale.length > 0) {
    process.stderr.write(`run: node scripts/topology.js --readme ${args.readme}\n`);
    process.exit(1);
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`topology: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
