import { evaluatePodSecurity, findLiteralCredentials } from '../../lib/pod-security';
import type { Json, PodFixture } from './fixtures';
import { app, context, restrictedPod } from './fixtures';

/*
 * A Pod and every workload that embeds a pod template report problems at the paths of the object
 * passed in, as the API server writes them.
 */

const APPARMOR = 'container.apparmor.security.beta.kubernetes.io/app';

/** A template that fails baseline three ways (annotation, hostPath, privileged) and holds a literal password. */
function badTemplate(): { metadata: Json; spec: Json } {
  const pod: PodFixture = restrictedPod(p => {
    p.metadata.annotations = { [APPARMOR]: 'unconfined' };
    p.spec.volumes = [{ name: 'root', hostPath: { path: '/' } }];
    context(app(p)).privileged = true;
    app(p).env = [{ name: 'DB_PASSWORD', value: 'hunter2' }];
  });
  return { metadata: pod.metadata, spec: pod.spec };
}

/** Each kind, built around the template, with the field-path prefix of that template. */
const KINDS: Array<[string, (template: Json) => Json, string]> = [
  ['v1 Pod', t => ({ apiVersion: 'v1', kind: 'Pod', ...t }), ''],
  [
    'apps/v1 Deployment',
    t => ({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: t } }),
    'spec.template.',
  ],
  [
    'apps/v1 StatefulSet',
    t => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { template: t } }),
    'spec.template.',
  ],
  [
    'apps/v1 DaemonSet',
    t => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', spec: { template: t } }),
    'spec.template.',
  ],
  [
    'apps/v1 ReplicaSet',
    t => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { template: t } }),
    'spec.template.',
  ],
  ['batch/v1 Job', t => ({ apiVersion: 'batch/v1', kind: 'Job', spec: { template: t } }), 'spec.template.'],
  [
    'batch/v1 CronJob',
    t => ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      spec: { schedule: '@hourly', jobTemplate: { spec: { template: t } } },
    }),
    'spec.jobTemplate.spec.template.',
  ],
  // Kinds podTemplateOf does not know are read by shape, with the same path logic.
  [
    'v1 ReplicationController',
    t => ({ apiVersion: 'v1', kind: 'ReplicationController', spec: { template: t } }),
    'spec.template.',
  ],
  [
    'an argoproj.io Rollout',
    t => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', spec: { template: t } }),
    'spec.template.',
  ],
  [
    'a kind-less CronJob shape',
    t => ({ spec: { jobTemplate: { spec: { template: t } } } }),
    'spec.jobTemplate.spec.template.',
  ],
  ['a v1 PodTemplate', t => ({ apiVersion: 'v1', kind: 'PodTemplate', template: t }), 'template.'],
  ['a kind-less Pod shape', t => ({ ...t }), ''],
];

describe.each(KINDS)('%s', (_kind, wrap, prefix) => {
  it('fails Pod Security with field paths in the object checked', () => {
    expect(evaluatePodSecurity(wrap(badTemplate()), 'baseline').map(v => [v.check, v.field])).toEqual([
      ['appArmorProfile', `${prefix}metadata.annotations[${APPARMOR}]`],
      ['hostPathVolumes', `${prefix}spec.volumes[0].hostPath`],
      ['privileged', `${prefix}spec.containers[0].securityContext.privileged`],
    ]);
  });

  it('fails a literal credential with its field path in the object checked', () => {
    expect(findLiteralCredentials(wrap(badTemplate())).map(p => p.field)).toEqual([
      `${prefix}spec.containers[0].env[0].value`,
    ]);
  });
});

describe('field paths written out', () => {
  // The table above builds paths from a prefix; these spell out the three the task names.
  it('fails a Deployment at spec.template.spec.volumes[0].hostPath', () => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: badTemplate() } };
    expect(evaluatePodSecurity(deployment, 'baseline').map(v => v.field)).toEqual([
      'spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]',
      'spec.template.spec.volumes[0].hostPath',
      'spec.template.spec.containers[0].securityContext.privileged',
    ]);
  });

  it('fails a CronJob at spec.jobTemplate.spec.template.spec.volumes[0].hostPath', () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      spec: { jobTemplate: { spec: { template: badTemplate() } } },
    };
    expect(evaluatePodSecurity(cronJob, 'baseline').map(v => v.field)).toContain(
      'spec.jobTemplate.spec.template.spec.volumes[0].hostPath',
    );
  });
});

describe('workload edge cases', () => {
  it('reads pod-template annotations, not the workload annotations', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { annotations: { [APPARMOR]: 'unconfined' } },
      spec: { template: { metadata: { annotations: {} }, spec: restrictedPod().spec } },
    };
    expect(evaluatePodSecurity(deployment, 'restricted')).toEqual([]);
  });

  it('fails a Deployment with a fix that names the field where it is in the Deployment', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      spec: { template: { spec: { ...restrictedPod().spec, hostNetwork: true } } },
    };
    expect(evaluatePodSecurity(deployment, 'baseline')).toEqual([
      {
        check: 'hostNamespaces',
        level: 'baseline',
        reason: 'host namespaces',
        detail: 'hostNetwork=true',
        field: 'spec.template.spec.hostNetwork',
        fix: 'Remove spec.template.spec.hostNetwork or set it to false so the pod keeps its own namespaces.',
      },
    ]);
  });

  it('passes a Deployment without a template', () => {
    expect(
      evaluatePodSecurity({ apiVersion: 'apps/v1', kind: 'Deployment', spec: {} }, 'restricted'),
    ).toEqual([]);
  });

  it('fails a CronJob with the full message, not just the path', () => {
    const template = restrictedPod(p => {
      context(app(p)).allowPrivilegeEscalation = true;
    });
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      spec: { jobTemplate: { spec: { template: { metadata: template.metadata, spec: template.spec } } } },
    };
    expect(evaluatePodSecurity(cronJob, 'restricted')).toEqual([
      {
        check: 'allowPrivilegeEscalation',
        level: 'restricted',
        reason: 'allowPrivilegeEscalation != false',
        detail: 'container "app" must set securityContext.allowPrivilegeEscalation=false',
        field: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
        fix: 'Set securityContext.allowPrivilegeEscalation to false on container "app".',
      },
    ]);
  });
});
