import { isConfigMapKey, validateEnvSources } from '../../lib/rules/env-sources';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG } from './fixtures';

type Json = Record<string, unknown>;

const C = 'spec.containers[0]';
const V = `${C}.env[0].valueFrom`;
const KEY_ERR =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ONE_OF = `Give ${V} exactly one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef, and remove ${C}.env[0].value.`;
const ENV_FIELDS =
  'metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs';

function check(container: Json): ValidationError[] {
  const out: ValidationError[] = [];
  validateEnvSources({ name: 'app', ...container }, C, out);
  return out;
}

const valueFrom = (source: Json, extra: Json = {}) => ({ env: [{ name: 'X', valueFrom: source, ...extra }] });

describe('env sources', () => {
  test.each<[string, Json, ValidationError[]]>([
    [
      'fails a valueFrom without a source',
      valueFrom({}),
      [
        err(
          'env-value-from-invalid',
          V,
          '',
          'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
          ONE_OF,
        ),
      ],
    ],
    [
      'fails a valueFrom next to a value',
      valueFrom({ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } }, { value: 'x' }),
      [err('env-value-from-invalid', V, '', 'may not be specified when `value` is not empty', ONE_OF)],
    ],
    [
      'fails two sources',
      valueFrom({ secretKeyRef: { name: 's', key: 'k' }, configMapKeyRef: { name: 'c', key: 'k' } }),
      [err('env-value-from-invalid', V, '', 'may not have more than one field specified at a time', ONE_OF)],
    ],
    [
      'fails a fieldRef without apiVersion (before defaulting) and one an env var cannot read',
      {
        env: [
          { name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'B', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } } },
        ],
      },
      [
        err(
          'field-ref-api-version-required',
          `${V}.fieldRef.apiVersion`,
          undefined,
          'Required value',
          `Set ${V}.fieldRef.apiVersion to v1.`,
        ),
        err(
          'field-ref-field-path-unsupported',
          `${C}.env[1].valueFrom.fieldRef.fieldPath`,
          'metadata.labels',
          'Unsupported value: supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.podIP", "status.podIPs"',
          `Set ${C}.env[1].valueFrom.fieldRef.fieldPath to one of ${ENV_FIELDS}.`,
        ),
      ],
    ],
    [
      'fails a fieldRef of another API version and a subscript on a field that has none',
      {
        env: [
          { name: 'A', valueFrom: { fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } } },
          { name: 'B', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "spec.nodeName['x']" } } },
        ],
      },
      [
        err(
          'field-ref-field-path-invalid',
          `${V}.fieldRef.fieldPath`,
          'metadata.name',
          'error converting fieldPath: unsupported pod version: v2',
          `Set ${V}.fieldRef.fieldPath to one of ${ENV_FIELDS}.`,
        ),
        err(
          'field-ref-field-path-invalid',
          `${C}.env[1].valueFrom.fieldRef.fieldPath`,
          "spec.nodeName['x']",
          "error converting fieldPath: field label does not support subscript: spec.nodeName['x']",
          `Set ${C}.env[1].valueFrom.fieldRef.fieldPath to one of ${ENV_FIELDS}.`,
        ),
      ],
    ],
    [
      'fails a resourceFieldRef of an unknown resource and a cpu divisor the API refuses',
      {
        env: [
          { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } },
          { name: 'B', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '10m' } } },
        ],
      },
      [
        err(
          'resource-field-ref-resource-unsupported',
          `${V}.resourceFieldRef.resource`,
          'limits.gpu',
          'Unsupported value: supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
          `Set ${V}.resourceFieldRef.resource to one of limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory, requests.ephemeral-storage, or requests.hugepages-<size> or limits.hugepages-<size>.`,
        ),
        err(
          'resource-field-ref-divisor-invalid',
          `${C}.env[1].valueFrom.resourceFieldRef.divisor`,
          'limits.cpu',
          "only divisor's values 1m and 1 are supported with the cpu resource",
          `Set ${C}.env[1].valueFrom.resourceFieldRef.divisor to one of the divisors the message lists, or remove it.`,
        ),
      ],
    ],
    [
      'fails a memory divisor in bytes that is not a unit',
      valueFrom({ resourceFieldRef: { resource: 'requests.memory', divisor: '1024' } }),
      [
        err(
          'resource-field-ref-divisor-invalid',
          `${V}.resourceFieldRef.divisor`,
          'requests.memory',
          "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource",
          `Set ${V}.resourceFieldRef.divisor to one of the divisors the message lists, or remove it.`,
        ),
      ],
    ],
    [
      'fails a secretKeyRef without name or key, and a configMapKeyRef key with a space',
      {
        env: [
          { name: 'A', valueFrom: { secretKeyRef: {} } },
          { name: 'B', valueFrom: { configMapKeyRef: { name: 'conf', key: 'a key' } } },
        ],
      },
      [
        err(
          'env-key-ref-name-invalid',
          `${V}.secretKeyRef.name`,
          '',
          MSG.dns1123Subdomain,
          `Set ${V}.secretKeyRef.name to the Secret's name.`,
        ),
        err(
          'env-key-ref-key-required',
          `${V}.secretKeyRef.key`,
          undefined,
          'Required value',
          `Set ${V}.secretKeyRef.key to the Secret entry to read.`,
        ),
        err(
          'env-key-ref-key-invalid',
          `${C}.env[1].valueFrom.configMapKeyRef.key`,
          'a key',
          KEY_ERR,
          `Set ${C}.env[1].valueFrom.configMapKeyRef.key to letters, digits, '-', '_' or '.', not starting with '..'.`,
        ),
      ],
    ],
    [
      "fails envFrom without a source or with two, at upstream's index-less path, a bad prefix and a ConfigMap without name",
      {
        envFrom: [
          { prefix: '1_' },
          { configMapRef: { name: 'c' }, secretRef: { name: 's' } },
          { configMapRef: {} },
        ],
      },
      [
        err(
          'env-from-prefix-invalid',
          `${C}.envFrom[0].prefix`,
          '1_',
          MSG.envVarName,
          "Use letters, digits, '_', '-' or '.' in the prefix, not starting with a digit.",
        ),
        err(
          'env-from-source-invalid',
          `${C}.envFrom`,
          '',
          'must specify one of: `configMapRef` or `secretRef`',
          `Give ${C}.envFrom[0] exactly one of configMapRef or secretRef.`,
        ),
        err(
          'env-from-source-invalid',
          `${C}.envFrom`,
          '',
          'may not have more than one field specified at a time',
          `Give ${C}.envFrom[1] exactly one of configMapRef or secretRef.`,
        ),
        err(
          'env-from-name-required',
          `${C}.envFrom[2].configMapRef.name`,
          undefined,
          'Required value',
          `Set ${C}.envFrom[2].configMapRef.name to the ConfigMap's name.`,
        ),
      ],
    ],
  ])('%s', (_name, container, expected) => {
    expect(check(container)).toEqual(expected);
  });

  test.each<[string, Json]>([
    [
      'the blog secret reference',
      valueFrom({ secretKeyRef: { name: 'pooh-db-secret', key: 'mysql-root-password' } }),
    ],
    ['a label subscript', valueFrom({ fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } })],
    ['the legacy spec.host', valueFrom({ fieldRef: { apiVersion: 'v1', fieldPath: 'spec.host' } })],
    [
      'a hugepages resource with a binary divisor',
      valueFrom({ resourceFieldRef: { resource: 'limits.hugepages-2Mi', divisor: '1Mi' } }),
    ],
    [
      'a cpu divisor of 1000m, which prints as 1',
      valueFrom({ resourceFieldRef: { resource: 'limits.cpu', divisor: '1000m' } }),
    ],
    [
      'an envFrom prefix and a generated-looking name',
      { envFrom: [{ prefix: 'APP_', configMapRef: { name: 'settings-' } }] },
    ],
  ])('passes %s', (_name, container) => {
    expect(check(container)).toEqual([]);
  });

  test('isConfigMapKey gives every upstream reason', () => {
    expect(isConfigMapKey('..a')).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey('.')).toEqual(["must not be '.'"]);
    expect(isConfigMapKey('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
    expect(isConfigMapKey('ok.key_1-2')).toEqual([]);
  });
});
