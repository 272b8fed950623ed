import { validatePod } from '../../lib/rules/pod';
import { err, MSG, pod } from './fixtures';

describe('hostAliases (upstream ValidateHostAliases)', () => {
  test('fails a bad IP and a bad hostname, reported without the alias index as upstream does', () => {
    expect(validatePod(pod({ hostAliases: [{ ip: '10.0.0.256', hostnames: ['db', 'DB.local'] }] }))).toEqual([
      err(
        'pod-host-alias-ip-invalid',
        'spec.hostAliases.ip',
        '10.0.0.256',
        'must be valid IP address',
        'Set spec.hostAliases[0].ip to an IPv4 or IPv6 address.',
      ),
      err(
        'pod-host-alias-hostname-invalid',
        'spec.hostAliases.hostnames',
        'DB.local',
        MSG.dns1123Subdomain,
        'Use lower-case DNS names in spec.hostAliases[0].hostnames.',
      ),
    ]);
  });

  test('fails an alias without an IP', () => {
    expect(validatePod(pod({ hostAliases: [{ hostnames: ['db'] }] }))).toEqual([
      err(
        'pod-host-alias-ip-invalid',
        'spec.hostAliases.ip',
        '',
        'must be valid IP address',
        'Set spec.hostAliases[0].ip to an IPv4 or IPv6 address.',
      ),
    ]);
  });

  test('passes IPv4, IPv6 and IPv4-mapped aliases', () => {
    expect(
      validatePod(
        pod({
          hostAliases: [
            { ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] },
            { ip: 'fe80::1', hostnames: ['v6.local'] },
            { ip: '::ffff:10.1.2.3' },
          ],
        }),
      ),
    ).toEqual([]);
  });
});
