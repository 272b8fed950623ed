// Which code the bench workers time: the compiled library in build/lib (what the package ships),
// when `npm run bench` has just built it and says so with BENCH_LIB=build; else the TypeScript
// sources through scripts/register-ts.js (esbuild's output reads every cross-module call through
// a getter, so it runs a little slower), which is always current.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const compiled = process.env.BENCH_LIB === 'build';
if (compiled && !fs.existsSync(path.join(root, 'build', 'lib', 'index.js'))) {
  throw new Error('BENCH_LIB=build, but build/lib is missing: run `npm run build` first');
}
if (!compiled) require(path.join(root, 'scripts', 'register-ts'));

/** What the workers print as the code they timed. */
const LIBRARY_SOURCE = compiled ? 'build/lib (compiled)' : 'lib/ (TypeScript through register-ts)';

/** Loads a module of the library, e.g. `library('cli/main')`, compiled or from source. */
function library(module) {
  return require(
    compiled ? path.join(root, 'build', 'lib', `${module}.js`) : path.join(root, 'lib', `${module}.ts`),
  );
}

module.exports = { library, LIBRARY_SOURCE };
