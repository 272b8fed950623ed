import fc from 'fast-check';
import { validateContainer } from '../../lib/rules/container';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, repeat } from './fixtures';

const PATH = 'spec.containers[0]';
const PORT_NAME_FIX =
  "Use at most 15 lower-case letters, digits and single '-' (not first or last), with at least one letter.";

function check(container: Record<string, unknown>): ValidationError[] {
  const out: ValidationError[] = [];
  validateContainer({ name: 'app', image: 'nginx', ...container }, PATH, out);
  return out;
}

describe('validateContainer', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a missing name',
      { name: undefined },
      [
        err(
          'container-name-required',
          'spec.containers[0].name',
          undefined,
          'Required value',
          'Set spec.containers[0].name.',
        ),
      ],
    ],
    [
      'fails a name with dots',
      { name: 'my.app' },
      [
        err(
          'container-name-invalid',
          'spec.containers[0].name',
          'my.app',
          'must not contain dots',
          'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.',
        ),
      ],
    ],
    [
      'fails a 64-char name',
      { name: repeat('a', 64) },
      [
        err(
          'container-name-invalid',
          'spec.containers[0].name',
          repeat('a', 64),
          'must be no more than 63 characters',
          'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.',
        ),
      ],
    ],
    [
      'fails an upper-case name',
      { name: 'App' },
      [
        err(
          'container-name-invalid',
          'spec.containers[0].name',
          'App',
          MSG.dns1123Label,
          'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.',
        ),
      ],
    ],
    [
      'fails an empty image',
      { image: '' },
      [
        err(
          'container-image-required',
          'spec.containers[0].image',
          '',
          'Required value',
          'Set spec.containers[0].image to an image reference, e.g. "nginx:1.25".',
        ),
      ],
    ],
    [
      'fails a missing containerPort',
      { ports: [{ name: 'http' }] },
      [
        err(
          'container-port-required',
          'spec.containers[0].ports[0].containerPort',
          undefined,
          'Required value: every container port needs the port number the process listens on',
          'Set spec.containers[0].ports[0].containerPort to a port between 1 and 65535.',
        ),
      ],
    ],
    [
      'fails containerPort 0',
      { ports: [{ containerPort: 0 }] },
      [
        err(
          'container-port-required',
          'spec.containers[0].ports[0].containerPort',
          0,
          'Required value: every container port needs the port number the process listens on',
          'Set spec.containers[0].ports[0].containerPort to a port between 1 and 65535.',
        ),
      ],
    ],
    [
      'fails containerPort 65536',
      { ports: [{ containerPort: 65536 }] },
      [
        err(
          'container-port-invalid',
          'spec.containers[0].ports[0].containerPort',
          65536,
          MSG.portRange,
          'Set spec.containers[0].ports[0].containerPort to a port between 1 and 65535.',
        ),
      ],
    ],
    [
      'fails a string containerPort',
      { ports: [{ containerPort: '80' }] },
      [
        err(
          'field-type-invalid',
          'spec.containers[0].ports[0].containerPort',
          '80',
          'must be an integer; the API server cannot decode a string into this field',
          'Set spec.containers[0].ports[0].containerPort to an integer, or remove it.',
        ),
      ],
    ],
    [
      'fails hostPort -1',
      { ports: [{ containerPort: 80, hostPort: -1 }] },
      [
        err(
          'container-host-port-invalid',
          'spec.containers[0].ports[0].hostPort',
          -1,
          MSG.portRange,
          'Set spec.containers[0].ports[0].hostPort to a port between 1 and 65535, or remove it.',
        ),
      ],
    ],
    [
      'fails protocol tcp',
      { ports: [{ containerPort: 80, protocol: 'tcp' }] },
      [
        err(
          'container-port-protocol-unsupported',
          'spec.containers[0].ports[0].protocol',
          'tcp',
          MSG.protocols,
          'Set spec.containers[0].ports[0].protocol to TCP, UDP or SCTP (upper case), or omit it for TCP.',
        ),
      ],
    ],
    [
      'fails a 16-char port name',
      { ports: [{ containerPort: 80, name: 'abcdefghijklmnop' }] },
      [
        err(
          'container-port-name-invalid',
          'spec.containers[0].ports[0].name',
          'abcdefghijklmnop',
          'must be no more than 15 characters',
          PORT_NAME_FIX,
        ),
      ],
    ],
    [
      'fails port name -http- with every upstream reason',
      { ports: [{ containerPort: 80, name: '-HTTP-' }] },
      [
        err(
          'container-port-name-invalid',
          'spec.containers[0].ports[0].name',
          '-HTTP-',
          'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-); must contain at least one letter (a-z); must not begin or end with a hyphen',
          PORT_NAME_FIX,
        ),
      ],
    ],
    [
      'fails a port name used twice in one container',
      {
        ports: [
          { containerPort: 80, name: 'http' },
          { containerPort: 81, name: 'http' },
        ],
      },
      [
        err(
          'container-port-name-duplicate',
          'spec.containers[0].ports[1].name',
          'http',
          'Duplicate value: port name "http" is already used by spec.containers[0].ports[0] of this container',
          'Give each port of a container its own name.',
        ),
      ],
    ],
    [
      'fails an invalid env var name',
      { env: [{ name: 'A B' }] },
      [
        err(
          'env-var-name-invalid',
          'spec.containers[0].env[0].name',
          'A B',
          MSG.envVarName,
          "Rename the variable to letters, digits, '_', '-' or '.', not starting with a digit or '..'.",
        ),
      ],
    ],
  ])('%s', (_, container, expected) => {
    expect(check(container)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a 63-char name', { name: repeat('c', 63) }],
    ['a name starting with a digit', { name: '0sidecar' }],
    [
      'port names a-b, 1a and a 15-char one',
      {
        ports: [
          { containerPort: 1, name: 'a-b' },
          { containerPort: 2, name: '1a' },
          { containerPort: 3, name: 'abcdefghijklmno' },
        ],
      },
    ],
    ['hostPort 0 (no host port)', { ports: [{ containerPort: 80, hostPort: 0 }] }],
    [
      'one containerPort on TCP and UDP',
      { ports: [{ containerPort: 53 }, { containerPort: 53, protocol: 'UDP' }] },
    ],
    [
      'containerPort 1 and 65535',
      { ports: [{ containerPort: 1 }, { containerPort: 65535, protocol: 'SCTP' }] },
    ],
  ])('passes %s', (_, container) => {
    expect(check(container)).toEqual([]);
  });

  test('returns a view of its ports for pod-wide checks', () => {
    const out: ValidationError[] = [];
    const view = validateContainer(
      {
        name: 'app',
        ports: [
          { containerPort: 80, hostPort: 8080, name: 'http' },
          { containerPort: 0, protocol: 'UDP' },
        ],
      },
      PATH,
      out,
    );
    expect(view).toEqual({
      path: PATH,
      name: 'app',
      ports: [
        {
          path: `${PATH}.ports[0]`,
          containerPort: 80,
          hostPort: 8080,
          hostIP: '',
          protocol: 'TCP',
          name: 'http',
        },
        {
          path: `${PATH}.ports[1]`,
          containerPort: undefined,
          hostPort: undefined,
          hostIP: '',
          protocol: 'UDP',
          name: undefined,
        },
      ],
    });
  });

  test('property: containerPorts outside 1-65535 are always rejected', () => {
    const outside = fc.oneof(
      fc.integer({ min: -100000, max: 0 }),
      fc.integer({ min: 65536, max: 10_000_000 }),
    );
    fc.assert(
      fc.property(outside, port => {
        const rules = check({ ports: [{ containerPort: port }] }).map(e => e.rule);
        return (
          rules.length === 1 && ['container-port-required', 'container-port-invalid'].includes(rules[0] ?? '')
        );
      }),
      { numRuns: 200 },
    );
  });

  test('property: containerPorts in 1-65535 are always accepted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 65535 }),
        port => check({ ports: [{ containerPort: port }] }).length === 0,
      ),
      { numRuns: 200 },
    );
  });
});
