import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG } from './fixtures';

type Json = Record<string, unknown>;

const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';
const LABEL_FIX = 'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.';
const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const V0 = 'spec.volumes[0]';

/** The problems of a valid Pod given these volumes. */
function check(...volumes: Json[]): ValidationError[] {
  return validatePod({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], volumes },
  });
}

describe('volumes', () => {
  test.each<[string, Json[], ValidationError[]]>([
    [
      'fails a volume without a source',
      [{ name: 'data' }],
      [
        err(
          'volume-source-required',
          V0,
          undefined,
          'Required value: must specify a volume type',
          'Give spec.volumes[0] a source such as emptyDir: {}, configMap, secret or persistentVolumeClaim.',
        ),
      ],
    ],
    [
      'fails two sources, at the second in upstream order',
      [{ name: 'data', hostPath: { path: '/srv' }, emptyDir: {} }],
      [
        err(
          'volume-source-multiple',
          `${V0}.hostPath`,
          undefined,
          'Forbidden: may not specify more than 1 volume type',
          'Keep one source in spec.volumes[0]: emptyDir or hostPath.',
        ),
      ],
    ],
    [
      "fails a second downwardAPI source at upstream's misspelt path",
      [{ name: 'data', emptyDir: {}, downwardAPI: {} }],
      [
        err(
          'volume-source-multiple',
          `${V0}.downwarAPI`,
          undefined,
          'Forbidden: may not specify more than 1 volume type',
          'Keep one source in spec.volumes[0]: emptyDir or downwardAPI.',
        ),
      ],
    ],
    [
      'fails a missing name',
      [{ emptyDir: {} }],
      [err('volume-name-required', `${V0}.name`, undefined, 'Required value', 'Set spec.volumes[0].name.')],
    ],
    [
      'fails a name that is not a DNS label',
      [{ name: 'Data', emptyDir: {} }],
      [err('volume-name-invalid', `${V0}.name`, 'Data', MSG.dns1123Label, LABEL_FIX)],
    ],
    [
      'fails a repeated name, at the second volume',
      [
        { name: 'data', emptyDir: {} },
        { name: 'data', emptyDir: {} },
      ],
      [
        err(
          'volume-name-duplicate',
          'spec.volumes[1].name',
          'data',
          'Duplicate value',
          'Give each volume of the Pod its own name.',
        ),
      ],
    ],
    [
      'fails a negative emptyDir sizeLimit',
      [{ name: 'data', emptyDir: { sizeLimit: '-1Gi' } }],
      [
        err(
          'volume-empty-dir-size-limit-invalid',
          `${V0}.emptyDir.sizeLimit`,
          '-1Gi',
          'Forbidden: SizeLimit field must be a valid resource quantity',
          'Set spec.volumes[0].emptyDir.sizeLimit to a positive size such as "1Gi", or remove it.',
        ),
      ],
    ],
    [
      'fails an emptyDir sizeLimit that is no quantity',
      [{ name: 'data', emptyDir: { sizeLimit: '1 GB' } }],
      [
        err(
          'quantity-invalid',
          `${V0}.emptyDir.sizeLimit`,
          '1 GB',
          FORMAT,
          'Write spec.volumes[0].emptyDir.sizeLimit as a number with an optional suffix, e.g. "500m", "1", "128Mi" or "1Gi".',
        ),
      ],
    ],
    [
      'fails an unknown emptyDir medium (stricter than the API server)',
      [{ name: 'data', emptyDir: { medium: 'Disk' } }],
      [
        err(
          'volume-empty-dir-medium-unsupported',
          `${V0}.emptyDir.medium`,
          'Disk',
          'Unsupported value: supported values: "", "HugePages", "HugePages-<size>", "Memory"',
          'Set spec.volumes[0].emptyDir.medium to "Memory" (tmpfs), "HugePages", or omit it for the node\'s disk.',
        ),
      ],
    ],
    [
      'fails a hostPath without a path',
      [{ name: 'data', hostPath: { path: '' } }],
      [
        err(
          'volume-host-path-required',
          `${V0}.hostPath.path`,
          '',
          'Required value',
          'Set spec.volumes[0].hostPath.path to a path on the node.',
        ),
      ],
    ],
    [
      'fails a hostPath with .. and an unknown type',
      [{ name: 'data', hostPath: { path: '/srv/../etc', type: 'Dir' } }],
      [
        err(
          'volume-host-path-invalid',
          `${V0}.hostPath.path`,
          '/srv/../etc',
          "must not contain '..'",
          "Remove the '..' elements from spec.volumes[0].hostPath.path.",
        ),
        err(
          'volume-host-path-type-unsupported',
          `${V0}.hostPath.type`,
          'Dir',
          'Unsupported value: supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
          'Set spec.volumes[0].hostPath.type to one of DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice, BlockDevice, or omit it.',
        ),
      ],
    ],
    [
      'fails a secret volume without secretName',
      [{ name: 'data', secret: {} }],
      [
        err(
          'volume-secret-name-required',
          `${V0}.secret.secretName`,
          undefined,
          'Required value',
          "Set spec.volumes[0].secret.secretName to the Secret's name.",
        ),
      ],
    ],
    [
      'fails a configMap defaultMode above 0777',
      [{ name: 'data', configMap: { name: 'conf', defaultMode: 512 } }],
      [
        err(
          'volume-file-mode-invalid',
          `${V0}.configMap.defaultMode`,
          512,
          FILE_MODE,
          'Set spec.volumes[0].configMap.defaultMode to a mode between 0 and 511 (0777 octal), e.g. 420 for 0644, or remove it.',
        ),
      ],
    ],
    [
      'fails configMap items without key, with an absolute path, with .. and a negative mode',
      [
        {
          name: 'data',
          configMap: {
            name: 'conf',
            items: [{ path: '/abs' }, { key: 'b', path: 'a/../b' }, { key: 'c', path: '..c', mode: -1 }],
          },
        },
      ],
      [
        err(
          'volume-item-key-required',
          `${V0}.configMap.items[0].key`,
          undefined,
          'Required value',
          'Set spec.volumes[0].configMap.items[0].key to the key to project.',
        ),
        err(
          'volume-item-path-invalid',
          `${V0}.configMap.items[0].path`,
          '/abs',
          'must be a relative path',
          "Make spec.volumes[0].configMap.items[0].path relative: drop the leading '/'.",
        ),
        err(
          'volume-item-path-invalid',
          `${V0}.configMap.items[1].path`,
          'a/../b',
          "must not contain '..'",
          "Remove the '..' elements from spec.volumes[0].configMap.items[1].path.",
        ),
        err(
          'volume-item-path-invalid',
          `${V0}.configMap.items[2].path`,
          '..c',
          "must not start with '..'",
          "Rename spec.volumes[0].configMap.items[2].path so it does not start with '..'.",
        ),
        err(
          'volume-file-mode-invalid',
          `${V0}.configMap.items[2].mode`,
          -1,
          FILE_MODE,
          'Set spec.volumes[0].configMap.items[2].mode to a mode between 0 and 511 (0777 octal), e.g. 420 for 0644, or remove it.',
        ),
      ],
    ],
    [
      'fails a persistentVolumeClaim without claimName',
      [{ name: 'data', persistentVolumeClaim: { readOnly: true } }],
      [
        err(
          'volume-claim-name-required',
          `${V0}.persistentVolumeClaim.claimName`,
          undefined,
          'Required value',
          "Set spec.volumes[0].persistentVolumeClaim.claimName to the PersistentVolumeClaim's name.",
        ),
      ],
    ],
    [
      'fails an nfs volume without server and path, reporting the empty path as not absolute too',
      [{ name: 'data', nfs: {} }],
      [
        err(
          'volume-nfs-server-required',
          `${V0}.nfs.server`,
          undefined,
          'Required value',
          "Set spec.volumes[0].nfs.server to the NFS server's host name or IP.",
        ),
        err(
          'volume-nfs-path-required',
          `${V0}.nfs.path`,
          undefined,
          'Required value',
          'Set spec.volumes[0].nfs.path to the exported path, e.g. "/exports".',
        ),
        err(
          'volume-nfs-path-invalid',
          `${V0}.nfs.path`,
          '',
          'must be an absolute path',
          'Set spec.volumes[0].nfs.path to an absolute path, e.g. "/exports".',
        ),
      ],
    ],
    [
      "fails a downwardAPI file without fieldRef or resourceFieldRef, at the volume's path as upstream",
      [{ name: 'data', downwardAPI: { items: [{ path: 'labels' }] } }],
      [
        err(
          'volume-downward-api-source-required',
          `${V0}.downwardAPI`,
          undefined,
          'Required value: one of fieldRef and resourceFieldRef is required',
          'Give each downward API file a fieldRef (e.g. metadata.labels) or a resourceFieldRef.',
        ),
      ],
    ],
    [
      'fails a downwardAPI file reading a field a volume cannot show',
      [
        {
          name: 'data',
          downwardAPI: {
            items: [{ path: 'node', fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } }],
          },
        },
      ],
      [
        err(
          'field-ref-field-path-unsupported',
          `${V0}.downwardAPI.fieldRef.fieldPath`,
          'spec.nodeName',
          'Unsupported value: supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"',
          'Set spec.volumes[0].downwardAPI.fieldRef.fieldPath to one of metadata.annotations, metadata.labels, metadata.name, metadata.namespace, metadata.uid.',
        ),
      ],
    ],
    [
      'fails a downwardAPI file with an unknown field, a bad subscript and both refs',
      [
        {
          name: 'data',
          downwardAPI: {
            items: [
              { path: 'a', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.foo' } },
              { path: 'b', fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['a b']" } },
              {
                path: 'c',
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' },
                resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' },
              },
            ],
          },
        },
      ],
      [
        err(
          'field-ref-field-path-invalid',
          `${V0}.downwardAPI.fieldRef.fieldPath`,
          'metadata.foo',
          'error converting fieldPath: field label not supported: metadata.foo',
          'Set spec.volumes[0].downwardAPI.fieldRef.fieldPath to one of metadata.annotations, metadata.labels, metadata.name, metadata.namespace, metadata.uid.',
        ),
        err(
          'field-ref-subscript-invalid',
          `${V0}.downwardAPI.fieldRef`,
          'a b',
          MSG.qualifiedNamePart,
          'Put a valid label or annotation key between the brackets of spec.volumes[0].downwardAPI.fieldRef.fieldPath.',
        ),
        err(
          'volume-downward-api-source-conflict',
          `${V0}.downwardAPI`,
          'resource',
          'fieldRef and resourceFieldRef can not be specified simultaneously',
          'Keep either fieldRef or resourceFieldRef on each downward API file.',
        ),
      ],
    ],
    [
      'fails a downwardAPI resourceFieldRef without containerName',
      [
        {
          name: 'data',
          downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }] },
        },
      ],
      [
        err(
          'resource-field-ref-container-name-required',
          `${V0}.downwardAPI.resourceFieldRef.containerName`,
          undefined,
          'Required value',
          'Set spec.volumes[0].downwardAPI.resourceFieldRef.containerName to the container whose resources the file shows.',
        ),
      ],
    ],
    [
      'fails projected sources that write one path twice, several kinds in one source, and a short-lived token without path',
      [
        {
          name: 'data',
          projected: {
            sources: [
              { secret: { name: 's', items: [{ key: 'a', path: 'x' }] } },
              { configMap: { name: 'c', items: [{ key: 'b', path: 'x' }] } },
              { serviceAccountToken: { expirationSeconds: 60 } },
              { secret: { name: 's2' }, configMap: { name: 'c2' } },
            ],
          },
        },
      ],
      [
        err(
          'volume-projected-path-duplicate',
          `${V0}.projected`,
          'c',
          'conflicting duplicate paths',
          'Give every file of spec.volumes[0].projected its own path.',
        ),
        err(
          'volume-token-expiration-invalid',
          `${V0}.projected.sources[2].serviceAccountToken.expirationSeconds`,
          60,
          'may not specify a duration less than 10 minutes',
          'Set spec.volumes[0].projected.sources[2].serviceAccountToken.expirationSeconds between 600 and 4294967296 seconds, or remove it for one hour.',
        ),
        err(
          'volume-token-path-required',
          `${V0}.projected.path`,
          undefined,
          'Required value',
          'Set spec.volumes[0].projected.sources[2].serviceAccountToken.path to the file name the token is written to.',
        ),
        err(
          'volume-projection-source-multiple',
          `${V0}.projected.sources[3]`,
          undefined,
          'Forbidden: may not specify more than 1 volume type',
          'Split spec.volumes[0].projected.sources[3] into one source per entry.',
        ),
      ],
    ],
    [
      'fails a csi volume without driver (required, and not a subdomain either)',
      [{ name: 'data', csi: {} }],
      [
        err(
          'volume-csi-driver-required',
          `${V0}.csi.driver`,
          undefined,
          'Required value',
          'Set spec.volumes[0].csi.driver to the CSI driver\'s name, e.g. "secrets-store.csi.k8s.io".',
        ),
        err(
          'volume-csi-driver-invalid',
          `${V0}.csi.driver`,
          '',
          MSG.dns1123Subdomain,
          'Set spec.volumes[0].csi.driver to the CSI driver\'s name, e.g. "secrets-store.csi.k8s.io".',
        ),
      ],
    ],
    [
      "fails a csi secret name at upstream's `csi.name`",
      [{ name: 'data', csi: { driver: 'secrets-store.csi.k8s.io', nodePublishSecretRef: { name: 'Bad' } } }],
      [
        err(
          'volume-csi-secret-name-invalid',
          `${V0}.csi.name`,
          'Bad',
          MSG.dns1123Subdomain,
          'Set spec.volumes[0].csi.nodePublishSecretRef.name to a valid Secret name.',
        ),
      ],
    ],
    [
      'fails an ephemeral volume without a claim template',
      [{ name: 'data', ephemeral: {} }],
      [
        err(
          'volume-claim-template-required',
          `${V0}.ephemeral.volumeClaimTemplate`,
          undefined,
          'Required value',
          'Set spec.volumes[0].ephemeral.volumeClaimTemplate.spec with accessModes and resources.requests.storage.',
        ),
      ],
    ],
    [
      'fails a claim template with a name, no access modes and no storage request',
      [{ name: 'data', ephemeral: { volumeClaimTemplate: { metadata: { name: 'x' }, spec: {} } } }],
      [
        err(
          'volume-claim-template-metadata-forbidden',
          `${V0}.ephemeral.volumeClaimTemplate.metadata.name`,
          'x',
          'Forbidden: cannot be set',
          "Remove spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name; the claim's name and namespace come from the Pod.",
        ),
        err(
          'volume-claim-access-modes-required',
          `${V0}.ephemeral.volumeClaimTemplate.spec.accessModes`,
          undefined,
          'Required value: at least 1 access mode is required',
          'Set spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes, e.g. ["ReadWriteOnce"].',
        ),
        err(
          'volume-claim-storage-required',
          `${V0}.ephemeral.volumeClaimTemplate.spec.resources[storage]`,
          undefined,
          'Required value',
          'Set spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests.storage to the size to provision, e.g. "1Gi".',
        ),
      ],
    ],
    [
      'fails a claim template with an unknown access mode and a zero storage request',
      [
        {
          name: 'data',
          ephemeral: {
            volumeClaimTemplate: {
              spec: { accessModes: ['RWO'], resources: { requests: { storage: '0' } } },
            },
          },
        },
      ],
      [
        err(
          'volume-claim-access-mode-unsupported',
          `${V0}.ephemeral.volumeClaimTemplate.spec.accessModes`,
          'RWO',
          'Unsupported value: supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
          'Use ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod in spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes.',
        ),
        err(
          'volume-claim-storage-invalid',
          `${V0}.ephemeral.volumeClaimTemplate.spec.resources[storage]`,
          '0',
          'must be greater than zero',
          'Set spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests.storage to the size to provision, e.g. "1Gi".',
        ),
      ],
    ],
  ])('%s', (_name, volumes, expected) => {
    expect(check(...volumes)).toEqual(expected);
  });

  test.each<[string, Json]>([
    ['an emptyDir', { name: 'data', emptyDir: {} }],
    [
      'an in-memory emptyDir with a size limit',
      { name: 'data', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
    ],
    ['a hugepages emptyDir', { name: 'data', emptyDir: { medium: 'HugePages-2Mi' } }],
    ['a hostPath with a type', { name: 'data', hostPath: { path: '/var/log', type: 'Directory' } }],
    [
      'a secret with items and modes',
      {
        name: 'data',
        secret: { secretName: 's', defaultMode: 0o400, items: [{ key: 'a', path: 'dir/a', mode: 0o777 }] },
      },
    ],
    ['a configMap', { name: 'data', configMap: { name: 'conf' } }],
    ['a claim', { name: 'data', persistentVolumeClaim: { claimName: 'db' } }],
    ['an nfs export', { name: 'data', nfs: { server: 'nfs.local', path: '/exports' } }],
    [
      'a downwardAPI volume with labels and a subscripted annotation',
      {
        name: 'data',
        downwardAPI: {
          items: [
            { path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } },
            { path: 'team', fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['Team']" } },
            {
              path: 'cpu',
              resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' },
            },
          ],
        },
      },
    ],
    [
      'a projected volume with a token, a secret and the downward API',
      {
        name: 'data',
        projected: {
          sources: [
            { serviceAccountToken: { path: 'token', expirationSeconds: 600 } },
            { secret: { name: 's' } },
            {
              downwardAPI: {
                items: [{ path: 'name', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } }],
              },
            },
          ],
        },
      },
    ],
    [
      'a csi volume',
      { name: 'data', csi: { driver: 'Secrets-Store.csi.k8s.io', nodePublishSecretRef: { name: 's' } } },
    ],
    [
      'an ephemeral volume',
      {
        name: 'data',
        ephemeral: {
          volumeClaimTemplate: {
            metadata: { labels: { app: 'web' } },
            spec: { accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Gi' } } },
          },
        },
      },
    ],
    ['a source this package does not look into', { name: 'data', gcePersistentDisk: { pdName: 'disk' } }],
  ])('passes %s', (_name, volume) => {
    expect(check(volume)).toEqual([]);
  });

  test('a Pod whose generic ephemeral volume claim name is too long fails, and a claim may not name it', () => {
    const long = 'a'.repeat(250);
    const problems = validatePod({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: long },
      spec: {
        containers: [{ name: 'app', image: 'nginx:1.25' }],
        volumes: [
          {
            name: 'scratch',
            ephemeral: {
              volumeClaimTemplate: {
                spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
              },
            },
          },
          { name: 'other', persistentVolumeClaim: { claimName: `${long}-scratch` } },
        ],
      },
    });
    expect(problems).toEqual([
      err(
        'volume-ephemeral-claim-name-invalid',
        `${V0}.name`,
        'scratch',
        `PVC name "${long}-scratch": must be no more than 253 characters`,
        'Shorten the Pod or volume name: the claim is named <pod>-<volume>.',
      ),
      err(
        'volume-claim-ephemeral-reference',
        'spec.volumes[1].persistentVolumeClaim.claimName',
        `${long}-scratch`,
        'must not reference a PVC that gets created for an ephemeral volume',
        'Mount the ephemeral volume itself instead of its generated claim.',
      ),
    ]);
  });
});
