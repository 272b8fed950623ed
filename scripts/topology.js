#!/usr/bin/env node
// Prints the Mermaid flowchart of where an app's Pods land on a cluster's nodes.
//
//   node scripts/topology.js --nodes NODES.yaml MANIFEST.yaml [MANIFEST.yaml ...]
//
// e.g. node scripts/topology.js --nodes examples/blog-cluster.nodes.yaml dist/blog.k8s.yaml
// NODES is what `kubectl get nodes -o yaml` (or `-o json`) prints; manifests are YAML (several
// documents allowed) or JSON. The diagram goes to stdout; errors to stderr with exit code 1 (2 for
// wrong usage). The TypeScript sources load through scripts/register-ts.js, as npm run synth does.
const fs = require('node:fs');
const path = require('node:path');

const USAGE = 'usage: node scripts/topology.js --nodes NODES.yaml MANIFEST.yaml [MANIFEST.yaml ...]';

function parseArgs(argv) {
  const manifests = [];
  let nodes;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--nodes') nodes = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else manifests.push(argv[i]);
  }
  if (nodes === undefined || manifests.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  return { nodes, manifests };
}

function readManifests(file, yaml) {
  const text = fs.readFileSync(file, 'utf8');
  if (path.extname(file).toLowerCase() === '.json') {
    const doc = JSON.parse(text);
    return Array.isArray(doc) ? doc : doc?.kind === 'List' && Array.isArray(doc.items) ? doc.items : [doc];
  }
  return yaml.parseAllDocuments(text).flatMap((doc, i) => {
    if (doc.errors.length > 0) throw new Error(`${file}: document ${i + 1}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    return value === null || value === undefined ? [] : [value];
  });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  require('./register-ts');
  const yaml = require('yaml');
  const { loadNodeInventory, placePods, renderTopology } = require('../lib/scheduling');
  const nodes = loadNodeInventory(args.nodes);
  const manifests = args.manifests.flatMap(file => readManifests(file, yaml));
  process.stdout.write(renderTopology(manifests, placePods(manifests, nodes)));
}

try {
  main();
} catch (err) {
  process.stderr.write(`topology: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
