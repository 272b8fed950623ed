import type { ValidationError } from '../../lib/rules/problem';
import { validateResources } from '../../lib/rules/resources';
import { err } from './fixtures';

type Json = Record<string, unknown>;

const R = 'spec.containers[0].resources';
const NAME_FIX =
  'Use cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with a domain such as example.com/gpu.';

function check(resources: Json): ValidationError[] {
  const out: ValidationError[] = [];
  validateResources({ name: 'app', resources }, 'spec.containers[0]', out);
  return out;
}

describe('validateResources', () => {
  test.each<[string, Json, ValidationError[]]>([
    [
      'fails a resource name without a domain that is not a container resource',
      { limits: { gpu: '1' } },
      [
        err(
          'resource-name-invalid',
          `${R}.limits[gpu]`,
          'gpu',
          'must be a standard resource type or fully qualified',
          NAME_FIX,
        ),
        err(
          'resource-name-invalid',
          `${R}.limits[gpu]`,
          'gpu',
          'must be a standard resource for containers',
          NAME_FIX,
        ),
      ],
    ],
    [
      'fails a quota resource in a container',
      { requests: { pods: '1' } },
      [
        err(
          'resource-name-invalid',
          `${R}.requests[pods]`,
          'pods',
          'must be a standard resource for containers',
          NAME_FIX,
        ),
      ],
    ],
    [
      'fails an extended resource named like a quota',
      { limits: { 'requests.example.com/gpu': '1' } },
      [
        err(
          'resource-name-invalid',
          `${R}.limits[requests.example.com/gpu]`,
          'requests.example.com/gpu',
          "doesn't follow extended resource name standard",
          NAME_FIX,
        ),
      ],
    ],
    [
      'fails a negative value',
      { requests: { cpu: '-100m' } },
      [
        err(
          'resource-quantity-negative',
          `${R}.requests[cpu]`,
          '-100m',
          'must be greater than or equal to 0',
          'Set spec.containers[0].resources.requests[cpu] to 0 or more.',
        ),
      ],
    ],
    [
      'fails a value that is no quantity',
      { limits: { cpu: 'one' } },
      [
        err(
          'quantity-invalid',
          `${R}.limits[cpu]`,
          'one',
          "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
          'Write spec.containers[0].resources.limits[cpu] as a number with an optional suffix, e.g. "500m", "1", "128Mi" or "1Gi".',
        ),
      ],
    ],
    [
      'fails requests above limits, naming the limit as upstream prints it',
      { requests: { cpu: '1.5', memory: '1Gi' }, limits: { cpu: '1000m', memory: '512Mi' } },
      [
        err(
          'resource-request-exceeds-limit',
          `${R}.requests`,
          '1.5',
          'must be less than or equal to cpu limit of 1',
          'Lower spec.containers[0].resources.requests[cpu] to at most the limit, or raise spec.containers[0].resources.limits[cpu].',
        ),
        err(
          'resource-request-exceeds-limit',
          `${R}.requests`,
          '1Gi',
          'must be less than or equal to memory limit of 512Mi',
          'Lower spec.containers[0].resources.requests[memory] to at most the limit, or raise spec.containers[0].resources.limits[memory].',
        ),
      ],
    ],
    [
      'fails an extended resource that is fractional, requested without a limit',
      { requests: { 'example.com/gpu': '0.5' } },
      [
        err(
          'resource-quantity-not-integer',
          `${R}.requests[example.com/gpu]`,
          '0.5',
          'must be an integer',
          'Set spec.containers[0].resources.requests[example.com/gpu] to a whole number.',
        ),
        err(
          'resource-limit-required',
          `${R}.limits`,
          undefined,
          'Required value: Limit must be set for non overcommitable resources',
          'Set spec.containers[0].resources.limits[example.com/gpu] equal to its request.',
        ),
      ],
    ],
    [
      'fails an extended resource requested below its limit',
      { requests: { 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '2' } },
      [
        err(
          'resource-request-not-equal-limit',
          `${R}.requests`,
          '1',
          'must be equal to example.com/gpu limit of 2',
          'Set spec.containers[0].resources.requests[example.com/gpu] equal to spec.containers[0].resources.limits[example.com/gpu]: example.com/gpu cannot be overcommitted.',
        ),
      ],
    ],
    [
      'fails hugepages that are not whole pages',
      {
        limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' },
        requests: { 'hugepages-2Mi': '3Mi', memory: '1Gi' },
      },
      [
        err(
          'resource-hugepages-not-divisible',
          `${R}.limits[hugepages-2Mi]`,
          '3Mi',
          '3Mi is not positive integer multiple of hugepages-2Mi',
          'Set spec.containers[0].resources.limits[hugepages-2Mi] to a whole number of 2Mi pages.',
        ),
        err(
          'resource-hugepages-not-divisible',
          `${R}.requests[hugepages-2Mi]`,
          '3Mi',
          '3Mi is not positive integer multiple of hugepages-2Mi',
          'Set spec.containers[0].resources.requests[hugepages-2Mi] to a whole number of 2Mi pages.',
        ),
      ],
    ],
    [
      'fails hugepages without cpu or memory',
      { limits: { 'hugepages-1Gi': '2Gi' }, requests: { 'hugepages-1Gi': '2Gi' } },
      [
        err(
          'resource-hugepages-without-compute',
          R,
          undefined,
          'Forbidden: HugePages require cpu or memory',
          'Request cpu or memory in spec.containers[0].resources next to the hugepages.',
        ),
      ],
    ],
  ])('%s', (_name, resources, expected) => {
    expect(check(resources)).toEqual(expected);
  });

  test.each<[string, Json]>([
    [
      'the blog container',
      { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1000m', memory: '1024Mi' } },
    ],
    ['numbers where strings are usual', { requests: { cpu: 0.5, memory: 134217728 }, limits: { cpu: 1 } }],
    [
      'values equal once rounded up to milli, as the server stores them',
      { requests: { cpu: '1.0002' }, limits: { cpu: '1.0001' } },
    ],
    [
      'ephemeral storage',
      { requests: { 'ephemeral-storage': '1Gi' }, limits: { 'ephemeral-storage': '2Gi' } },
    ],
    [
      'an extended resource at its limit',
      { requests: { 'example.com/gpu': '2' }, limits: { 'example.com/gpu': '2' } },
    ],
    ['a native resource with a domain', { limits: { 'kubernetes.io/batteries': '1' } }],
    [
      'hugepages with memory',
      {
        limits: { 'hugepages-2Mi': '4Mi', memory: '1Gi' },
        requests: { 'hugepages-2Mi': '4Mi', memory: '1Gi' },
      },
    ],
    ['an empty object', {}],
  ])('passes %s', (_name, resources) => {
    expect(check(resources)).toEqual([]);
  });
});
