import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod } from './fixtures';

const USER_FIELD = 'spec.securityContext.windowsOptions.runAsUserName';
const USER_FIX =
  'Set spec.securityContext.windowsOptions.runAsUserName to USER or DOMAIN\\USER: a user of at most 104 characters without "/\\:;|=,+*?<>@[], and a NetBIOS or DNS domain.';
const windows = (windowsOptions: Record<string, unknown>) => pod({ securityContext: { windowsOptions } });
const userErr = (value: string, message: string) =>
  err('windows-run-as-user-name-invalid', USER_FIELD, value, message, USER_FIX);

describe('windowsOptions (upstream validateWindowsSecurityContextOptions)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a gmsaCredentialSpecName that is not a DNS subdomain',
      windows({ gmsaCredentialSpecName: 'WebApp' }),
      [
        err(
          'windows-gmsa-credential-spec-name-invalid',
          'spec.securityContext.windowsOptions.gmsaCredentialSpecName',
          'WebApp',
          MSG.dns1123Subdomain,
          'Set spec.securityContext.windowsOptions.gmsaCredentialSpecName to the name of a GMSACredentialSpec resource.',
        ),
      ],
    ],
    [
      'fails an empty gmsaCredentialSpec',
      windows({ gmsaCredentialSpec: '' }),
      [
        err(
          'windows-gmsa-credential-spec-invalid',
          'spec.securityContext.windowsOptions.gmsaCredentialSpec',
          '',
          'gmsaCredentialSpec cannot be an empty string',
          'Remove spec.securityContext.windowsOptions.gmsaCredentialSpec, or set it to the JSON credential spec (at most 64 KiB).',
        ),
      ],
    ],
    [
      'fails a gmsaCredentialSpec over 64 KiB',
      windows({ gmsaCredentialSpec: 'x'.repeat(65537) }),
      [
        err(
          'windows-gmsa-credential-spec-invalid',
          'spec.securityContext.windowsOptions.gmsaCredentialSpec',
          'x'.repeat(65537),
          'gmsaCredentialSpec size must be under 64 KiB',
          'Remove spec.securityContext.windowsOptions.gmsaCredentialSpec, or set it to the JSON credential spec (at most 64 KiB).',
        ),
      ],
    ],
    [
      'fails an empty runAsUserName',
      windows({ runAsUserName: '' }),
      [userErr('', 'runAsUserName cannot be an empty string')],
    ],
    [
      'fails a runAsUserName with a control character',
      windows({ runAsUserName: 'web\tuser' }),
      [userErr('web\tuser', 'runAsUserName cannot contain control characters')],
    ],
    [
      'fails a runAsUserName with two backslashes',
      windows({ runAsUserName: 'a\\b\\c' }),
      [userErr('a\\b\\c', 'runAsUserName cannot contain more than one backslash')],
    ],
    [
      'fails a domain that is neither NetBIOS nor DNS, and an empty user',
      windows({ runAsUserName: '.corp\\' }),
      [
        userErr(
          '.corp\\',
          "runAsUserName's Domain doesn't match the NetBios nor the DNS format; runAsUserName's User cannot be empty",
        ),
      ],
    ],
    [
      'fails a 105-character user',
      windows({ runAsUserName: 'u'.repeat(105) }),
      [userErr('u'.repeat(105), "runAsUserName's User length must not be longer than 104 characters")],
    ],
    [
      'fails a user of only dots and spaces',
      windows({ runAsUserName: '. .' }),
      [userErr('. .', "runAsUserName's User cannot contain only periods or spaces")],
    ],
    [
      'fails a user with an @',
      windows({ runAsUserName: 'CORP\\web@app' }),
      [
        userErr(
          'CORP\\web@app',
          `runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`,
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a plain user', windows({ runAsUserName: 'ContainerUser' })],
    ['a NetBIOS domain and a user', windows({ runAsUserName: 'CORP\\svc-web' })],
    ['a DNS domain and a user', windows({ runAsUserName: 'corp.example.com\\svc-web' })],
    ['a 104-character user', windows({ runAsUserName: 'u'.repeat(104) })],
    ['a GMSA spec name and spec', windows({ gmsaCredentialSpecName: 'webapp1', gmsaCredentialSpec: '{}' })],
    ['hostProcess alone', windows({ hostProcess: false })],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
