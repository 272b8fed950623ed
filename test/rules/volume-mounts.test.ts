import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err } from './fixtures';

type Json = Record<string, unknown>;

const M = 'spec.containers[0].volumeMounts';
const D = 'spec.containers[0].volumeDevices';
const VOLUMES = [
  { name: 'data', emptyDir: {} },
  { name: 'disk', persistentVolumeClaim: { claimName: 'disk' } },
  {
    name: 'scratch',
    ephemeral: {
      volumeClaimTemplate: {
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    },
  },
];

/** The problems of a Pod with three volumes whose one container has these fields. */
function check(container: Json, volumes: Json[] = VOLUMES): ValidationError[] {
  return validatePod({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25', ...container }], volumes },
  });
}

describe('volumeMounts and volumeDevices', () => {
  test.each<[string, Json, ValidationError[]]>([
    [
      'fails a mount of a volume the Pod does not have',
      { volumeMounts: [{ name: 'logs', mountPath: '/logs' }] },
      [
        err(
          'volume-mount-volume-not-found',
          `${M}[0].name`,
          'logs',
          'Not found',
          'Add a volume named "logs" to the Pod\'s volumes, or mount an existing one.',
        ),
      ],
    ],
    [
      'fails an empty mount: name required and not found, path required',
      { volumeMounts: [{}] },
      [
        err(
          'volume-mount-name-required',
          `${M}[0].name`,
          undefined,
          'Required value',
          "Set spec.containers[0].volumeMounts[0].name to one of the Pod's volumes.",
        ),
        err(
          'volume-mount-volume-not-found',
          `${M}[0].name`,
          '',
          'Not found',
          'Add a volume named "" to the Pod\'s volumes, or mount an existing one.',
        ),
        err(
          'volume-mount-path-required',
          `${M}[0].mountPath`,
          undefined,
          'Required value',
          'Set spec.containers[0].volumeMounts[0].mountPath to an absolute path in the container.',
        ),
      ],
    ],
    [
      'fails one path mounted twice',
      {
        volumeMounts: [
          { name: 'data', mountPath: '/data' },
          { name: 'data', mountPath: '/data' },
        ],
      },
      [
        err(
          'volume-mount-path-duplicate',
          `${M}[1].mountPath`,
          '/data',
          'must be unique',
          'Mount each path of a container once.',
        ),
      ],
    ],
    [
      "fails an absolute subPath and a subPathExpr with .., at upstream's index-less paths",
      {
        volumeMounts: [
          { name: 'data', mountPath: '/a', subPath: '/etc' },
          { name: 'data', mountPath: '/b', subPathExpr: '$(POD_NAME)/../x' },
        ],
      },
      [
        err(
          'volume-mount-sub-path-invalid',
          `${M}.subPath`,
          '/etc',
          'must be a relative path',
          "Make spec.containers[0].volumeMounts.subPath relative: drop the leading '/'.",
        ),
        err(
          'volume-mount-sub-path-invalid',
          `${M}.subPathExpr`,
          '$(POD_NAME)/../x',
          "must not contain '..'",
          "Remove the '..' elements from spec.containers[0].volumeMounts.subPathExpr.",
        ),
      ],
    ],
    [
      'fails subPath and subPathExpr together',
      { volumeMounts: [{ name: 'data', mountPath: '/a', subPath: 'a', subPathExpr: '$(POD_NAME)' }] },
      [
        err(
          'volume-mount-sub-path-conflict',
          `${M}[0].subPathExpr`,
          '$(POD_NAME)',
          'subPathExpr and subPath are mutually exclusive',
          'Keep either subPath or subPathExpr.',
        ),
      ],
    ],
    [
      'fails an unknown propagation',
      { volumeMounts: [{ name: 'data', mountPath: '/a', mountPropagation: 'Shared' }] },
      [
        err(
          'volume-mount-propagation-unsupported',
          `${M}.mountPropagation`,
          'Shared',
          'Unsupported value: supported values: "Bidirectional", "HostToContainer", "None"',
          'Set mountPropagation to None, HostToContainer or Bidirectional.',
        ),
      ],
    ],
    [
      'fails Bidirectional propagation in a container that is not privileged',
      { volumeMounts: [{ name: 'data', mountPath: '/a', mountPropagation: 'Bidirectional' }] },
      [
        err(
          'volume-mount-propagation-forbidden',
          `${M}.mountPropagation`,
          'Bidirectional',
          'Forbidden: Bidirectional mount propagation is available only to privileged containers',
          'Use HostToContainer, or make the container privileged if it really must propagate mounts back to the node.',
        ),
      ],
    ],
    [
      'fails a device of an emptyDir and of a missing volume',
      {
        volumeDevices: [
          { name: 'data', devicePath: '/dev/a' },
          { name: 'nope', devicePath: '/dev/b' },
        ],
      },
      [
        err(
          'volume-device-source-unsupported',
          `${D}[0].name`,
          'data',
          'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
          'Attach a persistentVolumeClaim or ephemeral volume as a device, or mount this one with volumeMounts.',
        ),
        err(
          'volume-device-volume-not-found',
          `${D}[1].name`,
          'nope',
          'Not found',
          'Add a volume named "nope" to the Pod\'s volumes.',
        ),
      ],
    ],
    [
      'fails a device attached twice, without a path, and with ..',
      {
        volumeDevices: [{ name: 'disk', devicePath: '/dev/../xvda' }, { name: 'disk' }],
      },
      [
        err(
          'volume-device-path-invalid',
          `${D}[0].devicePath`,
          '/dev/../xvda',
          "can not contain backsteps ('..')",
          "Remove the '..' elements from spec.containers[0].volumeDevices[0].devicePath.",
        ),
        err(
          'volume-device-name-duplicate',
          `${D}[1].name`,
          'disk',
          'must be unique',
          'Attach each volume once per container.',
        ),
        err(
          'volume-device-path-required',
          `${D}[1].devicePath`,
          undefined,
          'Required value',
          'Set spec.containers[0].volumeDevices[1].devicePath to the device path, e.g. "/dev/xvda".',
        ),
      ],
    ],
    [
      'fails a volume both mounted and attached as a device, at one path',
      {
        volumeMounts: [{ name: 'disk', mountPath: '/dev/xvda' }],
        volumeDevices: [{ name: 'disk', devicePath: '/dev/xvda' }],
      },
      [
        err(
          'volume-mount-device-conflict',
          `${M}[0].name`,
          'disk',
          'must not already exist in volumeDevices',
          'Use the volume either as a mount or as a block device in this container, not both.',
        ),
        err(
          'volume-mount-device-path-conflict',
          `${M}[0].mountPath`,
          '/dev/xvda',
          'must not already exist as a path in volumeDevices',
          'Give the mount and the device different paths.',
        ),
        err(
          'volume-device-mount-conflict',
          `${D}[0].name`,
          'disk',
          'must not already exist in volumeMounts',
          'Use the volume either as a mount or as a block device in this container, not both.',
        ),
        err(
          'volume-device-mount-path-conflict',
          `${D}[0].devicePath`,
          '/dev/xvda',
          'must not already exist as a path in volumeMounts',
          'Give the device and the mount different paths.',
        ),
      ],
    ],
  ])('%s', (_name, container, expected) => {
    expect(check(container)).toEqual(expected);
  });

  test('fails a mount of a volume that has a problem: upstream does not count that volume', () => {
    expect(
      check({ volumeMounts: [{ name: 'data', mountPath: '/a' }] }, [
        { name: 'data', emptyDir: { sizeLimit: '-1' } },
      ]),
    ).toEqual([
      err(
        'volume-empty-dir-size-limit-invalid',
        'spec.volumes[0].emptyDir.sizeLimit',
        '-1',
        'Forbidden: SizeLimit field must be a valid resource quantity',
        'Set spec.volumes[0].emptyDir.sizeLimit to a positive size such as "1Gi", or remove it.',
      ),
      err(
        'volume-mount-volume-not-found',
        `${M}[0].name`,
        'data',
        'Not found',
        'Add a volume named "data" to the Pod\'s volumes, or mount an existing one.',
      ),
    ]);
  });

  test.each<[string, Json]>([
    [
      'mounts with relative sub paths and a read-only one',
      {
        volumeMounts: [
          { name: 'data', mountPath: '/a', subPath: 'a/b' },
          { name: 'data', mountPath: '/b', subPathExpr: '$(POD_NAME)', readOnly: true },
        ],
      },
    ],
    [
      'Bidirectional propagation in a privileged container',
      {
        volumeMounts: [{ name: 'data', mountPath: '/a', mountPropagation: 'Bidirectional' }],
        securityContext: { privileged: true },
      },
    ],
    [
      'devices of a claim and of an ephemeral volume, next to a mount',
      {
        volumeDevices: [
          { name: 'disk', devicePath: '/dev/xvda' },
          { name: 'scratch', devicePath: '/dev/xvdb' },
        ],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    ],
  ])('passes %s', (_name, container) => {
    expect(check(container)).toEqual([]);
  });
});
