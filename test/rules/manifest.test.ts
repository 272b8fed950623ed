import fc from 'fast-check';
import { checkedKind, validateManifest } from '../../lib/rules/manifest';
import type { ValidationError } from '../../lib/rules/problem';
import { MSG, pod, podWith, service } from './fixtures';

const deprecatedOs: ValidationError = {
  rule: 'node-selector-label-deprecated',
  severity: 'warning',
  field: 'spec.nodeSelector[beta.kubernetes.io/os]',
  value: 'linux',
  message: 'deprecated since v1.14; use "kubernetes.io/os" instead',
  fix: 'Replace nodeSelector key "beta.kubernetes.io/os" with "kubernetes.io/os".',
};

describe('validateManifest', () => {
  test.each<[string, unknown, ValidationError[]]>([
    [
      'fails a Pod with a bad container port',
      podWith({ ports: [{ containerPort: 70000 }] }),
      [
        {
          rule: 'container-port-invalid',
          severity: 'error',
          field: 'spec.containers[0].ports[0].containerPort',
          value: 70000,
          message: MSG.portRange,
          fix: 'Set spec.containers[0].ports[0].containerPort to a port between 1 and 65535.',
        },
      ],
    ],
    [
      'fails a Service with a bad name',
      service({}, { name: 'Web' }),
      [
        {
          rule: 'metadata-name-invalid',
          severity: 'error',
          field: 'metadata.name',
          value: 'Web',
          message: MSG.dns1035Label,
          fix: "Use at most 63 lower-case alphanumerics or '-', starting with a letter and ending alphanumeric.",
        },
      ],
    ],
    [
      'fails (warns) a deprecated node label',
      pod({ nodeSelector: { 'beta.kubernetes.io/os': 'linux' } }),
      [deprecatedOs],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validateManifest(manifest)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['a valid Pod', pod()],
    ['a valid Service', service()],
    ['a ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad Name' } }],
    [
      'an extensions/v1beta1 Deployment',
      { apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'Bad Name' } },
    ],
    ['a Pod of another apiVersion', { ...pod({}, { name: 'Bad Name' }), apiVersion: 'v2' }],
    ['null', null],
    ['a string', 'kind: Pod'],
    ['an array', [pod()]],
  ])('passes %s', (_, manifest) => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  test('suppress silences a warning rule', () => {
    const manifest = pod({ nodeSelector: { 'beta.kubernetes.io/os': 'linux' } });
    expect(validateManifest(manifest, { suppress: ['node-selector-label-deprecated'] })).toEqual([]);
  });

  test('suppressing an error rule id has no effect', () => {
    const manifest = service({}, { name: 'Web' });
    expect(validateManifest(manifest, { suppress: ['metadata-name-invalid'] })).toHaveLength(1);
  });

  test('checkedKind names only v1 Pods and Services', () => {
    expect([
      checkedKind(pod()),
      checkedKind(service()),
      checkedKind({ apiVersion: 'v1', kind: 'ConfigMap' }),
    ]).toEqual(['Pod', 'Service', undefined]);
  });

  const isProblem = (p: ValidationError): boolean =>
    typeof p.rule === 'string' &&
    (p.severity === 'error' || p.severity === 'warning') &&
    typeof p.field === 'string' &&
    typeof p.message === 'string' &&
    typeof p.fix === 'string';

  test('property: never throws on arbitrary input, at any depth', () => {
    const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true });
    const kinds = fc.constantFrom('Pod', 'Service');
    const shaped = fc.oneof(
      anything,
      fc
        .tuple(kinds, anything, anything)
        .map(([kind, metadata, spec]) => ({ apiVersion: 'v1', kind, metadata, spec })),
      fc.tuple(anything, anything, anything).map(([containers, ports, env]) =>
        pod({
          containers: [{ name: 'a', image: 'b', ports, env }, containers],
          initContainers: containers,
          nodeSelector: env,
        }),
      ),
      fc.tuple(anything, anything, anything).map(([ports, selector, type]) =>
        service({
          ports: [ports, { port: ports, targetPort: selector, nodePort: type }],
          selector,
          type,
          clusterIPs: type,
        }),
      ),
    );
    fc.assert(
      fc.property(shaped, manifest => validateManifest(manifest).every(isProblem)),
      { numRuns: 200 },
    );
  });
});
