import type { ValidationError } from '../../lib/rules/problem';
import { validateService } from '../../lib/rules/service';
import { err, MSG, service } from './fixtures';

const NAME_FIX = 'Set spec.externalName to the DNS name the Service aliases, e.g. db.example.com.';
const externalName = (name: unknown) =>
  service({ type: 'ExternalName', externalName: name, ports: undefined });

describe('ExternalName and appProtocol (upstream ValidateService, validateServicePort)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails an ExternalName Service without externalName',
      externalName(undefined),
      [err('service-external-name-required', 'spec.externalName', undefined, 'Required value', NAME_FIX)],
    ],
    [
      'fails an externalName of only a dot',
      externalName('.'),
      [err('service-external-name-required', 'spec.externalName', '.', 'Required value', NAME_FIX)],
    ],
    [
      'fails an upper-case externalName, reported without its trailing dot',
      externalName('DB.example.com.'),
      [
        err(
          'service-external-name-invalid',
          'spec.externalName',
          'DB.example.com',
          MSG.dns1123Subdomain,
          NAME_FIX,
        ),
      ],
    ],
    [
      'fails an appProtocol that is not a qualified name',
      service({ ports: [{ port: 80, appProtocol: 'http 2' }] }),
      [
        err(
          'service-app-protocol-invalid',
          'spec.ports[0].appProtocol',
          'http 2',
          MSG.qualifiedNamePart,
          'Set spec.ports[0].appProtocol to an IANA service name such as http, or a prefixed name such as kubernetes.io/h2c.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validateService(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a fully qualified externalName with a trailing dot', externalName('db.example.com.')],
    ['an externalName that is an IP address (a valid subdomain)', externalName('10.0.0.1')],
    [
      'an ExternalName Service with a selector (upstream does not forbid it)',
      service({ type: 'ExternalName', externalName: 'db.example.com' }),
    ],
    [
      'appProtocols http and kubernetes.io/h2c',
      service({
        ports: [
          { name: 'a', port: 80, appProtocol: 'http' },
          { name: 'b', port: 81, appProtocol: 'kubernetes.io/h2c' },
        ],
      }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validateService(manifest)).toEqual([]);
  });
});
