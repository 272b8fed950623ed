import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, pod } from './fixtures';

const hp = (hostProcess: boolean) => ({ windowsOptions: { hostProcess } });
const container = (name: string, securityContext?: Record<string, unknown>) => ({
  name,
  image: 'img',
  securityContext,
});

describe('Windows HostProcess Pods (upstream validateWindowsHostProcessPod)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a container that disagrees with the Pod',
      pod({ hostNetwork: true, securityContext: hp(true), containers: [container('app', hp(false))] }),
      [
        err(
          'windows-host-process-mismatch',
          'spec.containers[0].securityContext.windowsOptions.hostProcess',
          false,
          'pod hostProcess value must be identical if both are specified, was true',
          'Remove spec.containers[0].securityContext.windowsOptions.hostProcess, or set it to true as the Pod does.',
        ),
      ],
    ],
    [
      'fails a HostProcess container next to a plain one',
      pod({ hostNetwork: true, containers: [container('app', hp(true)), container('sidecar')] }),
      [
        err(
          'windows-host-process-mixed',
          'spec',
          '',
          'If pod contains any hostProcess containers then all containers must be HostProcess containers',
          'Set spec.securityContext.windowsOptions.hostProcess to true, or run the other containers in another Pod.',
        ),
      ],
    ],
    [
      'fails a HostProcess container off the host network',
      pod({ containers: [container('app', hp(true))] }),
      [
        err(
          'windows-host-process-host-network-required',
          'spec.hostNetwork',
          false,
          'hostNetwork must be true if pod contains any hostProcess containers',
          'Set spec.hostNetwork to true.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['no HostProcess container', pod({ containers: [container('app', hp(false))] })],
    [
      'a HostProcess Pod on the host network whose containers inherit it',
      pod({
        hostNetwork: true,
        securityContext: hp(true),
        containers: [container('a'), container('b', hp(true))],
      }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
