import { validateManifest } from '../../lib/rules/manifest';
import { validatePod } from '../../lib/rules/pod';
import { err, pod, podWith } from './fixtures';

const APPARMOR = 'container.apparmor.security.beta.kubernetes.io';

describe('security annotations', () => {
  test('fails an AppArmor annotation for a missing container and a profile that is not a profile', () => {
    expect(validatePod(pod({}, { name: 'web', annotations: { [`${APPARMOR}/db`]: 'enforce' } }))).toEqual([
      err(
        'apparmor-annotation-container-not-found',
        `metadata.annotations[${APPARMOR}/db]`,
        'db',
        'container not found',
        "Rename the annotation after one of the Pod's containers, or remove it.",
      ),
      err(
        'apparmor-annotation-profile-invalid',
        `metadata.annotations[${APPARMOR}/db]`,
        'enforce',
        'invalid AppArmor profile name: "enforce"',
        'Use runtime/default, unconfined or localhost/<profile>.',
      ),
    ]);
  });

  test("fails a seccomp annotation that is no profile, at upstream's dotted path", () => {
    expect(
      validatePod(
        pod({}, { name: 'web', annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'strict' } }),
      ),
    ).toEqual([
      err(
        'seccomp-annotation-invalid',
        'metadata.annotations.seccomp.security.alpha.kubernetes.io/pod',
        'strict',
        'must be a valid seccomp profile',
        'Use runtime/default, unconfined or localhost/<profile>; better, set securityContext.seccompProfile.',
      ),
    ]);
  });

  test('fails a container seccomp annotation that the field contradicts', () => {
    const manifest = {
      ...podWith({ securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'a.json' } } }),
      metadata: {
        name: 'web',
        annotations: { 'container.seccomp.security.alpha.kubernetes.io/app': 'runtime/default' },
      },
    };
    expect(validatePod(manifest)).toEqual([
      err(
        'seccomp-annotation-field-mismatch',
        'spec.containers[0].securityContext.seccompProfile.type',
        'runtime/default',
        'Forbidden: seccomp type in annotation and field must match',
        'Remove the deprecated seccomp annotation and keep securityContext.seccompProfile.',
      ),
    ]);
  });

  test('checks the annotations of a workload template at the template path', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' }, annotations: { [`${APPARMOR}/app`]: 'localhost' } },
          spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] },
        },
      },
    };
    expect(validateManifest(deployment)).toEqual([
      err(
        'apparmor-annotation-profile-invalid',
        `spec.template.annotations[${APPARMOR}/app]`,
        'localhost',
        'invalid AppArmor profile name: "localhost"',
        'Use runtime/default, unconfined or localhost/<profile>.',
      ),
    ]);
  });

  test('passes profiles upstream accepts, for init containers too', () => {
    const manifest = pod(
      { initContainers: [{ name: 'init', image: 'busybox:1.36' }] },
      {
        name: 'web',
        annotations: {
          [`${APPARMOR}/app`]: 'runtime/default',
          [`${APPARMOR}/init`]: 'localhost/k8s-apparmor-example',
          'seccomp.security.alpha.kubernetes.io/pod': 'localhost/profiles/a.json',
          'container.seccomp.security.alpha.kubernetes.io/app': 'docker/default',
        },
      },
    );
    expect(validatePod(manifest)).toEqual([]);
  });
});
