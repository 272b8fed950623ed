#!/usr/bin/env node
// The floor of the cold-synth benchmark: the very objects of dist/ as raw `ApiObject`s, one chart
// per manifest file, in plain JavaScript: no compile step, no CLI, no cdk8s-plus constructs, no
// checks. Writes the same `<chart>.k8s.yaml` files with `app.synth()`.
// Usage: node scripts/bench/floor-app.js OUTDIR OBJECTS.json
//   OBJECTS.json: { "<chart>": [manifest, ...], ... }, what `npm run bench` reads from dist/
//   (outside the timing).
const fs = require('node:fs');
const { ApiObject, App, Chart } = require('cdk8s');
// Loaded as any cdk8s-plus app loads it, though the floor uses none of it: the floor is what such an app costs at least.
require('cdk8s-plus-28');

const [outdir, objectsFile] = process.argv.slice(2);
if (outdir === undefined || objectsFile === undefined) {
  process.stderr.write('usage: node scripts/bench/floor-app.js OUTDIR OBJECTS.json\n');
  process.exit(2);
}
const app = new App({ outdir });
for (const [chartId, manifests] of Object.entries(JSON.parse(fs.readFileSync(objectsFile, 'utf8')))) {
  const chart = new Chart(app, chartId);
  manifests.forEach((manifest, i) => {
    new ApiObject(chart, `Object${i}`, manifest);
  });
}
app.synth();
