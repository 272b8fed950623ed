import { validateManifest } from '../../lib/rules/manifest';
import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod } from './fixtures';

const SUBDOMAIN_FIX =
  "Use at most 253 lower-case alphanumerics, '-' or '.', starting and ending alphanumeric.";
const LABEL_FIX =
  "Use at most 63 lower-case alphanumerics or '-' (no dots), starting and ending alphanumeric.";

describe('pod spec fields (upstream ValidatePodSpec)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails an unknown restartPolicy, listing values in upstream order',
      pod({ restartPolicy: 'Sometimes' }),
      [
        err(
          'pod-restart-policy-unsupported',
          'spec.restartPolicy',
          'Sometimes',
          'Unsupported value: supported values: "Always", "OnFailure", "Never"',
          'Set spec.restartPolicy to Always, OnFailure or Never, or remove it for Always.',
        ),
      ],
    ],
    [
      'fails activeDeadlineSeconds 0',
      pod({ activeDeadlineSeconds: 0 }),
      [
        err(
          'pod-active-deadline-seconds-invalid',
          'spec.activeDeadlineSeconds',
          0,
          'must be between 1 and 2147483647, inclusive',
          'Set spec.activeDeadlineSeconds to a number of seconds of at least 1, or remove it.',
        ),
      ],
    ],
    [
      'fails activeDeadlineSeconds above MaxInt32',
      pod({ activeDeadlineSeconds: 2147483648 }),
      [
        err(
          'pod-active-deadline-seconds-invalid',
          'spec.activeDeadlineSeconds',
          2147483648,
          'must be between 1 and 2147483647, inclusive',
          'Set spec.activeDeadlineSeconds to a number of seconds of at least 1, or remove it.',
        ),
      ],
    ],
    [
      'fails a dotted hostname',
      pod({ hostname: 'web.internal' }),
      [err('pod-hostname-invalid', 'spec.hostname', 'web.internal', 'must not contain dots', LABEL_FIX)],
    ],
    [
      'fails an upper-case subdomain',
      pod({ subdomain: 'Web' }),
      [err('pod-subdomain-invalid', 'spec.subdomain', 'Web', MSG.dns1123Label, LABEL_FIX)],
    ],
    [
      'fails an invalid serviceAccountName',
      pod({ serviceAccountName: 'Builder' }),
      [
        err(
          'pod-service-account-name-invalid',
          'spec.serviceAccountName',
          'Builder',
          MSG.dns1123Subdomain,
          SUBDOMAIN_FIX,
        ),
      ],
    ],
    [
      'fails the deprecated serviceAccount, reported as serviceAccountName',
      pod({ serviceAccount: 'build_er' }),
      [
        err(
          'pod-service-account-name-invalid',
          'spec.serviceAccountName',
          'build_er',
          MSG.dns1123Subdomain,
          SUBDOMAIN_FIX,
        ),
      ],
    ],
    [
      'fails an invalid nodeName',
      pod({ nodeName: 'Worker-1' }),
      [err('pod-node-name-invalid', 'spec.nodeName', 'Worker-1', MSG.dns1123Subdomain, SUBDOMAIN_FIX)],
    ],
    [
      'fails an invalid priorityClassName',
      pod({ priorityClassName: 'High Priority' }),
      [
        err(
          'pod-priority-class-name-invalid',
          'spec.priorityClassName',
          'High Priority',
          MSG.dns1123Subdomain,
          SUBDOMAIN_FIX,
        ),
      ],
    ],
    [
      'fails an empty runtimeClassName (a pointer: "" is a value)',
      pod({ runtimeClassName: '' }),
      [
        err(
          'pod-runtime-class-name-invalid',
          'spec.runtimeClassName',
          '',
          MSG.dns1123Subdomain,
          "Use at most 253 lower-case alphanumerics, '-' or '.', starting and ending alphanumeric, or remove the field.",
        ),
      ],
    ],
    [
      'fails an empty preemptionPolicy',
      pod({ preemptionPolicy: '' }),
      [
        err(
          'pod-preemption-policy-required',
          'spec.preemptionPolicy',
          '',
          'Required value',
          "Set spec.preemptionPolicy to PreemptLowerPriority or Never, or remove it to take the PriorityClass's.",
        ),
      ],
    ],
    [
      'fails an unknown preemptionPolicy',
      pod({ preemptionPolicy: 'Always' }),
      [
        err(
          'pod-preemption-policy-unsupported',
          'spec.preemptionPolicy',
          'Always',
          'Unsupported value: supported values: "PreemptLowerPriority", "Never"',
          "Set spec.preemptionPolicy to PreemptLowerPriority or Never, or remove it to take the PriorityClass's.",
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test('fails a Job template restartPolicy at its template path, with the Job rule too', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: {
        template: { spec: { restartPolicy: 'Sometimes', containers: [{ name: 'app', image: 'img' }] } },
      },
    };
    expect(validateManifest(job).filter(e => e.rule === 'pod-restart-policy-unsupported')).toEqual([
      err(
        'pod-restart-policy-unsupported',
        'spec.template.spec.restartPolicy',
        'Sometimes',
        'Unsupported value: supported values: "Always", "OnFailure", "Never"',
        'Set spec.template.spec.restartPolicy to Always, OnFailure or Never, or remove it for Always.',
      ),
    ]);
  });

  test.each<[string, Record<string, unknown>]>([
    ['no restartPolicy (defaulted to Always)', pod({ restartPolicy: '' })],
    [
      'restartPolicy Never and activeDeadlineSeconds 1',
      pod({ restartPolicy: 'Never', activeDeadlineSeconds: 1 }),
    ],
    ['activeDeadlineSeconds MaxInt32', pod({ activeDeadlineSeconds: 2147483647 })],
    [
      'empty name fields (unset)',
      pod({ hostname: '', subdomain: '', nodeName: '', serviceAccountName: '', priorityClassName: '' }),
    ],
    [
      'valid names',
      pod({
        hostname: 'web-0',
        subdomain: 'web',
        serviceAccountName: 'builder',
        nodeName: 'worker-1.example.com',
        priorityClassName: 'high-priority',
        runtimeClassName: 'gvisor',
      }),
    ],
    [
      'serviceAccountName winning over serviceAccount',
      pod({ serviceAccountName: 'builder', serviceAccount: 'Bad_Name' }),
    ],
    ['preemptionPolicy Never', pod({ preemptionPolicy: 'Never' })],
    [
      'terminationGracePeriodSeconds -1 (1.28 treats a negative period as 1)',
      pod({ terminationGracePeriodSeconds: -1 }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
