// Lets `node -r ./scripts/register-ts.js main.ts` run TypeScript without type-checking, so
// `cdk8s synth` and `npm run synth` stay fast. Type-checking belongs to `npm test` and `npm run build`.
//
// esbuild strips the types file by file. Loading esbuild and starting its service costs ~0.2 s,
// more than the synth itself, so each file's output is cached on disk by content hash and
// esbuild is only loaded on a cache miss (the first run after a change).
//
// No source maps: Node ignores inline maps unless started with --enable-source-maps, and
// parsing them with every module slowed each start by ~0.25 s. Stack traces point at the
// transpiled line numbers (file and function names are unchanged); `npm test` maps them exactly.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'register-ts');
const esbuildVersion = require('esbuild/package.json').version;
let esbuild;

function transpile(source, filename) {
  esbuild ??= require('esbuild');
  return esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
  }).code;
}

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto
    .createHash('sha256')
    .update(`${esbuildVersion}\0no-sourcemap\0${filename}\0`)
    .update(source)
    .digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = transpile(source, filename);
    fs.mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a concurrent run never reads a half-written file.
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, cached);
  }
  module._compile(code, filename);
};
