import fc from 'fast-check';
import type { PodSecurityLevel, PodSecurityVersion, PodSecurityViolation } from '../../lib/pod-security';
import {
  evaluatePodSecurity,
  formatViolation,
  POD_SECURITY_POLICY_VERSION,
  PodSecurityLevels,
} from '../../lib/pod-security';
import type { PodFixture } from './fixtures';
import { app, context, failedChecks, podContext, restrictedPod } from './fixtures';

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

describe('policy versions', () => {
  /** Safe from v1.29 only. */
  const keepalivePod = () =>
    restrictedPod(p => {
      podContext(p).sysctls = [{ name: 'net.ipv4.tcp_keepalive_time', value: '600' }];
    });

  const KEEPALIVE: PodSecurityViolation = {
    check: 'sysctls',
    level: 'baseline',
    reason: 'forbidden sysctls',
    detail: 'net.ipv4.tcp_keepalive_time',
    field: 'spec.securityContext.sysctls[0].name',
    fix: expect.stringMatching(/^Remove net\.ipv4\.tcp_keepalive_time from spec\.securityContext\.sysctls; /),
  };

  it('fails a pod at the version pinned, as a cluster labelled enforce-version: v1.28 does', () => {
    expect(evaluatePodSecurity(keepalivePod(), 'baseline', { version: 'v1.28' })).toEqual([KEEPALIVE]);
  });

  it('passes the same pod at v1.29, at latest, and by default (latest)', () => {
    expect(evaluatePodSecurity(keepalivePod(), 'baseline', { version: 'v1.29' })).toEqual([]);
    expect(evaluatePodSecurity(keepalivePod(), 'baseline', { version: 'latest' })).toEqual([]);
    expect(evaluatePodSecurity(keepalivePod(), 'baseline', {})).toEqual([]);
    expect(evaluatePodSecurity(keepalivePod(), 'baseline')).toEqual([]);
  });

  it('fails at POD_SECURITY_POLICY_VERSION, the v1.28 policy a Kubernetes 1.28 cluster enforces', () => {
    expect(POD_SECURITY_POLICY_VERSION).toBe('v1.28');
    expect(evaluatePodSecurity(keepalivePod(), 'baseline', { version: POD_SECURITY_POLICY_VERSION })).toEqual(
      [KEEPALIVE],
    );
  });

  it.each(['v1.36', 'v1.99', 'v1.9223372036854775807'] as const)(
    'evaluates %s, newer than any version known, as the newest (v1.35)',
    version => {
      // hostProbesAndHostLifecycle (v1.34) fails it; the v1.35 user-namespace relaxation passes runAsUser 0.
      const pod = restrictedPod(p => {
        p.spec.hostUsers = false;
        podContext(p).runAsUser = 0;
        app(p).livenessProbe = { tcpSocket: { host: 'localhost', port: 8080 } };
      });
      expect(failedChecks(pod, 'restricted', version)).toEqual(['hostProbesAndHostLifecycle']);
      expect(failedChecks(pod, 'restricted', 'v1.34')).toEqual(['hostProbesAndHostLifecycle', 'runAsUser']);
    },
  );

  it.each([
    ['v2.0', '"v2.0"'],
    ['1.28', '"1.28"'],
    ['v1.028', '"v1.028"'],
    ['v1.', '"v1."'],
    ['V1.28', '"V1.28"'],
    ['v1.-1', '"v1.-1"'],
    ['Latest', '"Latest"'],
    ['', '""'],
    ['v1.9223372036854775808', '"v1.9223372036854775808"'],
  ])('fails closed on %j, which upstream rejects, with an error naming it', (version, quoted) => {
    expect(() =>
      evaluatePodSecurity(restrictedPod(), 'restricted', { version: version as PodSecurityVersion }),
    ).toThrow(
      new Error(
        `Pod Security version ${quoted} is not "latest" or "v1.x": expected "latest" or one of "v1.0" to "v1.35" ` +
          '(a later "v1.x" is evaluated as "v1.35"), as in the pod-security.kubernetes.io/enforce-version label.',
      ),
    );
  });

  it('fails closed on a bad version even at privileged, where no check runs', () => {
    expect(() =>
      evaluatePodSecurity(restrictedPod(), 'privileged', { version: 'v2' as PodSecurityVersion }),
    ).toThrow(/Pod Security version "v2" is not "latest" or "v1.x"/);
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
