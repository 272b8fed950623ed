// Replaces a folder by a fully written staging folder, so readers only ever see the old or the
// new complete set of files, never a half-written or empty one.
const fs = require('node:fs');
const path = require('node:path');

/** Moves `staging` to `target`, replacing what `target` held. Both must be on one filesystem. */
function swapDir(staging, target) {
  const old = path.join(path.dirname(target), `.dist-old-${process.pid}`);
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(staging, target);
  fs.rmSync(old, { recursive: true, force: true });
}

/** A staging folder next to `target` (same filesystem, so the swap is two renames). */
function stagingFor(target) {
  return path.join(path.dirname(target), `.dist-staging-${process.pid}`);
}

module.exports = { swapDir, stagingFor };
