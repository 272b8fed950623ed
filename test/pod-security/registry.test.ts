import { POD_SECURITY_CHECKS } from '../../lib/pod-security/checks';
import { checksAt } from '../../lib/pod-security/registry';
import { POD_SECURITY_VERSIONS } from '../../lib/pod-security/version';

const ids = (level: 'baseline' | 'restricted', minor: number) =>
  checksAt(level, minor).map(check => check.id);

const BASELINE_V1_0 = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPathVolumes',
  'hostPorts',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
];

const BASELINE_V1_34 = [
  'appArmorProfile',
  'capabilities_baseline',
  'hostNamespaces',
  'hostPathVolumes',
  'hostPorts',
  'hostProbesAndHostLifecycle',
  'privileged',
  'procMount',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
];

describe('checksAt', () => {
  it.each([
    [0, BASELINE_V1_0],
    [33, BASELINE_V1_0],
    [34, BASELINE_V1_34],
    [35, BASELINE_V1_34],
  ])('runs at baseline v1.%i the baseline checks of that version, sorted by id', (minor, expected) => {
    expect(ids('baseline', minor)).toEqual(expected);
  });

  it.each([
    [0, [...BASELINE_V1_0, 'restrictedVolumes', 'runAsNonRoot']],
    [7, [...BASELINE_V1_0, 'restrictedVolumes', 'runAsNonRoot']],
    [8, [...BASELINE_V1_0, 'allowPrivilegeEscalation', 'restrictedVolumes', 'runAsNonRoot']],
    [
      19,
      [
        ...BASELINE_V1_0,
        'allowPrivilegeEscalation',
        'restrictedVolumes',
        'runAsNonRoot',
        'seccompProfile_restricted',
      ],
    ],
    [
      22,
      [
        ...BASELINE_V1_0,
        'allowPrivilegeEscalation',
        'capabilities_restricted',
        'restrictedVolumes',
        'runAsNonRoot',
        'seccompProfile_restricted',
      ],
    ],
    [
      23,
      [
        ...BASELINE_V1_0,
        'allowPrivilegeEscalation',
        'capabilities_restricted',
        'restrictedVolumes',
        'runAsNonRoot',
        'runAsUser',
        'seccompProfile_restricted',
      ],
    ],
    [
      34,
      [
        ...BASELINE_V1_34,
        'allowPrivilegeEscalation',
        'capabilities_restricted',
        'restrictedVolumes',
        'runAsNonRoot',
        'runAsUser',
        'seccompProfile_restricted',
      ],
    ],
    [
      35,
      [
        ...BASELINE_V1_34,
        'allowPrivilegeEscalation',
        'capabilities_restricted',
        'procMount_restricted',
        'restrictedVolumes',
        'runAsNonRoot',
        'runAsUser',
        'seccompProfile_restricted',
      ],
    ],
  ])(
    'runs at restricted v1.%i every baseline check, then the restricted ones, sorted by id',
    (minor, expected) => {
      expect(ids('restricted', minor)).toEqual(expected);
    },
  );

  it('resolves a level and version once, then hands back the same list', () => {
    expect(checksAt('restricted', 28)).toBe(checksAt('restricted', 28));
    expect(checksAt('baseline', 0)).toBe(checksAt('baseline', 0));
  });

  it('picks the revision in force: v1.34 and v1.35 run different runAsUser revisions', () => {
    const runAsUser = (minor: number) =>
      checksAt('restricted', minor).find(check => check.id === 'runAsUser');
    expect(runAsUser(34)?.evaluate).toBe(runAsUser(23)?.evaluate);
    expect(runAsUser(35)?.evaluate).not.toBe(runAsUser(34)?.evaluate);
  });
});

describe('POD_SECURITY_CHECKS', () => {
  it('has unique ids, sorted within each level, baseline first, as upstream reports them', () => {
    const baseline = POD_SECURITY_CHECKS.filter(check => check.level === 'baseline').map(check => check.id);
    const restricted = POD_SECURITY_CHECKS.filter(check => check.level === 'restricted').map(
      check => check.id,
    );
    expect(POD_SECURITY_CHECKS.map(check => check.id)).toEqual([...baseline, ...restricted]);
    expect(baseline).toEqual([...baseline].sort());
    expect(restricted).toEqual([...restricted].sort());
    expect(new Set(POD_SECURITY_CHECKS.map(check => check.id)).size).toBe(POD_SECURITY_CHECKS.length);
  });

  it.each(POD_SECURITY_CHECKS.map(check => [check.id, check] as const))(
    'lists the revisions of %s in strictly increasing version order',
    (_id, check) => {
      const minors = check.revisions.map(revision => POD_SECURITY_VERSIONS.indexOf(revision.since));
      expect(minors.every(minor => minor >= 0)).toBe(true);
      expect(minors).toEqual([...new Set(minors)].sort((a, b) => a - b));
    },
  );
});
