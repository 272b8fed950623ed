import * as fs from 'node:fs';
import { parse } from 'yaml';
import { isJsonObject } from '../rules/json';

/** The class name `cdk8s.yaml` names to load the validation plugin. */
export const PLUGIN_CLASS = 'PoohPodValidation';

/** What `pooh-pod-synth` reads from `cdk8s.yaml`. */
export interface Cdk8sConfig {
  /** The command that runs the app (`app:`), e.g. `pipenv run python main.py`. */
  readonly app?: string;
  /** The output folder (`output:`); cdk8s defaults it to `dist`. */
  readonly output?: string;
  /** The app's language (`language:`), e.g. `python`, `go`. */
  readonly language?: string;
  /**
   * The `properties:` of the `validations:` entry with `class: PoohPodValidation`, if any: the
   * options `cdk8s synth` runs the plugin with, so both commands give the same verdict.
   */
  readonly pluginProperties?: unknown;
}

function optionalString(
  config: Readonly<Record<string, unknown>>,
  key: string,
  file: string,
): string | undefined {
  const value = config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new Error(`${file}: ${key} must be a non-empty string (got ${JSON.stringify(value)})`);
  }
  return value;
}

/**
 * Reads `cdk8s.yaml`; a missing file reads as no settings. `validations:` given as a URL (which
 * cdk8s downloads) is not followed.
 *
 * @throws Error when the file is not valid YAML or a setting has the wrong type
 */
export function readCdk8sConfig(file: string): Cdk8sConfig {
  if (!fs.existsSync(file)) return {};
  const config: unknown = parse(fs.readFileSync(file, 'utf8'));
  if (config === null || config === undefined) return {};
  if (!isJsonObject(config)) throw new Error(`${file}: expected a mapping of settings`);
  const validations = Array.isArray(config.validations) ? config.validations : [];
  const plugin = validations.find(v => isJsonObject(v) && v.class === PLUGIN_CLASS);
  return {
    app: optionalString(config, 'app', file),
    output: optionalString(config, 'output', file),
    language: optionalString(config, 'language', file),
    pluginProperties: isJsonObject(plugin) ? plugin.properties : undefined,
  };
}
