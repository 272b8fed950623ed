import { validateManifest } from '../../lib/rules/manifest';
import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, pod } from './fixtures';

const APPARMOR = 'container.apparmor.security.beta.kubernetes.io/';
const annotated = (annotations: Record<string, string>, spec: Record<string, unknown> = {}) =>
  pod(spec, { annotations });

describe('pod-specific annotations (upstream ValidatePodSpecificAnnotations)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails the mirror-pod annotation without a nodeName',
      annotated({ 'kubernetes.io/config.mirror': 'abc' }),
      [
        err(
          'pod-mirror-annotation-node-name-required',
          'metadata.annotations[kubernetes.io/config.mirror]',
          'abc',
          'must set spec.nodeName if mirror pod annotation is set',
          'Remove annotation kubernetes.io/config.mirror; only the kubelet creates mirror Pods.',
        ),
      ],
    ],
    ...['+10', '008', '2147483648', 'ten'].map(
      (cost): [string, Record<string, unknown>, ValidationError[]] => [
        `fails pod-deletion-cost ${cost}`,
        annotated({ 'controller.kubernetes.io/pod-deletion-cost': cost }),
        [
          err(
            'pod-deletion-cost-invalid',
            'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]',
            cost,
            'must be a 32bit integer',
            "Set annotation controller.kubernetes.io/pod-deletion-cost to an integer between -2147483648 and 2147483647, without '+' or leading zeros.",
          ),
        ],
      ],
    ),
    [
      'fails a seccomp annotation naming no valid profile, at the Child path upstream uses',
      annotated({ 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/../x.json' }),
      [
        err(
          'seccomp-annotation-invalid',
          'metadata.annotations.seccomp.security.alpha.kubernetes.io/pod',
          'localhost/../x.json',
          'must be a valid seccomp profile',
          'Use runtime/default, unconfined or localhost/<relative path>, or better the securityContext.seccompProfile field.',
        ),
      ],
    ],
    [
      'fails a seccomp annotation that disagrees with the field',
      annotated(
        { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' },
        { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      ),
      [
        err(
          'seccomp-annotation-field-mismatch',
          'spec.securityContext.seccompProfile.type',
          'RuntimeDefault',
          'Forbidden: seccomp type in annotation and field must match',
          'Make the annotation and spec.securityContext.seccompProfile name the same profile, or remove the deprecated annotation.',
        ),
      ],
    ],
    [
      'fails a container seccomp annotation naming another Localhost profile',
      annotated(
        { 'container.seccomp.security.alpha.kubernetes.io/app': 'localhost/a.json' },
        {
          containers: [
            {
              name: 'app',
              image: 'img',
              securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'b.json' } },
            },
          ],
        },
      ),
      [
        err(
          'seccomp-annotation-field-mismatch',
          'spec.containers[0].securityContext.seccompProfile.localhostProfile',
          'b.json',
          'Forbidden: seccomp profile in annotation and field must match',
          'Make the annotation and spec.containers[0].securityContext.seccompProfile name the same profile, or remove the deprecated annotation.',
        ),
      ],
    ],
    [
      'fails an AppArmor annotation for a missing container with a bad profile',
      annotated({ [`${APPARMOR}web`]: 'enforce' }),
      [
        err(
          'apparmor-annotation-container-not-found',
          `metadata.annotations[${APPARMOR}web]`,
          'web',
          'container not found',
          `Name a container of this Pod after ${APPARMOR}, or remove the annotation.`,
        ),
        err(
          'apparmor-annotation-profile-invalid',
          `metadata.annotations[${APPARMOR}web]`,
          'enforce',
          'invalid AppArmor profile name: "enforce"',
          'Use runtime/default, unconfined or localhost/<profile name>.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test('fails a template AppArmor annotation at <template>.annotations', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'task' },
      spec: {
        template: {
          metadata: { annotations: { [`${APPARMOR}worker`]: 'runtime/default' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'img' }] },
        },
      },
    };
    expect(validateManifest(job)).toEqual([
      err(
        'apparmor-annotation-container-not-found',
        `spec.template.annotations[${APPARMOR}worker]`,
        'worker',
        'container not found',
        `Name a container of this Pod after ${APPARMOR}, or remove the annotation.`,
      ),
    ]);
  });

  test.each<[string, Record<string, unknown>]>([
    [
      'the mirror annotation with a nodeName',
      annotated({ 'kubernetes.io/config.mirror': 'abc' }, { nodeName: 'worker-1' }),
    ],
    ['deletion cost MaxInt32', annotated({ 'controller.kubernetes.io/pod-deletion-cost': '2147483647' })],
    [
      'a negative deletion cost with a leading zero',
      annotated({ 'controller.kubernetes.io/pod-deletion-cost': '-08' }),
    ],
    [
      'seccomp annotations that match the fields',
      annotated(
        {
          'seccomp.security.alpha.kubernetes.io/pod': 'docker/default',
          'container.seccomp.security.alpha.kubernetes.io/app': 'localhost/p.json',
        },
        {
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'app',
              image: 'img',
              securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } },
            },
          ],
        },
      ),
    ],
    [
      'AppArmor profiles for an init container',
      annotated(
        { [`${APPARMOR}init`]: 'localhost/k8s-apparmor' },
        { initContainers: [{ name: 'init', image: 'img' }] },
      ),
    ],
    ['an empty AppArmor profile', annotated({ [`${APPARMOR}app`]: '' })],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
