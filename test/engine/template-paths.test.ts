import { checkManifests } from '../../lib/engine';

/** One container with a literal password and no securityContext: one credential and Pod Security problems. */
const podSpec = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'app',
      image: 'nginx:1.27.3',
      env: [{ name: 'DB_PASSWORD', value: 'hunter2' }],
      securityContext: { capabilities: { drop: ['ALL'] } },
    },
  ],
};
const labels = { app: 'web' };
const template = { metadata: { labels }, spec: podSpec };

const MANIFESTS: Record<string, unknown> = {
  Pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels }, spec: podSpec },
  Deployment: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: labels }, template },
  },
  CronJob: {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'web' },
    spec: {
      schedule: '0 * * * *',
      jobTemplate: {
        spec: { template: { ...template, spec: { ...podSpec, restartPolicy: 'OnFailure' } } },
      },
    },
  },
};

describe('checkManifests: Pod Security and credential problems at the full field path', () => {
  test.each([
    ['Pod', 'spec.containers[0].env[0].value', 'spec.containers[0].securityContext.allowPrivilegeEscalation'],
    [
      'Deployment',
      'spec.template.spec.containers[0].env[0].value',
      'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
    ],
    [
      'CronJob',
      'spec.jobTemplate.spec.template.spec.containers[0].env[0].value',
      'spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
    ],
  ])('fails a %s with a literal password and no allowPrivilegeEscalation', (kind, credential, escalation) => {
    const found = checkManifests([MANIFESTS[kind]]).map(({ rule, field }) => ({ rule, field }));
    expect(found).toEqual([
      { rule: 'literal-credential', field: credential },
      { rule: 'pod-security/allowPrivilegeEscalation', field: escalation },
    ]);
  });
});
