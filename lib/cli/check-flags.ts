import type { ChecksOptions } from '../engine/options';
import { parseChecksOption } from '../engine/parse-options';
import { type CommandOption, type OptionContext, OptionFileError, UsageError } from './command-line';

/** The check options that take a list: a flag adds to it, so it may be repeated. */
type ListOption = 'suppress' | 'allowLiteralEnv';

/**
 * A flag's value, read by the engine's own parser for its option (lib/engine/parse-options.ts,
 * the one that reads cdk8s.yaml properties too), so a flag and a property accept the same values
 * and fail with the same words, named after the flag.
 */
function read<K extends keyof ChecksOptions>(
  name: K,
  flag: string,
  value: unknown,
  context: OptionContext,
): ChecksOptions[K] {
  try {
    return parseChecksOption(name, value, `--${flag}`, { baseDir: context.cwd });
  } catch (error) {
    const message = String((error as { message?: unknown }).message ?? error);
    throw name === 'nodes' ? new OptionFileError(message) : new UsageError(message);
  }
}

/** A flag that sets one check option; the last one given wins. */
function single(
  name: Exclude<keyof ChecksOptions, ListOption>,
  flag: string,
  value: string,
  help: string,
): CommandOption<ChecksOptions> {
  return {
    name: flag,
    value,
    help,
    apply: (checks, text, context) => ({ ...checks, [name]: read(name, flag, text, context) }),
  };
}

/** A flag that adds comma-separated names to a list option; repeatable. */
function list(name: ListOption, flag: string, value: string, help: string): CommandOption<ChecksOptions> {
  return {
    name: flag,
    value,
    help,
    apply: (checks, text, context) => {
      const names = read(
        name,
        flag,
        text.split(',').map(part => part.trim()),
        context,
      );
      return { ...checks, [name]: [...(checks[name] ?? []), ...(names ?? [])] };
    },
  };
}

/**
 * The flags that set the engine's `ChecksOptions`, shared by `pooh-pod-check` and
 * `pooh-pod-synth`: one definition of each flag, its help and its validation. A bad value throws
 * a `UsageError` worded as `parseChecksOptions` words it (`--pod-security must be one of …`); an
 * inventory that cannot be read throws an `OptionFileError` with the inventory's own error.
 */
export const CHECK_FLAGS: readonly CommandOption<ChecksOptions>[] = [
  single(
    'podSecurity',
    'pod-security',
    'LEVEL',
    'Pod Security Standard every Pod must meet: privileged, baseline, restricted (default: restricted)',
  ),
  single(
    'podSecurityVersion',
    'pod-security-version',
    'V',
    'Pod Security policy version, as the enforce-version label: latest or v1.N (default: v1.28 and latest)',
  ),
  single(
    'nodePortRange',
    'node-port-range',
    'MIN-MAX',
    "the cluster's --service-node-port-range (default: 30000-32767)",
  ),
  list(
    'suppress',
    'suppress',
    'RULE[,RULE]',
    'silence the warnings of these rule ids; repeatable; errors cannot be silenced',
  ),
  list(
    'allowLiteralEnv',
    'allow-literal-env',
    'NAME[,NAME]',
    'env var names that look like credentials but may hold a literal value; repeatable',
  ),
  single(
    'nodes',
    'nodes',
    'FILE',
    "the cluster's nodes (kubectl get nodes -o yaml or -o json) for the scheduling pre-flight (default: none)",
  ),
];

/** The check flags as options of a command whose settings hold the check options in `checks`. */
export function checkFlagsOf<S extends { readonly checks: ChecksOptions }>(): CommandOption<S>[] {
  return CHECK_FLAGS.map(flag => ({
    ...flag,
    apply: (settings, value, context) => ({
      ...settings,
      checks: flag.apply(settings.checks, value, context),
    }),
  }));
}
