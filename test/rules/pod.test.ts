import fc from 'fast-check';
import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod, podWith, repeat } from './fixtures';

const NAME_FIX = "Use at most 253 lower-case alphanumerics, '-' or '.', starting and ending alphanumeric.";
const container = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: 'nginx', ...extra });

describe('validatePod', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails an upper-case name',
      pod({}, { name: 'Web' }),
      [err('metadata-name-invalid', 'metadata.name', 'Web', MSG.dns1123Subdomain, NAME_FIX)],
    ],
    [
      'fails a 254-char name',
      pod({}, { name: repeat('a', 254) }),
      [
        err(
          'metadata-name-invalid',
          'metadata.name',
          repeat('a', 254),
          'must be no more than 253 characters',
          NAME_FIX,
        ),
      ],
    ],
    [
      'fails a missing spec',
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } },
      [
        err(
          'pod-containers-required',
          'spec.containers',
          undefined,
          'Required value: a Pod needs at least one container',
          'Add a container to spec.containers.',
        ),
      ],
    ],
    [
      'fails an empty container list',
      pod({ containers: [] }),
      [
        err(
          'pod-containers-required',
          'spec.containers',
          [],
          'Required value: a Pod needs at least one container',
          'Add a container to spec.containers.',
        ),
      ],
    ],
    [
      'fails a spec that is a string',
      { ...pod(), spec: 'x' },
      [
        err(
          'field-type-invalid',
          'spec',
          'x',
          'must be an object; the API server cannot decode a string into this field',
          'Set spec to an object, or remove it.',
        ),
        err(
          'pod-containers-required',
          'spec.containers',
          undefined,
          'Required value: a Pod needs at least one container',
          'Add a container to spec.containers.',
        ),
      ],
    ],
    [
      'fails a container that is not an object',
      pod({ containers: ['nginx'] }),
      [
        err(
          'field-type-invalid',
          'spec.containers[0]',
          'nginx',
          'must be an object; the API server cannot decode a string into this field',
          'Set spec.containers[0] to an object, or remove it.',
        ),
      ],
    ],
    [
      'fails two containers with one name',
      pod({ containers: [container('app'), container('app')] }),
      [
        err(
          'container-name-duplicate',
          'spec.containers[1].name',
          'app',
          'Duplicate value: container name "app" is already used by spec.containers[0]; names must be unique across containers and initContainers',
          'Rename one of the two containers.',
        ),
      ],
    ],
    [
      'fails an init container named like a container',
      pod({ initContainers: [container('app')] }),
      [
        err(
          'container-name-duplicate',
          'spec.initContainers[0].name',
          'app',
          'Duplicate value: container name "app" is already used by spec.containers[0]; names must be unique across containers and initContainers',
          'Rename one of the two containers.',
        ),
      ],
    ],
    [
      'fails an init container with an invalid env var',
      pod({ initContainers: [container('init', { env: [{ name: '9x' }] })] }),
      [
        err(
          'env-var-name-invalid',
          'spec.initContainers[0].env[0].name',
          '9x',
          MSG.envVarName,
          "Rename the variable to letters, digits, '_', '-' or '.', not starting with a digit or '..'.",
        ),
      ],
    ],
    [
      'fails one hostPort twice across containers',
      pod({
        containers: [
          container('a', { ports: [{ containerPort: 80, hostPort: 8080 }] }),
          container('b', { ports: [{ containerPort: 81, hostPort: 8080 }] }),
        ],
      }),
      [
        err(
          'pod-host-port-conflict',
          'spec.containers[1].ports[0].hostPort',
          8080,
          'Duplicate value: "TCP//8080" is already claimed by spec.containers[0].ports[0]; a host port can be bound only once per node',
          'Use a different hostPort, hostIP or protocol for one of the two ports.',
        ),
      ],
    ],
    [
      'fails one hostPort twice in one init container',
      pod({
        initContainers: [
          container('init', {
            ports: [
              { containerPort: 80, hostPort: 9000 },
              { containerPort: 81, hostPort: 9000 },
            ],
          }),
        ],
      }),
      [
        err(
          'pod-host-port-conflict',
          'spec.initContainers[0].ports[1].hostPort',
          9000,
          'Duplicate value: "TCP//9000" is already claimed by spec.initContainers[0].ports[0]; a host port can be bound only once per node',
          'Use a different hostPort, hostIP or protocol for one of the two ports.',
        ),
      ],
    ],
    [
      'fails two containers on one containerPort',
      pod({
        containers: [
          container('web', { ports: [{ containerPort: 8080 }] }),
          container('proxy', { ports: [{ containerPort: 8080 }] }),
        ],
      }),
      [
        err(
          'pod-container-port-conflict',
          'spec.containers[1].ports[0].containerPort',
          8080,
          'containers "web" and "proxy" both listen on port 8080/TCP; containers of a Pod share one network namespace, so only one of them can bind it',
          'Move one of the two containers to a different port, or run them in separate Pods.',
        ),
      ],
    ],
    [
      "fails a sidecar on a container's port",
      pod({
        containers: [container('web', { ports: [{ containerPort: 9090, protocol: 'UDP' }] })],
        initContainers: [
          container('agent', { restartPolicy: 'Always', ports: [{ containerPort: 9090, protocol: 'UDP' }] }),
        ],
      }),
      [
        err(
          'pod-container-port-conflict',
          'spec.initContainers[0].ports[0].containerPort',
          9090,
          'containers "web" and "agent" both listen on port 9090/UDP; containers of a Pod share one network namespace, so only one of them can bind it',
          'Move one of the two containers to a different port, or run them in separate Pods.',
        ),
      ],
    ],
    [
      'fails an invalid nodeSelector key',
      pod({ nodeSelector: { 'disk type': 'ssd' } }),
      [
        err(
          'label-key-invalid',
          'spec.nodeSelector',
          'disk type',
          MSG.qualifiedNamePart,
          "Rename key \"disk type\" to an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.",
        ),
      ],
    ],
    [
      'fails (warns) a deprecated nodeSelector label',
      pod({ nodeSelector: { 'beta.kubernetes.io/os': 'linux' } }),
      [
        {
          rule: 'node-selector-label-deprecated',
          severity: 'warning',
          field: 'spec.nodeSelector[beta.kubernetes.io/os]',
          value: 'linux',
          message: 'deprecated since v1.14; use "kubernetes.io/os" instead',
          fix: 'Replace nodeSelector key "beta.kubernetes.io/os" with "kubernetes.io/os".',
        },
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a 253-char dotted name', pod({}, { name: `${repeat('a', 63)}.`.repeat(4).slice(0, 253) })],
    ['a 63-char container name', podWith({ name: repeat('c', 63) })],
    ['a container name starting with a digit', podWith({ name: '1st' })],
    [
      'port names a-b, 1a and a 15-char one',
      podWith({
        ports: [
          { containerPort: 1, name: 'a-b' },
          { containerPort: 2, name: '1a' },
          { containerPort: 3, name: 'abcdefghijklmno' },
        ],
      }),
    ],
    [
      'env names my.env-name and _FOO',
      podWith({
        env: [
          { name: 'my.env-name', value: 'a' },
          { name: '_FOO', value: 'b' },
        ],
      }),
    ],
    [
      'empty label values',
      pod({ nodeSelector: { 'kubernetes.io/os': '' } }, { labels: { app: '', tier: '' } }),
    ],
    [
      'the same port name in two containers (upstream checks per container)',
      pod({
        containers: [
          container('a', { ports: [{ containerPort: 80, name: 'http' }] }),
          container('b', { ports: [{ containerPort: 81, name: 'http' }] }),
        ],
      }),
    ],
    [
      'the same containerPort on TCP and UDP in two containers',
      pod({
        containers: [
          container('a', { ports: [{ containerPort: 53 }] }),
          container('b', { ports: [{ containerPort: 53, protocol: 'UDP' }] }),
        ],
      }),
    ],
    [
      'the same hostPort on two hostIPs',
      pod({
        containers: [
          container('a', { ports: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }] }),
          container('b', { ports: [{ containerPort: 81, hostPort: 80, hostIP: '10.0.0.2' }] }),
        ],
      }),
    ],
    [
      'an init container reusing a container port (it runs before them)',
      pod({
        containers: [container('web', { ports: [{ containerPort: 8080, hostPort: 8080 }] })],
        initContainers: [container('migrate', { ports: [{ containerPort: 8080, hostPort: 8080 }] })],
      }),
    ],
    [
      'one container declaring a port twice (not a conflict between containers)',
      podWith({
        ports: [
          { containerPort: 80, name: 'http' },
          { containerPort: 80, name: 'web' },
        ],
      }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });

  test('property: random invalid Pod names are rejected', () => {
    const bad = fc.oneof(
      fc.stringMatching(/^[a-z]{1,10}[A-Z_!@ ][a-z]{1,10}$/),
      fc.stringMatching(/^-[a-z]{1,10}$/),
      fc.stringMatching(/^[a-z]{254,300}$/),
    );
    fc.assert(
      fc.property(bad, name => validatePod(pod({}, { name })).some(e => e.rule === 'metadata-name-invalid')),
      { numRuns: 200 },
    );
  });

  test('property: random valid Pod names are accepted', () => {
    const good = fc
      .array(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/), { minLength: 1, maxLength: 8 })
      .map(labels => labels.join('.'));
    fc.assert(
      fc.property(good, name => validatePod(pod({}, { name })).length === 0),
      { numRuns: 200 },
    );
  });

  test('property: distinct containers never conflict on distinct ports', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 6 }),
        ports => {
          const containers = ports.map((port, i) => container(`c${i}`, { ports: [{ containerPort: port }] }));
          return validatePod(pod({ containers })).length === 0;
        },
      ),
      { numRuns: 200 },
    );
  });
});
