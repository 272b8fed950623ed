import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, pod } from './fixtures';

const RANGE = 'must be between 0 and 2147483647, inclusive';
const idFix = (field: string) => `Set ${field} to a user or group id between 0 and 2147483647.`;
const SYSCTL_INVALID =
  'must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';
const SYSCTL_FIX =
  'Use a sysctl name such as net.ipv4.ip_unprivileged_port_start: lower-case segments separated by dots or slashes.';
const withSc = (securityContext: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
  pod({ securityContext, ...spec });

describe('pod securityContext (upstream ValidatePodSecurityContext)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a negative runAsUser',
      withSc({ runAsUser: -1 }),
      [
        err(
          'pod-run-as-user-invalid',
          'spec.securityContext.runAsUser',
          -1,
          RANGE,
          idFix('spec.securityContext.runAsUser'),
        ),
      ],
    ],
    [
      'fails runAsGroup above MaxInt32',
      withSc({ runAsGroup: 2147483648 }),
      [
        err(
          'pod-run-as-group-invalid',
          'spec.securityContext.runAsGroup',
          2147483648,
          RANGE,
          idFix('spec.securityContext.runAsGroup'),
        ),
      ],
    ],
    [
      'fails a negative fsGroup',
      withSc({ fsGroup: -5 }),
      [
        err(
          'pod-fs-group-invalid',
          'spec.securityContext.fsGroup',
          -5,
          RANGE,
          idFix('spec.securityContext.fsGroup'),
        ),
      ],
    ],
    [
      'fails a negative supplemental group, at its index',
      withSc({ supplementalGroups: [1000, -1] }),
      [
        err(
          'pod-supplemental-group-invalid',
          'spec.securityContext.supplementalGroups[1]',
          -1,
          RANGE,
          idFix('spec.securityContext.supplementalGroups[1]'),
        ),
      ],
    ],
    [
      'fails a supplemental group that is not a number',
      withSc({ supplementalGroups: ['1000'] }),
      [
        err(
          'field-type-invalid',
          'spec.securityContext.supplementalGroups[0]',
          '1000',
          'must be an integer; the API server cannot decode a string into this field',
          'Set spec.securityContext.supplementalGroups[0] to an integer, or remove it.',
        ),
      ],
    ],
    [
      'fails an unknown fsGroupChangePolicy',
      withSc({ fsGroupChangePolicy: 'Sometimes' }),
      [
        err(
          'pod-fs-group-change-policy-unsupported',
          'spec.securityContext.fsGroupChangePolicy',
          'Sometimes',
          'Unsupported value: supported values: "Always", "OnRootMismatch"',
          'Set spec.securityContext.fsGroupChangePolicy to OnRootMismatch or Always, or remove it.',
        ),
      ],
    ],
    [
      'fails shareProcessNamespace with hostPID, at the security context as upstream reports it',
      pod({ shareProcessNamespace: true, hostPID: true }),
      [
        err(
          'pod-share-process-namespace-host-pid',
          'spec.securityContext.shareProcessNamespace',
          true,
          'ShareProcessNamespace and HostPID cannot both be enabled',
          'Set spec.shareProcessNamespace or spec.hostPID to false.',
        ),
      ],
    ],
    [
      'fails a sysctl without a name',
      withSc({ sysctls: [{ value: '1' }] }),
      [
        err(
          'pod-sysctl-name-required',
          'spec.securityContext.sysctls[0].name',
          undefined,
          'Required value',
          'Set spec.securityContext.sysctls[0].name.',
        ),
      ],
    ],
    [
      'fails an upper-case sysctl name',
      withSc({ sysctls: [{ name: 'Net.ipv4.ip_forward', value: '1' }] }),
      [
        err(
          'pod-sysctl-name-invalid',
          'spec.securityContext.sysctls[0].name',
          'Net.ipv4.ip_forward',
          SYSCTL_INVALID,
          SYSCTL_FIX,
        ),
      ],
    ],
    [
      'fails a sysctl name ending in a dot',
      withSc({ sysctls: [{ name: 'kernel.', value: '1' }] }),
      [
        err(
          'pod-sysctl-name-invalid',
          'spec.securityContext.sysctls[0].name',
          'kernel.',
          SYSCTL_INVALID,
          SYSCTL_FIX,
        ),
      ],
    ],
    [
      'fails a 254-character sysctl name',
      withSc({ sysctls: [{ name: `a.${'b'.repeat(252)}`, value: '1' }] }),
      [
        err(
          'pod-sysctl-name-invalid',
          'spec.securityContext.sysctls[0].name',
          `a.${'b'.repeat(252)}`,
          SYSCTL_INVALID,
          SYSCTL_FIX,
        ),
      ],
    ],
    [
      'fails a sysctl set twice',
      withSc({
        sysctls: [
          { name: 'kernel.shm_rmid_forced', value: '1' },
          { name: 'kernel.shm_rmid_forced', value: '0' },
        ],
      }),
      [
        err(
          'pod-sysctl-name-duplicate',
          'spec.securityContext.sysctls[1].name',
          'kernel.shm_rmid_forced',
          'Duplicate value: "kernel.shm_rmid_forced"',
          'Remove the repeated sysctl "kernel.shm_rmid_forced"; set each sysctl once.',
        ),
      ],
    ],
    [
      'fails a seccomp profile without a type',
      withSc({ seccompProfile: {} }),
      [
        err(
          'seccomp-profile-type-required',
          'spec.securityContext.seccompProfile.type',
          undefined,
          'Required value: type is required when seccompProfile is set',
          'Set spec.securityContext.seccompProfile.type to RuntimeDefault, Localhost or Unconfined.',
        ),
      ],
    ],
    [
      'fails an unknown seccomp profile type',
      withSc({ seccompProfile: { type: 'runtime/default' } }),
      [
        err(
          'seccomp-profile-type-unsupported',
          'spec.securityContext.seccompProfile.type',
          'runtime/default',
          'Unsupported value: supported values: "Localhost", "RuntimeDefault", "Unconfined"',
          'Set spec.securityContext.seccompProfile.type to RuntimeDefault, Localhost or Unconfined.',
        ),
      ],
    ],
    [
      'fails a Localhost seccomp profile without localhostProfile',
      withSc({ seccompProfile: { type: 'Localhost' } }),
      [
        err(
          'seccomp-localhost-profile-required',
          'spec.securityContext.seccompProfile.localhostProfile',
          undefined,
          'Required value: must be set when seccomp type is Localhost',
          "Set spec.securityContext.seccompProfile.localhostProfile to the profile's path relative to the kubelet's seccomp directory.",
        ),
      ],
    ],
    [
      'fails an absolute localhostProfile that steps up',
      withSc({ seccompProfile: { type: 'Localhost', localhostProfile: '/../audit.json' } }),
      [
        err(
          'seccomp-localhost-profile-invalid',
          'spec.securityContext.seccompProfile.localhostProfile',
          '/../audit.json',
          'must be a relative path',
          "Set spec.securityContext.seccompProfile.localhostProfile to a relative path inside the kubelet's seccomp directory, without '..'.",
        ),
        err(
          'seccomp-localhost-profile-invalid',
          'spec.securityContext.seccompProfile.localhostProfile',
          '/../audit.json',
          "must not contain '..'",
          "Set spec.securityContext.seccompProfile.localhostProfile to a relative path inside the kubelet's seccomp directory, without '..'.",
        ),
      ],
    ],
    [
      'fails localhostProfile with RuntimeDefault',
      withSc({ seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'audit.json' } }),
      [
        err(
          'seccomp-localhost-profile-forbidden',
          'spec.securityContext.seccompProfile.localhostProfile',
          { type: 'RuntimeDefault', localhostProfile: 'audit.json' },
          'can only be set when seccomp type is Localhost',
          'Remove spec.securityContext.seccompProfile.localhostProfile, or set spec.securityContext.seccompProfile.type to Localhost.',
        ),
      ],
    ],
    [
      'fails a security context that is a list',
      withSc([] as unknown as Record<string, unknown>),
      [
        err(
          'field-type-invalid',
          'spec.securityContext',
          [],
          'must be an object; the API server cannot decode an array into this field',
          'Set spec.securityContext to an object, or remove it.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['no security context (defaulted to {})', pod()],
    ['a null security context', pod({ securityContext: null })],
    [
      'ids at both ends of the range',
      withSc({ runAsUser: 0, runAsGroup: 2147483647, fsGroup: 0, supplementalGroups: [0, 2147483647] }),
    ],
    ['both fsGroupChangePolicy values', withSc({ fsGroupChangePolicy: 'OnRootMismatch' })],
    [
      'sysctls with dots, slashes, dashes and underscores',
      withSc({
        sysctls: [
          { name: 'net.ipv4.ip_unprivileged_port_start', value: '0' },
          { name: 'net/ipv4/conf/eth0.100/forwarding', value: '1' },
          { name: 'kernel.shm_rmid_forced', value: '1' },
        ],
      }),
    ],
    ['a 253-character sysctl name', withSc({ sysctls: [{ name: `a.${'b'.repeat(251)}`, value: '1' }] })],
    [
      'a Localhost seccomp profile with a relative path',
      withSc({ seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } }),
    ],
    ['seccomp RuntimeDefault and Unconfined', withSc({ seccompProfile: { type: 'Unconfined' } })],
    ['shareProcessNamespace without hostPID', pod({ shareProcessNamespace: true, hostPID: false })],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
