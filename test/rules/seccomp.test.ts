import type { ValidationError } from '../../lib/rules/problem';
import type { SecurityContextScope } from '../../lib/rules/seccomp';
import { validateSeccompProfile } from '../../lib/rules/seccomp';
import { err } from './fixtures';

// One implementation for the Pod's and a container's seccompProfile; the two scopes keep the
// fixes (and the reading of a non-string localhostProfile) they had when they were written apart.

const P = 'spec.securityContext.seccompProfile';
const C = 'spec.containers[0].securityContext.seccompProfile';

function check(scope: SecurityContextScope, seccompProfile: unknown): ValidationError[] {
  const out: ValidationError[] = [];
  const path = scope === 'pod' ? 'spec.securityContext' : 'spec.containers[0].securityContext';
  validateSeccompProfile({ seccompProfile }, path, scope, out);
  return out;
}

describe('validateSeccompProfile', () => {
  test.each<[string, SecurityContextScope, unknown, ValidationError[]]>([
    [
      'fails an unknown type in the Pod context, with its fix',
      'pod',
      { type: 'Default' },
      [
        err(
          'seccomp-profile-type-unsupported',
          `${P}.type`,
          'Default',
          'Unsupported value: supported values: "Localhost", "RuntimeDefault", "Unconfined"',
          `Set ${P}.type to RuntimeDefault, Localhost or Unconfined.`,
        ),
      ],
    ],
    [
      'fails an unknown type in a container context, with its fix',
      'container',
      { type: 'Default' },
      [
        err(
          'seccomp-profile-type-unsupported',
          `${C}.type`,
          'Default',
          'Unsupported value: supported values: "Localhost", "RuntimeDefault", "Unconfined"',
          `Set ${C}.type to RuntimeDefault, Localhost (with localhostProfile) or Unconfined.`,
        ),
      ],
    ],
    [
      'fails an absolute localhostProfile with ".." in the Pod context, one fix for both reasons',
      'pod',
      { type: 'Localhost', localhostProfile: '/a/../b.json' },
      [
        err(
          'seccomp-localhost-profile-invalid',
          `${P}.localhostProfile`,
          '/a/../b.json',
          'must be a relative path',
          `Set ${P}.localhostProfile to a relative path inside the kubelet's seccomp directory, without '..'.`,
        ),
        err(
          'seccomp-localhost-profile-invalid',
          `${P}.localhostProfile`,
          '/a/../b.json',
          "must not contain '..'",
          `Set ${P}.localhostProfile to a relative path inside the kubelet's seccomp directory, without '..'.`,
        ),
      ],
    ],
    [
      'fails an absolute localhostProfile with ".." in a container context, a fix for each reason',
      'container',
      { type: 'Localhost', localhostProfile: '/a/../b.json' },
      [
        err(
          'seccomp-localhost-profile-invalid',
          `${C}.localhostProfile`,
          '/a/../b.json',
          'must be a relative path',
          `Make ${C}.localhostProfile relative: drop the leading '/'.`,
        ),
        err(
          'seccomp-localhost-profile-invalid',
          `${C}.localhostProfile`,
          '/a/../b.json',
          "must not contain '..'",
          `Remove the '..' elements from ${C}.localhostProfile.`,
        ),
      ],
    ],
    [
      'fails a non-string localhostProfile beside RuntimeDefault in the Pod context as forbidden',
      'pod',
      { type: 'RuntimeDefault', localhostProfile: 7 },
      [
        err(
          'seccomp-localhost-profile-forbidden',
          `${P}.localhostProfile`,
          { type: 'RuntimeDefault', localhostProfile: 7 },
          'can only be set when seccomp type is Localhost',
          `Remove ${P}.localhostProfile, or set ${P}.type to Localhost.`,
        ),
      ],
    ],
    [
      'fails a non-string localhostProfile beside RuntimeDefault in a container context as a type error',
      'container',
      { type: 'RuntimeDefault', localhostProfile: 7 },
      [
        err(
          'field-type-invalid',
          `${C}.localhostProfile`,
          7,
          'must be a string; the API server cannot decode a number into this field',
          `Set ${C}.localhostProfile to a string, or remove it.`,
        ),
      ],
    ],
    [
      'fails an empty localhostProfile beside Unconfined',
      'container',
      { type: 'Unconfined', localhostProfile: '' },
      [
        err(
          'seccomp-localhost-profile-forbidden',
          `${C}.localhostProfile`,
          { type: 'Unconfined', localhostProfile: '' },
          'can only be set when seccomp type is Localhost',
          `Remove ${C}.localhostProfile, or set ${C}.type to Localhost.`,
        ),
      ],
    ],
  ])('%s', (_name, scope, profile, expected) => {
    expect(check(scope, profile)).toEqual(expected);
  });

  test.each<[SecurityContextScope, unknown]>([
    ['pod', undefined],
    ['pod', null],
    ['container', null],
    ['pod', { type: 'RuntimeDefault', localhostProfile: null }],
    ['container', { type: 'Localhost', localhostProfile: 'profiles/audit.json' }],
  ])('passes in the %s context: %p', (scope, profile) => {
    expect(check(scope, profile)).toEqual([]);
  });
});
