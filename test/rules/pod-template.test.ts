import { podBearingKind, podTemplateOf } from '../../lib/rules/pod-template';

const spec = { containers: [{ name: 'app', image: 'nginx' }] };
const metadata = { labels: { app: 'web' } };
const template = { metadata, spec };

describe('podTemplateOf', () => {
  test.each<[string, unknown, string, string, string]>([
    ['a Pod', { apiVersion: 'v1', kind: 'Pod', metadata, spec }, 'Pod', 'metadata', 'spec'],
    [
      'a Deployment',
      { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template } },
      'Deployment',
      'spec.template.metadata',
      'spec.template.spec',
    ],
    [
      'a StatefulSet',
      { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { template } },
      'StatefulSet',
      'spec.template.metadata',
      'spec.template.spec',
    ],
    [
      'a DaemonSet',
      { apiVersion: 'apps/v1', kind: 'DaemonSet', spec: { template } },
      'DaemonSet',
      'spec.template.metadata',
      'spec.template.spec',
    ],
    [
      'a ReplicaSet',
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { template } },
      'ReplicaSet',
      'spec.template.metadata',
      'spec.template.spec',
    ],
    [
      'a Job',
      { apiVersion: 'batch/v1', kind: 'Job', spec: { template } },
      'Job',
      'spec.template.metadata',
      'spec.template.spec',
    ],
    [
      'a CronJob',
      { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: { template } } } },
      'CronJob',
      'spec.jobTemplate.spec.template.metadata',
      'spec.jobTemplate.spec.template.spec',
    ],
  ])('finds the pod spec of %s', (_, obj, kind, metadataPath, specPath) => {
    const ref = podTemplateOf(obj);
    expect(ref).toMatchObject({ kind, metadataPath, specPath });
    expect(ref?.spec).toBe(spec);
    expect(ref?.metadata).toBe(metadata);
    expect(podBearingKind(obj)).toBe(kind);
  });

  test.each<[string, unknown]>([
    ['a Service', { apiVersion: 'v1', kind: 'Service', spec: {} }],
    [
      'an extensions/v1beta1 Deployment',
      { apiVersion: 'extensions/v1beta1', kind: 'Deployment', spec: { template } },
    ],
    ['a batch/v1beta1 CronJob', { apiVersion: 'batch/v1beta1', kind: 'CronJob', spec: {} }],
    ['null', null],
    ['an array', [{ apiVersion: 'v1', kind: 'Pod' }]],
  ])('ignores %s', (_, obj) => {
    expect(podTemplateOf(obj)).toBeUndefined();
    expect(podBearingKind(obj)).toBeUndefined();
  });

  test('reads a missing or malformed template as empty parts, keeping the paths', () => {
    expect(podTemplateOf({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: 'x' } })).toEqual({
      kind: 'Deployment',
      path: 'spec.template',
      metadataPath: 'spec.template.metadata',
      specPath: 'spec.template.spec',
      metadata: {},
      spec: {},
    });
    expect(podTemplateOf({ apiVersion: 'v1', kind: 'Pod', spec: [] })?.spec).toEqual({});
  });
});
