import {
  type CommandOption,
  OptionFileError,
  optionHelpLines,
  parseCommandLine,
  UsageError,
} from '../../lib/cli/command-line';

interface Settings {
  readonly names: readonly string[];
  readonly level?: string;
  readonly quiet: boolean;
}

const OPTIONS: readonly CommandOption<Settings>[] = [
  {
    name: 'name',
    short: 'n',
    value: 'NAME',
    help: 'add a name; repeatable',
    apply: (s, v) => ({ ...s, names: [...s.names, v] }),
  },
  {
    name: 'level',
    value: 'LEVEL',
    help: 'low or high',
    apply: (s, v) => {
      if (v !== 'low' && v !== 'high')
        throw new UsageError(`--level must be low or high (got ${JSON.stringify(v)})`);
      return { ...s, level: v };
    },
  },
  { name: 'quiet', short: 'q', help: 'say nothing', apply: s => ({ ...s, quiet: true }) },
];
const INITIAL: Settings = { names: [], quiet: false };
const CONTEXT = { cwd: '/work' };

describe('parseCommandLine', () => {
  test('applies every option in order, so values add up and the last one wins', () => {
    expect(
      parseCommandLine(
        ['-n', 'a', '--level=low', 'x', '--name', 'b', '--level', 'high', '-q', '--', '--y'],
        OPTIONS,
        INITIAL,
        CONTEXT,
        true,
      ),
    ).toEqual({ settings: { names: ['a', 'b'], level: 'high', quiet: true }, positionals: ['x', '--y'] });
  });

  test('passes the context to every option', () => {
    const seen: string[] = [];
    const option: CommandOption<Settings> = {
      name: 'file',
      value: 'FILE',
      help: 'a file',
      apply: (s, v, context) => {
        seen.push(`${context.cwd}/${v}`);
        return s;
      },
    };

    parseCommandLine(['--file', 'a.yaml'], [option], INITIAL, CONTEXT, false);

    expect(seen).toEqual(['/work/a.yaml']);
  });

  test.each([
    [['--level', 'medium'], '--level must be low or high (got "medium")'],
    [['--name'], "Option '-n, --name <value>' argument missing"],
    [['--quiet=yes'], "Option '-q, --quiet' does not take an argument"],
    [['x'], "Unexpected argument 'x'. This command does not take positional arguments"],
  ])('fails %j without positionals', (argv, message) => {
    expect(() => parseCommandLine(argv, OPTIONS, INITIAL, CONTEXT, false)).toThrow(new UsageError(message));
  });

  test('an OptionFileError is a UsageError', () => {
    expect(new OptionFileError('--nodes: a.yaml: no such file or directory')).toBeInstanceOf(UsageError);
  });
});

describe('optionHelpLines', () => {
  test('one line per option, help texts aligned after the longest flag', () => {
    expect(optionHelpLines(OPTIONS)).toEqual([
      '  -n, --name NAME    add a name; repeatable',
      '      --level LEVEL  low or high',
      '  -q, --quiet        say nothing',
    ]);
  });
});
