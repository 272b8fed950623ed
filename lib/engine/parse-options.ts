import * as path from 'node:path';
// Single modules, not their folders' indexes: pooh-pod-synth parses options before the rules load.
import type { PodSecurityLevel, PodSecurityVersion } from '../pod-security';
import { resolvePodSecurityVersion } from '../pod-security/version';
import type { PortRange } from '../rules';
import type { NodeInfo } from '../scheduling';
import type { ChecksOptions } from './options';

/** What the input's relative paths are relative to. */
export interface ParseOptionsContext {
  /**
   * The folder a relative `nodes` file is read from (`cdk8s.yaml`'s folder).
   * @default - the current working directory
   */
  readonly baseDir?: string;
}

type Parser<T> = (value: unknown, where: string, context: ParseOptionsContext) => T;
type Parsers = { readonly [K in keyof ChecksOptions]-?: Parser<ChecksOptions[K]> };

const LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];
const RANGE_TEXT = /^(\d+)-(\d+)$/;

function parseLevel(value: unknown, where: string): PodSecurityLevel {
  const level = LEVELS.find(l => l === value);
  if (level === undefined) {
    const quoted = LEVELS.map(l => `"${l}"`).join(', ');
    throw new Error(`${where} must be one of ${quoted} (got ${JSON.stringify(value)})`);
  }
  return level;
}

function parseVersion(value: unknown, where: string): PodSecurityVersion {
  try {
    if (typeof value === 'string') {
      resolvePodSecurityVersion(value);
      return value as PodSecurityVersion;
    }
  } catch {
    // worded below, as the other options are
  }
  throw new Error(
    `${where} must be "latest" or "v1.N", as the pod-security.kubernetes.io/enforce-version label (got ${JSON.stringify(value)})`,
  );
}

function parseRange(value: unknown, where: string): PortRange {
  // A string (all the CLI can pass) is told the text form; an object the object form.
  const form =
    typeof value === 'string'
      ? '"MIN-MAX"'
      : typeof value === 'object' && value !== null && !Array.isArray(value)
        ? '{ min, max }'
        : '"MIN-MAX" or { min, max }';
  const expected = `${where} must be ${form} with 1 <= MIN <= MAX <= 65535`;
  let min: unknown;
  let max: unknown;
  if (typeof value === 'string') {
    const match = RANGE_TEXT.exec(value.trim());
    if (match) [min, max] = [Number(match[1]), Number(match[2])];
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    ({ min, max } = value as { min?: unknown; max?: unknown });
  }
  const isPort = (n: unknown): n is number =>
    Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 65535;
  if (!isPort(min) || !isPort(max) || min > max) {
    throw new Error(`${expected} (got ${JSON.stringify(value)})`);
  }
  return { min, max };
}

function parseNames(value: unknown, where: string): readonly string[] {
  if (!Array.isArray(value) || !value.every(item => typeof item === 'string' && item !== '')) {
    throw new Error(`${where} must be a list of non-empty strings (got ${JSON.stringify(value)})`);
  }
  return value;
}

/**
 * A node inventory: the path of what `kubectl get nodes -o yaml|json` prints (relative to the base
 * folder), or the Node documents themselves (a List, a Node, or a list of them).
 */
function parseNodes(value: unknown, where: string, context: ParseOptionsContext): readonly NodeInfo[] {
  // Loaded here, not at import: `pooh-pod-synth` parses its options before it starts the app, and
  // most runs give no inventory.
  const {
    loadNodeInventory,
  }: typeof import('../scheduling/load-inventory') = require('../scheduling/load-inventory');
  const { readNodeInventory }: typeof import('../scheduling/inventory') = require('../scheduling/inventory');
  try {
    return typeof value === 'string'
      ? loadNodeInventory(path.resolve(context.baseDir ?? process.cwd(), value), value)
      : readNodeInventory(value);
  } catch (err) {
    throw new Error(`${where}: ${(err as Error).message}`);
  }
}

/** One parser per option: a new option is one more entry. */
const PARSERS: Parsers = {
  podSecurity: parseLevel,
  podSecurityVersion: parseVersion,
  nodePortRange: parseRange,
  suppress: parseNames,
  allowLiteralEnv: parseNames,
  nodes: parseNodes,
};

/** The names of the check options, as `cdk8s.yaml` properties and as input to `parseChecksOptions`. */
export const CHECKS_OPTION_NAMES: readonly (keyof ChecksOptions)[] = Object.keys(
  PARSERS,
) as (keyof ChecksOptions)[];

/**
 * Reads check options from untyped input (YAML properties, command-line flags), failing early on
 * an unknown name or a malformed value, so a typo never silently falls back to a default.
 * Keys whose value is `undefined` are skipped.
 *
 * @param input the options by name (a plain object; `undefined` or `null` reads as no options)
 * @param source where the input comes from, named in error messages, e.g. `cdk8s.yaml validations[0].properties`
 * @param context what relative paths are relative to
 * @throws Error naming the source, the option, the value received and what was expected
 */
export function parseChecksOptions(
  input: unknown,
  source: string,
  context: ParseOptionsContext = {},
): ChecksOptions {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new Error(`${source} must be a mapping of option names to values (got ${JSON.stringify(input)})`);
  }
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(PARSERS, name)) {
      throw new Error(
        `${source}: unknown option "${name}"; known options: ${CHECKS_OPTION_NAMES.join(', ')}`,
      );
    }
    options[name] = parseChecksOption(name as keyof ChecksOptions, value, `${source}: ${name}`, context);
  }
  return options as ChecksOptions;
}

/**
 * Reads one check option from untyped input: what `parseChecksOptions` does per option, for a
 * front-end that names options its own way (the command-line flags of lib/cli/check-flags.ts).
 *
 * @param where how the option is named in the error message, e.g. `--pod-security`
 * @throws Error `<where> must be …` (or `<where>: …` for an unreadable node inventory), naming the value received
 */
export function parseChecksOption<K extends keyof ChecksOptions>(
  name: K,
  value: unknown,
  where: string,
  context: ParseOptionsContext = {},
): ChecksOptions[K] {
  return (PARSERS[name] as Parser<ChecksOptions[K]>)(value, where, context);
}
