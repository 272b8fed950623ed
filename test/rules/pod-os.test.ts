import { validateManifest } from '../../lib/rules/manifest';
import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, pod } from './fixtures';
import { deployment, template } from './workload-fixtures';

const windowsErr = (field: string, value: unknown) =>
  err(
    'pod-os-windows-field-forbidden',
    field,
    value,
    'Forbidden: cannot be set for a windows pod',
    `Remove ${field}: spec.os.name is windows.`,
  );
const linuxErr = (field: string, value: unknown) =>
  err(
    'pod-os-linux-field-forbidden',
    field,
    value,
    'Forbidden: windows options cannot be set for a linux pod',
    `Remove ${field}: spec.os.name is linux.`,
  );

describe('spec.os (upstream validateOS, validateLinux, validateWindows)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails an empty OS name',
      pod({ os: {} }),
      [
        err(
          'pod-os-name-required',
          'spec.os.name',
          undefined,
          'Required value: cannot be empty',
          'Set spec.os.name to linux or windows, or remove spec.os.',
        ),
      ],
    ],
    [
      'fails an unknown OS, reported at spec.os as upstream does',
      pod({ os: { name: 'Linux' } }),
      [
        err(
          'pod-os-name-unsupported',
          'spec.os',
          'Linux',
          'Unsupported value: supported values: "linux", "windows"',
          'Set spec.os.name to linux or windows.',
        ),
      ],
    ],
    [
      'fails Windows options on a Linux Pod and its container',
      pod({
        os: { name: 'linux' },
        securityContext: { windowsOptions: { runAsUserName: 'x' } },
        containers: [{ name: 'app', image: 'nginx', securityContext: { windowsOptions: {} } }],
      }),
      [
        linuxErr('spec.securityContext.windowsOptions', { runAsUserName: 'x' }),
        linuxErr('spec.containers[0].securityContext.windowsOptions', {}),
      ],
    ],
    [
      'fails Linux-only settings on a Windows Pod',
      pod({
        os: { name: 'windows' },
        hostPID: true,
        shareProcessNamespace: false,
        securityContext: {
          runAsUser: 1000,
          seccompProfile: { type: 'RuntimeDefault' },
          sysctls: [{ name: 'a.b', value: '1' }],
        },
        initContainers: [
          { name: 'init', image: 'busybox', securityContext: { privileged: false, capabilities: {} } },
        ],
      }),
      [
        windowsErr('spec.securityContext.seccompProfile', { type: 'RuntimeDefault' }),
        windowsErr('spec.hostPID', true),
        windowsErr('spec.securityContext.sysctls', [{ name: 'a.b', value: '1' }]),
        windowsErr('spec.shareProcessNamespace', false),
        windowsErr('spec.securityContext.runAsUser', 1000),
        windowsErr('spec.initContainers[0].securityContext.capabilities', {}),
        windowsErr('spec.initContainers[0].securityContext.privileged', false),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test('fails a template with a bad OS at the template path', () => {
    expect(validateManifest(deployment({ template: template({ os: { name: 'mac' } }) }))).toEqual([
      err(
        'pod-os-name-unsupported',
        'spec.template.spec.os',
        'mac',
        'Unsupported value: supported values: "linux", "windows"',
        'Set spec.template.spec.os.name to linux or windows.',
      ),
    ]);
  });

  test.each<[string, Record<string, unknown>]>([
    ['no OS field', pod({ securityContext: { windowsOptions: {} } })],
    [
      'a Linux Pod with Linux settings',
      pod({
        os: { name: 'linux' },
        hostPID: true,
        securityContext: { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
      }),
    ],
    [
      'a Windows Pod with Windows options, hostPID false and empty sysctls',
      pod({
        os: { name: 'windows' },
        hostPID: false,
        securityContext: { windowsOptions: { runAsUserName: 'ContainerUser' }, sysctls: [] },
      }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
