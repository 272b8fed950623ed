import * as path from 'node:path';
import { CHECK_FLAGS, checkFlagsOf } from '../../lib/cli/check-flags';
import { parseCommandLine } from '../../lib/cli/command-line';
import { CHECKS_OPTION_NAMES, type ChecksOptions } from '../../lib/engine';

const fixtures = path.join(__dirname, '..', 'fixtures', 'cli');

describe('CHECK_FLAGS', () => {
  test('has one flag per check option, named in kebab case', () => {
    const kebab = (name: string) => name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);

    expect(CHECK_FLAGS.map(flag => flag.name)).toEqual(CHECKS_OPTION_NAMES.map(kebab));
  });

  test('reads every check option as the engine does', () => {
    const { settings } = parseCommandLine<ChecksOptions>(
      [
        '--pod-security=baseline',
        '--pod-security-version=v1.29',
        '--node-port-range=30000-30100',
        '--suppress=a',
        '--allow-literal-env=B',
        '--nodes=nodes/two-nodes.yaml',
      ],
      CHECK_FLAGS,
      {},
      { cwd: fixtures },
      false,
    );

    expect({ ...settings, nodes: settings.nodes?.map(node => node.name) }).toEqual({
      podSecurity: 'baseline',
      podSecurityVersion: 'v1.29',
      nodePortRange: { min: 30000, max: 30100 },
      suppress: ['a'],
      allowLiteralEnv: ['B'],
      nodes: ['node-a', 'node-b'],
    });
  });

  test('checkFlagsOf sets the checks of any settings, and nothing else', () => {
    interface Settings {
      readonly checks: ChecksOptions;
      readonly other: string;
    }
    const { settings } = parseCommandLine<Settings>(
      ['--suppress', 'a,b', '--pod-security', 'privileged'],
      checkFlagsOf<Settings>(),
      { checks: { suppress: ['z'] }, other: 'kept' },
      { cwd: fixtures },
      false,
    );

    expect(settings).toEqual({
      checks: { suppress: ['z', 'a', 'b'], podSecurity: 'privileged' },
      other: 'kept',
    });
  });
});
