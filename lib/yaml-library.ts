import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded on first use. cdk8s bundles a copy of `yaml` of its own, so inside a
 * cdk8s app one is loaded already: when it is the very version this package depends on, that copy
 * is used instead of loading a second one (the example app reads its inventory in 32–47 ms instead
 * of 59–63 ms). Anywhere else, such as the CLI, this package's own copy.
 */
export function yamlLibrary(): typeof Yaml {
  loaded ??= cdk8sCopy() ?? (require('yaml') as typeof Yaml);
  return loaded;
}

/** cdk8s's copy of `yaml`, when it is loaded and of the same version as this package's. */
function cdk8sCopy(): typeof Yaml | undefined {
  try {
    const cdk8sDir = path.dirname(require.resolve('cdk8s/package.json'));
    const entry = require.resolve('yaml', { paths: [cdk8sDir] });
    const copy = require.cache[entry];
    if (copy === undefined || !copy.loaded) return undefined;
    const same =
      versionOf(require.resolve('yaml/package.json', { paths: [cdk8sDir] })) ===
      versionOf(require.resolve('yaml/package.json'));
    return same ? (copy.exports as typeof Yaml) : undefined;
  } catch {
    // No cdk8s here (the CLI), or a layout these lookups do not know: this package's own copy.
    return undefined;
  }
}

/** The `version` of a package.json, read without loading it as a module. */
function versionOf(packageJson: string): unknown {
  return (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version?: unknown }).version;
}
