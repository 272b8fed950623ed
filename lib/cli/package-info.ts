import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ToolInfo } from './report';

const PACKAGE_NAME = 'pooh-pod-constructs';

/** The command's name. */
export const COMMAND = 'pooh-pod-check';

/** The atomic synth command's name. */
export const SYNTH_COMMAND = 'pooh-pod-synth';

/**
 * The package's version, from its package.json: two folders up from the sources (lib/cli), three
 * from the build (build/lib/cli), so it is looked for upwards.
 */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

let version: string | undefined;

/** A command of the package as reports name it: its name, the package's version and where to read about it. */
export function toolInfo(name: string = COMMAND): ToolInfo {
  version ??= packageVersion();
  return { name, version, informationUri: `https://www.npmjs.com/package/${PACKAGE_NAME}` };
}
