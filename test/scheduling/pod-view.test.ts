import type { ValidationError } from '../../lib/rules/problem';
import { readSchedulingPod } from '../../lib/scheduling/pod-view';
import { container } from './fixtures';

type Json = Record<string, unknown>;
const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const requestsOf = (spec: Json): Record<string, bigint> => {
  const problems: ValidationError[] = [];
  const view = readSchedulingPod(spec, 'spec', problems);
  expect(problems).toEqual([]);
  return Object.fromEntries(view.requests);
};

describe('readSchedulingPod: the request the scheduler computes', () => {
  test.each<[string, Json, Record<string, bigint>]>([
    [
      'sums regular containers',
      {
        containers: [container({ cpu: '250m', memory: '512Mi' }), container({ cpu: '50m', memory: '32Mi' })],
      },
      { cpu: 300n, memory: 544n * 2n ** 20n },
    ],
    [
      'counts a container without requests as 0',
      { containers: [container(), container({ cpu: '1' })] },
      { cpu: 1000n },
    ],
    [
      'defaults requests to limits per resource',
      {
        containers: [
          {
            name: 'a',
            image: 'x',
            resources: { requests: { cpu: '100m' }, limits: { cpu: '1', memory: '1Gi' } },
          },
        ],
      },
      { cpu: 100n, memory: 2n ** 30n },
    ],
    [
      'takes the larger of the containers and the largest init container, per resource',
      {
        containers: [container({ cpu: '2', memory: '1G' }), container({ cpu: '1', memory: '1G' })],
        initContainers: [container({ cpu: '2', memory: '1G' }), container({ cpu: '2', memory: '3G' })],
      },
      { cpu: 3000n, memory: 3_000_000_000n },
    ],
    [
      'adds sidecars to the containers and to the init containers after them',
      {
        containers: [container({ cpu: '1' })],
        initContainers: [container({ cpu: '500m' }, { restartPolicy: 'Always' }), container({ cpu: '2' })],
      },
      { cpu: 2500n },
    ],
    [
      'adds spec.overhead',
      { containers: [container({ cpu: '250m' })], overhead: { cpu: '100m', memory: '64Mi' } },
      { cpu: 350n, memory: 64n * 2n ** 20n },
    ],
    [
      'rounds each resource up after summing exactly',
      { containers: [container({ cpu: '0.5m', memory: '0.5' }), container({ cpu: '0.5m', memory: '0.5' })] },
      { cpu: 1n, memory: 1n },
    ],
    [
      'rounds a lone fraction up',
      { containers: [container({ cpu: '0.1m', memory: '0.1Ki' })] },
      { cpu: 1n, memory: 103n },
    ],
    [
      'keeps extended resources and hugepages, drops untracked names',
      {
        containers: [container({ 'nvidia.com/gpu': '1', 'hugepages-2Mi': '4Mi', storage: '1Gi', pods: '2' })],
      },
      { 'nvidia.com/gpu': 1n, 'hugepages-2Mi': 4n * 2n ** 20n },
    ],
    [
      'reads JSON numbers as quantities',
      { containers: [container({ cpu: 2 as unknown as string, memory: 128974848 as unknown as string })] },
      { cpu: 2000n, memory: 128974848n },
    ],
  ])('%s', (_, spec, expected) => {
    expect(requestsOf(spec)).toEqual(expected);
  });
});

describe('readSchedulingPod: what else the filters read', () => {
  test('defaults hostPort to containerPort under hostNetwork, TCP and the wildcard IP', () => {
    const view = readSchedulingPod(
      {
        hostNetwork: true,
        containers: [
          container(
            {},
            { ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP', hostIP: '10.0.0.1' }] },
          ),
        ],
      },
      'spec.template.spec',
      [],
    );
    expect(view.hostPorts).toEqual([
      { path: 'spec.template.spec.containers[0].ports[0]', ip: '0.0.0.0', protocol: 'TCP', port: 80 },
      { path: 'spec.template.spec.containers[0].ports[1]', ip: '10.0.0.1', protocol: 'UDP', port: 53 },
    ]);
  });

  test('reads the priority, preemption policy, scheduler and restart policy', () => {
    const view = readSchedulingPod(
      {
        priorityClassName: 'high',
        preemptionPolicy: 'Never',
        schedulerName: 'custom',
        restartPolicy: 'OnFailure',
        containers: [],
      },
      'spec',
      [],
    );
    expect([view.hasPriority, view.preemptNever, view.schedulerName, view.longRunning]).toEqual([
      true,
      true,
      'custom',
      false,
    ]);
    const plain = readSchedulingPod({ containers: [] }, 'spec', []);
    expect([plain.hasPriority, plain.preemptNever, plain.schedulerName, plain.longRunning]).toEqual([
      false,
      false,
      'default-scheduler',
      true,
    ]);
  });

  test('fails on quantities the API server rejects, naming the field', () => {
    const problems: ValidationError[] = [];
    const view = readSchedulingPod(
      {
        containers: [
          container(
            { cpu: '2 cores', memory: '-1Gi' },
            { resources: { requests: { cpu: '2 cores', memory: '-1Gi' }, limits: { memory: true } } },
          ),
        ],
      },
      'spec',
      problems,
    );
    expect(problems).toEqual([
      {
        rule: 'resource-quantity-invalid',
        severity: 'error',
        field: 'spec.containers[0].resources.requests[cpu]',
        value: '2 cores',
        message: FORMAT,
        fix: 'Write spec.containers[0].resources.requests[cpu] as a number with an optional suffix, e.g. 250m, 1.5, 512Mi or 1e3.',
      },
      {
        rule: 'resource-quantity-invalid',
        severity: 'error',
        field: 'spec.containers[0].resources.requests[memory]',
        value: '-1Gi',
        message: 'must be greater than or equal to 0',
        fix: 'Set spec.containers[0].resources.requests[memory] to a quantity of 0 or more.',
      },
      {
        rule: 'field-type-invalid',
        severity: 'error',
        field: 'spec.containers[0].resources.limits[memory]',
        value: true,
        message: 'must be a quantity string; the API server cannot decode a boolean into this field',
        fix: 'Set spec.containers[0].resources.limits[memory] to a quantity string, or remove it.',
      },
    ]);
    // Neither bad request counts, nor is it defaulted from a limit.
    expect(Object.fromEntries(view.requests)).toEqual({});
  });
});
