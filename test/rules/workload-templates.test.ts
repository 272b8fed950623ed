import { validateManifest } from '../../lib/rules/manifest';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, typeError, warn } from './fixtures';
import {
  CONTAINER,
  cronJob,
  daemonSet,
  deployment,
  job,
  replicaSet,
  statefulSet,
  template,
} from './workload-fixtures';

// Every Pod-spec rule fires the same way on a Pod and on each workload's pod template: same rule,
// message and fix, at the template's field path. Expected problems are written out once per bad
// spec, as a function of the Pod spec's path, and checked for every kind.

type Json = Record<string, unknown>;
type Expected = (s: string) => ValidationError[];

const IMAGE = 'nginx:1.25';
const c = (name: string, extra: Json = {}): Json => ({ name, image: IMAGE, ...extra });
const LABEL_KEY_FIX = (key: string) =>
  `Rename key ${JSON.stringify(key)} to an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`;
const portFix = (field: string) => `Set ${field} to a port between 1 and 65535.`;

/** One bad Pod spec per Pod-spec rule in lib/rules, with what it must give at Pod spec path `s`. */
const BAD_SPECS: ReadonlyArray<[string, Json, Expected]> = [
  [
    'pod-containers-required',
    { containers: [] },
    s => [
      err(
        'pod-containers-required',
        `${s}.containers`,
        [],
        'Required value: a Pod needs at least one container',
        `Add a container to ${s}.containers.`,
      ),
    ],
  ],
  [
    'field-type-invalid',
    { containers: 'nginx' },
    s => [typeError(`${s}.containers`, 'nginx', 'a list', 'a string')],
  ],
  [
    'container-name-required',
    { containers: [{ image: IMAGE }] },
    s => [
      err(
        'container-name-required',
        `${s}.containers[0].name`,
        undefined,
        'Required value',
        `Set ${s}.containers[0].name.`,
      ),
    ],
  ],
  [
    'container-name-invalid',
    { initContainers: [c('Init')], containers: [c('app')] },
    s => [
      err(
        'container-name-invalid',
        `${s}.initContainers[0].name`,
        'Init',
        MSG.dns1123Label,
        'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.',
      ),
    ],
  ],
  [
    'container-name-duplicate',
    { containers: [c('app')], initContainers: [c('app')] },
    s => [
      err(
        'container-name-duplicate',
        `${s}.initContainers[0].name`,
        'app',
        `Duplicate value: container name "app" is already used by ${s}.containers[0]; names must be unique across containers and initContainers`,
        'Rename one of the two containers.',
      ),
    ],
  ],
  [
    'container-image-required',
    { containers: [{ name: 'app', image: '' }] },
    s => [
      err(
        'container-image-required',
        `${s}.containers[0].image`,
        '',
        'Required value',
        `Set ${s}.containers[0].image to an image reference, e.g. "nginx:1.25".`,
      ),
    ],
  ],
  [
    'container-port-name-invalid',
    { containers: [c('app', { ports: [{ containerPort: 80, name: 'HTTP' }] })] },
    s => [
      err(
        'container-port-name-invalid',
        `${s}.containers[0].ports[0].name`,
        'HTTP',
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-); must contain at least one letter (a-z)',
        "Use at most 15 lower-case letters, digits and single '-' (not first or last), with at least one letter.",
      ),
    ],
  ],
  [
    'container-port-name-duplicate',
    {
      containers: [
        c('app', {
          ports: [
            { containerPort: 80, name: 'http' },
            { containerPort: 81, name: 'http' },
          ],
        }),
      ],
    },
    s => [
      err(
        'container-port-name-duplicate',
        `${s}.containers[0].ports[1].name`,
        'http',
        `Duplicate value: port name "http" is already used by ${s}.containers[0].ports[0] of this container`,
        'Give each port of a container its own name.',
      ),
    ],
  ],
  [
    'container-port-required',
    { containers: [c('app', { ports: [{ name: 'http' }] })] },
    s => [
      err(
        'container-port-required',
        `${s}.containers[0].ports[0].containerPort`,
        undefined,
        'Required value: every container port needs the port number the process listens on',
        portFix(`${s}.containers[0].ports[0].containerPort`),
      ),
    ],
  ],
  [
    'container-port-invalid',
    { containers: [c('app', { ports: [{ containerPort: 70000 }] })] },
    s => [
      err(
        'container-port-invalid',
        `${s}.containers[0].ports[0].containerPort`,
        70000,
        MSG.portRange,
        portFix(`${s}.containers[0].ports[0].containerPort`),
      ),
    ],
  ],
  [
    'container-host-port-invalid',
    { containers: [c('app', { ports: [{ containerPort: 80, hostPort: 70000 }] })] },
    s => [
      err(
        'container-host-port-invalid',
        `${s}.containers[0].ports[0].hostPort`,
        70000,
        MSG.portRange,
        `Set ${s}.containers[0].ports[0].hostPort to a port between 1 and 65535, or remove it.`,
      ),
    ],
  ],
  [
    'container-port-protocol-unsupported',
    { containers: [c('app', { ports: [{ containerPort: 53, protocol: 'udp' }] })] },
    s => [
      err(
        'container-port-protocol-unsupported',
        `${s}.containers[0].ports[0].protocol`,
        'udp',
        MSG.protocols,
        `Set ${s}.containers[0].ports[0].protocol to TCP, UDP or SCTP (upper case), or omit it for TCP.`,
      ),
    ],
  ],
  [
    'pod-host-port-conflict',
    {
      containers: [
        c('a', { ports: [{ containerPort: 80, hostPort: 8080 }] }),
        c('b', { ports: [{ containerPort: 81, hostPort: 8080 }] }),
      ],
    },
    s => [
      err(
        'pod-host-port-conflict',
        `${s}.containers[1].ports[0].hostPort`,
        8080,
        `Duplicate value: "TCP//8080" is already claimed by ${s}.containers[0].ports[0]; a host port can be bound only once per node`,
        'Use a different hostPort, hostIP or protocol for one of the two ports.',
      ),
    ],
  ],
  [
    'pod-container-port-conflict',
    { containers: [c('a', { ports: [{ containerPort: 80 }] }), c('b', { ports: [{ containerPort: 80 }] })] },
    s => [
      err(
        'pod-container-port-conflict',
        `${s}.containers[1].ports[0].containerPort`,
        80,
        'containers "a" and "b" both listen on port 80/TCP; containers of a Pod share one network namespace, so only one of them can bind it',
        'Move one of the two containers to a different port, or run them in separate Pods.',
      ),
    ],
  ],
  [
    'env-var-name-required',
    { containers: [c('app', { env: [{ value: 'on' }] })] },
    s => [
      err(
        'env-var-name-required',
        `${s}.containers[0].env[0].name`,
        undefined,
        'Required value',
        `Set ${s}.containers[0].env[0].name to the variable's name.`,
      ),
    ],
  ],
  [
    'env-var-name-invalid',
    { containers: [c('app', { env: [{ name: '1ST', value: 'on' }] })] },
    s => [
      err(
        'env-var-name-invalid',
        `${s}.containers[0].env[0].name`,
        '1ST',
        MSG.envVarName,
        "Rename the variable to letters, digits, '_', '-' or '.', not starting with a digit or '..'.",
      ),
    ],
  ],
  [
    'env-var-name-duplicate',
    {
      containers: [
        c('app', {
          env: [
            { name: 'MODE', value: 'a' },
            { name: 'MODE', value: 'b' },
          ],
        }),
      ],
    },
    s => [
      err(
        'env-var-name-duplicate',
        `${s}.containers[0].env[1].name`,
        'MODE',
        `Duplicate value: environment variable "MODE" is already defined at ${s}.containers[0].env[0]; env is a list keyed by name, so server-side apply rejects duplicate keys and other clients keep only one of the values`,
        'Remove one of the two "MODE" entries.',
      ),
    ],
  ],
  [
    'field-type-invalid (env)',
    { containers: [c('app', { env: 'MODE=a' })] },
    s => [typeError(`${s}.containers[0].env`, 'MODE=a', 'a list', 'a string')],
  ],
  [
    'label-key-invalid (nodeSelector)',
    { nodeSelector: { 'disk type': 'ssd' } },
    s => [
      err(
        'label-key-invalid',
        `${s}.nodeSelector`,
        'disk type',
        MSG.qualifiedNamePart,
        LABEL_KEY_FIX('disk type'),
      ),
    ],
  ],
  [
    'label-value-invalid (nodeSelector)',
    { nodeSelector: { disk: 'fast ssd' } },
    s => [
      err(
        'label-value-invalid',
        `${s}.nodeSelector`,
        'fast ssd',
        MSG.labelValue,
        `Change the value of "disk" to at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or to "".`,
      ),
    ],
  ],
  [
    'node-selector-label-deprecated',
    { nodeSelector: { 'beta.kubernetes.io/os': 'linux' } },
    s => [
      warn(
        'node-selector-label-deprecated',
        `${s}.nodeSelector[beta.kubernetes.io/os]`,
        'linux',
        'deprecated since v1.14; use "kubernetes.io/os" instead',
        'Replace nodeSelector key "beta.kubernetes.io/os" with "kubernetes.io/os".',
      ),
    ],
  ],
];

/** Each kind, how it carries a Pod spec (valid selector, labels and restart policy around it), and where. */
const KINDS: ReadonlyArray<[string, (spec: Json) => Json, string]> = [
  [
    'Pod',
    spec => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [CONTAINER], ...spec },
    }),
    'spec',
  ],
  ['Deployment', spec => deployment({ template: template(spec) }), 'spec.template.spec'],
  ['StatefulSet', spec => statefulSet({ template: template(spec) }), 'spec.template.spec'],
  ['DaemonSet', spec => daemonSet({ template: template(spec) }), 'spec.template.spec'],
  ['ReplicaSet', spec => replicaSet({ template: template(spec) }), 'spec.template.spec'],
  ['Job', spec => job({ template: template({ restartPolicy: 'Never', ...spec }) }), 'spec.template.spec'],
  [
    'CronJob',
    spec => cronJob({}, {}, { template: template({ restartPolicy: 'OnFailure', ...spec }) }),
    'spec.jobTemplate.spec.template.spec',
  ],
];

const CASES = BAD_SPECS.flatMap(([rule, spec, expected]) =>
  KINDS.map(([kind, wrap, specPath]) => [rule, kind, wrap(spec), expected(specPath)] as const),
);

describe('Pod-spec rules on every pod-bearing kind', () => {
  test.each(CASES)('fails %s in a %s at its Pod spec path', (_, __, obj, expected) => {
    expect(validateManifest(obj)).toEqual(expected);
  });

  test('the table covers every Pod-spec rule id', () => {
    const covered = new Set(BAD_SPECS.map(([rule]) => rule.split(' ')[0]));
    expect([...covered].sort()).toEqual([
      'container-host-port-invalid',
      'container-image-required',
      'container-name-duplicate',
      'container-name-invalid',
      'container-name-required',
      'container-port-invalid',
      'container-port-name-duplicate',
      'container-port-name-invalid',
      'container-port-protocol-unsupported',
      'container-port-required',
      'env-var-name-duplicate',
      'env-var-name-invalid',
      'env-var-name-required',
      'field-type-invalid',
      'label-key-invalid',
      'label-value-invalid',
      'node-selector-label-deprecated',
      'pod-container-port-conflict',
      'pod-containers-required',
      'pod-host-port-conflict',
    ]);
  });

  test.each(KINDS.map(([kind, wrap]) => [kind, wrap({ containers: [c('app')] })] as const))(
    'passes a valid spec in a %s',
    (_, obj) => {
      expect(validateManifest(obj)).toEqual([]);
    },
  );
});
