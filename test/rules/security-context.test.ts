import type { ValidationError } from '../../lib/rules/problem';
import { validateContainerSecurityContext } from '../../lib/rules/security-context';
import { err, MSG } from './fixtures';

type Json = Record<string, unknown>;

const S = 'spec.containers[0].securityContext';
const ID_RANGE = 'must be between 0 and 2147483647, inclusive';
const SECCOMP_TYPE_FIX = `Set ${S}.seccompProfile.type to RuntimeDefault, Localhost (with localhostProfile) or Unconfined.`;
const USER_FIX = `Set ${S}.windowsOptions.runAsUserName to "USER" or "DOMAIN\\USER".`;

function check(securityContext: Json): ValidationError[] {
  const out: ValidationError[] = [];
  validateContainerSecurityContext({ name: 'app', securityContext }, 'spec.containers[0]', out);
  return out;
}

describe('validateContainerSecurityContext', () => {
  test('fails privileged next to allowPrivilegeEscalation: false (cdk8s-plus sets the latter by default)', () => {
    const context = { privileged: true, allowPrivilegeEscalation: false, runAsNonRoot: true };
    expect(check(context)).toEqual([
      err(
        'security-context-privileged-escalation-conflict',
        S,
        { privileged: true, allowPrivilegeEscalation: false, runAsNonRoot: true },
        'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
        `Remove privileged: true (a privileged container can always escalate), or set ${S}.allowPrivilegeEscalation to true.`,
      ),
    ]);
  });

  test('fails adding CAP_SYS_ADMIN next to allowPrivilegeEscalation: false', () => {
    const context = {
      allowPrivilegeEscalation: false,
      capabilities: { add: ['NET_ADMIN', 'CAP_SYS_ADMIN'] },
    };
    expect(check(context)).toEqual([
      err(
        'security-context-sys-admin-escalation-conflict',
        S,
        { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'CAP_SYS_ADMIN'] } },
        'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
        `Remove CAP_SYS_ADMIN from ${S}.capabilities.add, or set ${S}.allowPrivilegeEscalation to true.`,
      ),
    ]);
  });

  test.each<[string, Json, ValidationError[]]>([
    [
      'fails user and group ids out of range',
      { runAsUser: -1, runAsGroup: 2147483648 },
      [
        err(
          'security-context-id-invalid',
          `${S}.runAsUser`,
          -1,
          ID_RANGE,
          `Set ${S}.runAsUser to an id between 0 and 2147483647.`,
        ),
        err(
          'security-context-id-invalid',
          `${S}.runAsGroup`,
          2147483648,
          ID_RANGE,
          `Set ${S}.runAsGroup to an id between 0 and 2147483647.`,
        ),
      ],
    ],
    [
      'fails an unknown procMount (stricter: a default 1.28 server drops the field)',
      { procMount: 'Masked' },
      [
        err(
          'security-context-proc-mount-unsupported',
          `${S}.procMount`,
          'Masked',
          'Unsupported value: supported values: "Default", "Unmasked"',
          `Set ${S}.procMount to Default, or remove it.`,
        ),
      ],
    ],
    [
      'fails a seccomp profile without a type',
      { seccompProfile: {} },
      [
        err(
          'seccomp-profile-type-required',
          `${S}.seccompProfile.type`,
          undefined,
          'Required value: type is required when seccompProfile is set',
          SECCOMP_TYPE_FIX,
        ),
      ],
    ],
    [
      'fails an unknown seccomp type',
      { seccompProfile: { type: 'Custom' } },
      [
        err(
          'seccomp-profile-type-unsupported',
          `${S}.seccompProfile.type`,
          'Custom',
          'Unsupported value: supported values: "Localhost", "RuntimeDefault", "Unconfined"',
          SECCOMP_TYPE_FIX,
        ),
      ],
    ],
    [
      'fails a Localhost profile without localhostProfile',
      { seccompProfile: { type: 'Localhost' } },
      [
        err(
          'seccomp-localhost-profile-required',
          `${S}.seccompProfile.localhostProfile`,
          undefined,
          'Required value: must be set when seccomp type is Localhost',
          `Set ${S}.seccompProfile.localhostProfile to the profile's path relative to the kubelet's seccomp directory.`,
        ),
      ],
    ],
    [
      'fails an absolute localhostProfile',
      { seccompProfile: { type: 'Localhost', localhostProfile: '/etc/profile.json' } },
      [
        err(
          'seccomp-localhost-profile-invalid',
          `${S}.seccompProfile.localhostProfile`,
          '/etc/profile.json',
          'must be a relative path',
          `Make ${S}.seccompProfile.localhostProfile relative: drop the leading '/'.`,
        ),
      ],
    ],
    [
      'fails a localhostProfile with another type',
      { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'p.json' } },
      [
        err(
          'seccomp-localhost-profile-forbidden',
          `${S}.seccompProfile.localhostProfile`,
          { type: 'RuntimeDefault', localhostProfile: 'p.json' },
          'can only be set when seccomp type is Localhost',
          `Remove ${S}.seccompProfile.localhostProfile, or set ${S}.seccompProfile.type to Localhost.`,
        ),
      ],
    ],
    [
      'fails Windows credential specs and user names upstream refuses',
      {
        windowsOptions: {
          gmsaCredentialSpecName: 'Spec',
          gmsaCredentialSpec: '',
          runAsUserName: '.dom\\us/er',
        },
      },
      [
        err(
          'windows-gmsa-credential-spec-name-invalid',
          `${S}.windowsOptions.gmsaCredentialSpecName`,
          'Spec',
          MSG.dns1123Subdomain,
          'Set it to the name of a GMSACredentialSpec resource.',
        ),
        err(
          'windows-gmsa-credential-spec-invalid',
          `${S}.windowsOptions.gmsaCredentialSpec`,
          '',
          'gmsaCredentialSpec cannot be an empty string',
          'Set gmsaCredentialSpec to the credential spec JSON, or remove it.',
        ),
        err(
          'windows-run-as-user-name-invalid',
          `${S}.windowsOptions.runAsUserName`,
          '.dom\\us/er',
          "runAsUserName's Domain doesn't match the NetBios nor the DNS format",
          USER_FIX,
        ),
        err(
          'windows-run-as-user-name-invalid',
          `${S}.windowsOptions.runAsUserName`,
          '.dom\\us/er',
          'runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]',
          USER_FIX,
        ),
      ],
    ],
    [
      'fails Windows user names that are empty, have two backslashes, or only dots',
      { windowsOptions: { runAsUserName: 'a\\b\\c' } },
      [
        err(
          'windows-run-as-user-name-invalid',
          `${S}.windowsOptions.runAsUserName`,
          'a\\b\\c',
          'runAsUserName cannot contain more than one backslash',
          USER_FIX,
        ),
      ],
    ],
    [
      'fails a Windows user of only periods',
      { windowsOptions: { runAsUserName: '..' } },
      [
        err(
          'windows-run-as-user-name-invalid',
          `${S}.windowsOptions.runAsUserName`,
          '..',
          "runAsUserName's User cannot contain only periods or spaces",
          USER_FIX,
        ),
      ],
    ],
  ])('%s', (_name, context, expected) => {
    expect(check(context)).toEqual(expected);
  });

  test.each<[string, Json]>([
    [
      'the restricted context cdk8s-plus and this package render',
      {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        privileged: false,
        readOnlyRootFilesystem: true,
        runAsGroup: 999,
        runAsNonRoot: true,
        runAsUser: 999,
        seccompProfile: { type: 'RuntimeDefault' },
      },
    ],
    ['privileged with escalation allowed', { privileged: true, allowPrivilegeEscalation: true }],
    [
      'SYS_ADMIN spelt without CAP_, which upstream does not match',
      { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } },
    ],
    [
      'a Localhost profile',
      { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } },
    ],
    ['a Windows domain user', { windowsOptions: { runAsUserName: 'CONTOSO\\svc-web', hostProcess: false } }],
    ['the largest ids', { runAsUser: 2147483647, runAsGroup: 0 }],
  ])('passes %s', (_name, context) => {
    expect(check(context)).toEqual([]);
  });
});
