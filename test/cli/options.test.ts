import { CLI_OPTIONS, DEFAULT_SETTINGS, helpText, parseCliArgs, UsageError } from '../../lib/cli/options';

const parse = (...argv: string[]) => parseCliArgs(argv, { cwd: '/repo' });

describe('parseCliArgs', () => {
  test('defaults: text report to standard output, engine defaults', () => {
    expect(parse('dist')).toEqual({ ...DEFAULT_SETTINGS, inputs: ['dist'] });
    expect(DEFAULT_SETTINGS).toEqual({
      format: 'text',
      verbose: false,
      help: false,
      version: false,
      checks: {},
      inputs: [],
    });
  });

  test('reads every option, long and short, with = or a separate value', () => {
    const settings = parse(
      '--format=sarif',
      '--pod-security',
      'baseline',
      '--node-port-range',
      '20000-22767',
      '--suppress',
      'node-selector-label-deprecated',
      '--suppress=service-port-name-required',
      '-o',
      'report.sarif',
      '-v',
      'dist',
      '-',
    );

    expect(settings).toEqual({
      format: 'sarif',
      output: 'report.sarif',
      verbose: true,
      help: false,
      version: false,
      checks: {
        podSecurity: 'baseline',
        nodePortRange: { min: 20000, max: 22767 },
        suppress: ['node-selector-label-deprecated', 'service-port-name-required'],
      },
      inputs: ['dist', '-'],
    });
  });

  test('the last --format wins; --output - is standard output; -- ends the options', () => {
    const settings = parse(
      '-f',
      'json',
      '-f',
      'text',
      '-o',
      'x.txt',
      '--output',
      '-',
      '--',
      '--odd-file-name.yaml',
    );
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, output: undefined, inputs: ['--odd-file-name.yaml'] });
  });

  test.each([
    [['--format', 'xml'], '--format must be one of text, json, sarif, got "xml"'],
    [
      ['--pod-security', 'strict'],
      '--pod-security must be one of privileged, baseline, restricted, got "strict"',
    ],
    [
      ['--node-port-range', '30000'],
      '--node-port-range must be MIN-MAX with 1 <= MIN <= MAX <= 65535, got "30000"',
    ],
    [
      ['--node-port-range', '32767-30000'],
      '--node-port-range must be MIN-MAX with 1 <= MIN <= MAX <= 65535, got "32767-30000"',
    ],
    [
      ['--node-port-range', '0-100'],
      '--node-port-range must be MIN-MAX with 1 <= MIN <= MAX <= 65535, got "0-100"',
    ],
    [
      ['--node-port-range', '1-65536'],
      '--node-port-range must be MIN-MAX with 1 <= MIN <= MAX <= 65535, got "1-65536"',
    ],
    [['--format'], "Option '-f, --format <value>' argument missing"],
    [['--verbose=yes'], "Option '-v, --verbose' does not take an argument"],
  ])('fails %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });

  test('fails an unknown option', () => {
    expect(() => parse('--nodes', 'inventory.yaml')).toThrow(UsageError);
    expect(() => parse('--nodes', 'inventory.yaml')).toThrow("Unknown option '--nodes'");
  });

  test('--help lists every option with its value and help line', () => {
    const help = helpText();
    expect(help.split('\n')[0]).toBe('usage: pooh-pod-check [options] <file | folder | ->...');
    for (const option of CLI_OPTIONS) {
      const flag = `--${option.name}${option.value === undefined ? '' : ` ${option.value}`}`;
      expect(help).toContain(flag);
      expect(help).toContain(option.help);
    }
    expect(help).toContain(
      'exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable input',
    );
  });
});
