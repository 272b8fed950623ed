import { DEPRECATED_NODE_LABELS, deprecatedNodeSelectorLabels } from '../../lib/rules/node-selector';
import type { ValidationError } from '../../lib/rules/problem';

describe('deprecatedNodeSelectorLabels', () => {
  test.each<[string, string, string, string]>([
    ['beta.kubernetes.io/os', 'linux', 'v1.14', 'kubernetes.io/os'],
    ['beta.kubernetes.io/arch', 'amd64', 'v1.14', 'kubernetes.io/arch'],
    ['failure-domain.beta.kubernetes.io/zone', 'eu-1a', 'v1.17', 'topology.kubernetes.io/zone'],
    ['failure-domain.beta.kubernetes.io/region', 'eu-1', 'v1.17', 'topology.kubernetes.io/region'],
    ['beta.kubernetes.io/instance-type', 'm5.large', 'v1.17', 'node.kubernetes.io/instance-type'],
  ])('fails (warns) on %s', (key, value, since, replacement) => {
    const expected: ValidationError = {
      rule: 'node-selector-label-deprecated',
      severity: 'warning',
      field: `spec.nodeSelector[${key}]`,
      value,
      message: `deprecated since ${since}; use "${replacement}" instead`,
      fix: `Replace nodeSelector key "${key}" with "${replacement}".`,
    };
    expect(deprecatedNodeSelectorLabels({ nodeSelector: { [key]: value } })).toEqual([expected]);
  });

  test.each<[string, unknown]>([
    ['current labels', { 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': 'a' }],
    ['no selector', undefined],
    ['a selector of the wrong type (reported elsewhere)', 'linux'],
    ['a key named like an Object.prototype member', { constructor: 'x' }],
  ])('passes %s', (_, nodeSelector) => {
    expect(deprecatedNodeSelectorLabels({ nodeSelector })).toEqual([]);
  });

  test('covers the five deprecated labels', () => {
    expect(Object.keys(DEPRECATED_NODE_LABELS)).toHaveLength(5);
  });
});
