import * as path from 'node:path';
import {
  CLI_OPTIONS,
  DEFAULT_SETTINGS,
  helpText,
  OptionFileError,
  parseCliArgs,
  UsageError,
} from '../../lib/cli/options';

const fixtures = path.join(__dirname, '..', 'fixtures', 'cli');
const parse = (...argv: string[]) => parseCliArgs(argv, { cwd: fixtures });

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
      '--pod-security-version',
      'v1.30',
      '--allow-literal-env',
      'TOKEN_LIMIT',
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
        podSecurityVersion: 'v1.30',
        nodePortRange: { min: 20000, max: 22767 },
        suppress: ['node-selector-label-deprecated', 'service-port-name-required'],
        allowLiteralEnv: ['TOKEN_LIMIT'],
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
    [['--format', 'xml'], '--format must be one of "text", "json", "sarif" (got "xml")'],
    [
      ['--pod-security', 'strict'],
      '--pod-security must be one of "privileged", "baseline", "restricted" (got "strict")',
    ],
    [
      ['--node-port-range', '30000'],
      '--node-port-range must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "30000")',
    ],
    [
      ['--node-port-range', '32767-30000'],
      '--node-port-range must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "32767-30000")',
    ],
    [
      ['--node-port-range', '0-100'],
      '--node-port-range must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "0-100")',
    ],
    [
      ['--node-port-range', '1-65536'],
      '--node-port-range must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "1-65536")',
    ],
    [['--format'], "Option '-f, --format <value>' argument missing"],
    [['--verbose=yes'], "Option '-v, --verbose' does not take an argument"],
    [
      ['--no-such-option'],
      `Unknown option '--no-such-option'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--no-such-option"`,
    ],
  ])('fails %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });

  describe('--pod-security-version', () => {
    test.each([
      ['latest', 'latest'],
      ['v1.0', 'v1.0'],
      ['v1.28', 'v1.28'],
      // Newer than the package knows: evaluated as the newest, as upstream reads the label.
      ['v1.99', 'v1.99'],
    ])('reads %j', (value, expected) => {
      expect(parse('--pod-security-version', value, 'dist').checks).toEqual({ podSecurityVersion: expected });
    });

    test.each(['1.28', 'v1.028', 'v2.0', 'Latest', 'v1.', ''])(
      'fails %j, naming the accepted forms',
      value => {
        expect(() => parse('--pod-security-version', value, 'dist')).toThrow(
          new UsageError(
            `--pod-security-version must be "latest" or "v1.N", as the pod-security.kubernetes.io/enforce-version label (got ${JSON.stringify(value)})`,
          ),
        );
      },
    );
  });

  describe('--allow-literal-env and --suppress', () => {
    test.each([
      [['--allow-literal-env', 'TOKEN_LIMIT'], { allowLiteralEnv: ['TOKEN_LIMIT'] }],
      [
        ['--allow-literal-env', 'TOKEN_LIMIT', '--allow-literal-env=PASSWORD_MIN_LENGTH'],
        { allowLiteralEnv: ['TOKEN_LIMIT', 'PASSWORD_MIN_LENGTH'] },
      ],
      [['--allow-literal-env', 'A, B', '--allow-literal-env', 'C'], { allowLiteralEnv: ['A', 'B', 'C'] }],
      [['--suppress', 'a,b', '--suppress', 'c'], { suppress: ['a', 'b', 'c'] }],
    ])('read %j as %j, repeated and comma-separated', (argv, checks) => {
      expect(parse(...argv, 'dist').checks).toEqual(checks);
    });

    test.each([
      [['--allow-literal-env', ''], '--allow-literal-env must be a list of non-empty strings (got [""])'],
      [
        ['--allow-literal-env', 'A,,B'],
        '--allow-literal-env must be a list of non-empty strings (got ["A","","B"])',
      ],
      [['--suppress', ''], '--suppress must be a list of non-empty strings (got [""])'],
      [['--allow-literal-env'], "Option '--allow-literal-env <value>' argument missing"],
    ])('fail %j', (argv, message) => {
      expect(() => parse(...argv)).toThrow(new UsageError(message));
    });
  });

  describe('--nodes and --topology', () => {
    test.each([['nodes/two-nodes.yaml'], ['nodes/two-nodes.json']])(
      '--nodes reads the inventory %s, relative to the working directory',
      file => {
        const nodes = parse('--nodes', file, 'placement').checks.nodes ?? [];

        expect(nodes.map(node => [node.name, node.allocatable.get('cpu'), node.labels.get('disk')])).toEqual([
          ['node-a', 2000n, undefined],
          ['node-b', 1000n, 'ssd'],
        ]);
      },
    );

    test('--topology names the diagram file, with --nodes', () => {
      const settings = parse('--nodes', 'nodes/two-nodes.yaml', '--topology', 'topology.md', 'placement');

      expect(settings.topology).toBe('topology.md');
    });

    test.each([
      [
        'a file that does not exist',
        'nodes/missing.yaml',
        '--nodes: nodes/missing.yaml: no such file or directory',
      ],
      ['a folder', 'nodes', '--nodes: nodes: expected a .yaml, .yml or .json file of Nodes'],
      [
        'a quantity that does not parse',
        'nodes/bad-quantity.yaml',
        `--nodes: nodes/bad-quantity.yaml: items[0] (node "node-a"): status.allocatable[cpu]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (got "2 cores")`,
      ],
      [
        'a document that is not a Node',
        'nodes/not-nodes.yaml',
        '--nodes: nodes/not-nodes.yaml: the document: expected a v1 Node (apiVersion "v1", kind "Node"), got "v1"/"Pod"',
      ],
    ])('--nodes fails on %s with the inventory error', (_case, file, message) => {
      expect(() => parse('--nodes', file, 'placement')).toThrow(new OptionFileError(message));
    });

    test('fails --topology without --nodes', () => {
      expect(() => parse('--topology', 'topology.md', 'placement')).toThrow(
        new UsageError('--topology needs --nodes: the diagram shows where the Pods land on the nodes'),
      );
    });
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
