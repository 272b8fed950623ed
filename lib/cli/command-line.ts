import { parseArgs } from 'node:util';

/** A command line the command cannot run: exit code 2 (`pooh-pod-check`) or 1 (`pooh-pod-synth`), with the usage line. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/**
 * A file an option names that cannot be read or holds no valid content (`--nodes`): the command
 * fails as on bad usage, but the message alone says what is wrong, so no usage line follows.
 */
export class OptionFileError extends UsageError {
  override readonly name: string = 'OptionFileError';
}

/** What an option may need besides its value. */
export interface OptionContext {
  /** The working directory, for options that name a file. */
  readonly cwd: string;
}

/**
 * One command-line option of settings `S`: a command's `--help` and its parser are both made
 * from its list of these, so an option is defined once.
 */
export interface CommandOption<S> {
  /** The long name, without `--`. */
  readonly name: string;
  /** A one-letter alias, without `-`. */
  readonly short?: string;
  /** The value's placeholder in `--help` (e.g. `LEVEL`); undefined for a flag. */
  readonly value?: string;
  /** One line for `--help`, ending with the default. */
  readonly help: string;
  /** The settings with this option applied (`value` is `''` for a flag); throws a {@link UsageError} for a bad value. */
  readonly apply: (settings: S, value: string, context: OptionContext) => S;
}

/** A command line read: the settings after every option in order, and the other arguments. */
export interface ParsedCommandLine<S> {
  /** The settings. */
  readonly settings: S;
  /** The arguments that are not options, in order (after `--` too). */
  readonly positionals: readonly string[];
}

/**
 * Reads a command line (without `node` and the script) against a list of options: every option
 * may be given more than once (each `apply` sees the settings so far, so the last value wins or
 * values add up), as `--name value`, `--name=value` or `-x value`; `--` ends the options.
 *
 * @throws UsageError for an unknown option, a missing value, a positional argument when
 *   `positionals` is false, or whatever an option's `apply` throws
 */
export function parseCommandLine<S>(
  argv: readonly string[],
  options: readonly CommandOption<S>[],
  initial: S,
  context: OptionContext,
  positionals: boolean,
): ParsedCommandLine<S> {
  const byName = new Map(options.map(option => [option.name, option]));
  let tokens: ReturnType<typeof parseArgs>['tokens'];
  try {
    ({ tokens } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        options.map(option => [
          option.name,
          {
            type: option.value === undefined ? 'boolean' : 'string',
            multiple: true,
            ...(option.short === undefined ? {} : { short: option.short }),
          },
        ]),
      ),
      allowPositionals: positionals,
      strict: true,
      tokens: true,
    }));
  } catch (error) {
    // Not `instanceof Error`: node's errors may come from another realm (a test's VM context).
    const message = (error as { message?: unknown }).message;
    throw new UsageError(typeof message === 'string' ? message : String(error));
  }
  let settings = initial;
  const rest: string[] = [];
  for (const token of tokens ?? []) {
    if (token.kind === 'positional') rest.push(token.value);
    if (token.kind !== 'option') continue;
    const option = byName.get(token.name) as CommandOption<S>;
    settings = option.apply(settings, token.value ?? '', context);
  }
  return { settings, positionals: rest };
}

/** The `--help` lines of a list of options: `  -f, --format FORMAT  help`, the help texts aligned. */
export function optionHelpLines<S>(options: readonly CommandOption<S>[]): string[] {
  const flags = options.map(option => {
    const short = option.short === undefined ? '    ' : `-${option.short}, `;
    return `${short}--${option.name}${option.value === undefined ? '' : ` ${option.value}`}`;
  });
  const width = Math.max(...flags.map(flag => flag.length)) + 2;
  return options.map((option, i) => `  ${(flags[i] as string).padEnd(width)}${option.help}`);
}
