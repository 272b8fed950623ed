// Lets `node -r ./scripts/register-ts.js main.ts` run TypeScript without type-checking:
// esbuild strips the types file by file (a few ms), so `cdk8s synth` stays fast.
// Type-checking belongs to `npm test` and `npm run build`.
const fs = require('node:fs');
const esbuild = require('esbuild');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
    sourcemap: 'inline',
  });
  module._compile(code, filename);
};
