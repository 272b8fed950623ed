import fc from 'fast-check';
import type { PodSecurityLevel, PodSecurityViolation } from '../../lib/pod-security';
import { evaluatePodSecurity, formatViolation, PodSecurityLevels } from '../../lib/pod-security';
import type { PodFixture } from './fixtures';
import { app, context, failedChecks, restrictedPod } from './fixtures';

/** A restricted pod whose app container escalates privileges, the simplest restricted-only failure. */
function escalatingPod(): PodFixture {
  return restrictedPod(pod => {
    context(app(pod)).allowPrivilegeEscalation = true;
  });
}

const ESCALATION: PodSecurityViolation = {
  check: 'allowPrivilegeEscalation',
  level: 'restricted',
  reason: 'allowPrivilegeEscalation != false',
  detail: 'container "app" must set securityContext.allowPrivilegeEscalation=false',
  field: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
  fix: 'Set securityContext.allowPrivilegeEscalation to false on container "app".',
};

describe('evaluatePodSecurity', () => {
  it('fails restricted with field, fix and upstream wording', () => {
    expect(evaluatePodSecurity(escalatingPod(), 'restricted')).toEqual([ESCALATION]);
  });

  it('passes baseline for a pod that only fails restricted checks', () => {
    expect(evaluatePodSecurity(escalatingPod(), 'baseline')).toEqual([]);
  });

  it('passes privileged whatever the pod does', () => {
    const pod = restrictedPod(p => {
      Object.assign(p.spec, { hostNetwork: true, hostPID: true });
      context(app(p)).privileged = true;
    });
    expect(evaluatePodSecurity(pod, PodSecurityLevels.PRIVILEGED)).toEqual([]);
  });

  it('fails an unknown level as restricted, so a typo cannot switch checks off', () => {
    expect(evaluatePodSecurity(escalatingPod(), 'Restricted' as PodSecurityLevel)).toEqual([ESCALATION]);
  });

  it('fails with violations ordered and worded like the admission plugin', () => {
    // Reproduces a kubectl error message: baseline checks first, then restricted, each in upstream order.
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sysctlpod' },
      spec: {
        securityContext: {
          seLinuxOptions: { user: 'system_u', role: 'object_r' },
          sysctls: [
            { name: 'net.core.somaxconn', value: '1024' },
            { name: 'kernel.msgmax', value: '65536' },
          ],
        },
        containers: [{ name: 'my-pod', image: 'busybox:1.36' }],
      },
    };
    expect(evaluatePodSecurity(pod, 'restricted').map(formatViolation).join(', ')).toBe(
      'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set), ' +
        'forbidden sysctls (net.core.somaxconn, kernel.msgmax), ' +
        'allowPrivilegeEscalation != false (container "my-pod" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "my-pod" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "my-pod" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "my-pod" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('fails restricted with both the baseline and the restricted check when both apply', () => {
    const pod = restrictedPod(p => {
      p.spec.volumes = [{ name: 'root', hostPath: { path: '/' } }];
    });
    expect(failedChecks(pod, 'restricted')).toEqual(['hostPathVolumes', 'restrictedVolumes']);
  });
});

describe('workloads', () => {
  const template = (): Record<string, unknown> => {
    const { metadata, spec } = escalatingPod();
    return { metadata, spec };
  };
  const workloads: Array<[string, Record<string, unknown>]> = [
    [
      'Deployment',
      { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 2, template: template() } },
    ],
    ['StatefulSet', { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { template: template() } }],
    ['DaemonSet', { apiVersion: 'apps/v1', kind: 'DaemonSet', spec: { template: template() } }],
    ['ReplicaSet', { apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { template: template() } }],
    ['Job', { apiVersion: 'batch/v1', kind: 'Job', spec: { backoffLimit: 1, template: template() } }],
    [
      'CronJob',
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: template() } } },
      },
    ],
  ];

  it.each(workloads)(
    'fails a %s whose pod template fails, with paths from the template',
    (_kind, workload) => {
      expect(evaluatePodSecurity(workload, 'restricted')).toEqual([ESCALATION]);
    },
  );

  it('reads pod-template annotations, not the workload annotations', () => {
    const deployment = {
      kind: 'Deployment',
      metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } },
      spec: { template: { metadata: { annotations: {} }, spec: restrictedPod().spec } },
    };
    expect(evaluatePodSecurity(deployment, 'restricted')).toEqual([]);
  });
});

describe('odd input', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'pod'],
    ['an array', [restrictedPod()]],
    ['an empty object', {}],
    ['spec as a string', { spec: 'nope' }],
    ['containers as an object', { spec: { containers: { name: 'app' } } }],
    ['junk containers', { spec: { containers: [null, 1, 'x', { securityContext: 'x', ports: 'y' }] } }],
    ['junk volumes', { spec: { volumes: [null, 'x', { name: 7 }] } }],
    ['a null-prototype spec', { spec: Object.create(null) }],
  ])('does not throw on %s', (_name, input) => {
    for (const level of ['privileged', 'baseline', 'restricted'] as const) {
      expect(() => evaluatePodSecurity(input, level)).not.toThrow();
    }
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), value => {
        evaluatePodSecurity(value, 'restricted');
        evaluatePodSecurity({ spec: value, metadata: { annotations: value } }, 'restricted');
        evaluatePodSecurity(
          { spec: { containers: [value], volumes: [value], securityContext: value } },
          'restricted',
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatViolation', () => {
  it('formats as reason (detail), like the admission plugin', () => {
    expect(formatViolation(ESCALATION)).toBe(
      'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)',
    );
  });
});
