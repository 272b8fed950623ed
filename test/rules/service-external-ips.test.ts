import type { ValidationError } from '../../lib/rules/problem';
import { validateService } from '../../lib/rules/service';
import { err, service } from './fixtures';

const ipErr = (index: number, value: string, message: string) =>
  err(
    'service-external-ip-invalid',
    `spec.externalIPs[${index}]`,
    value,
    message,
    `Set spec.externalIPs[${index}] to a routable address of a node or load balancer, or remove it.`,
  );

describe('Service externalIPs (upstream IsValidIP, ValidateNonSpecialIP)', () => {
  test.each<[string, string, ValidationError[]]>([
    [
      'a host name',
      'lb.example.com',
      [ipErr(0, 'lb.example.com', 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')],
    ],
    ['0.0.0.0', '0.0.0.0', [ipErr(0, '0.0.0.0', 'may not be unspecified (0.0.0.0)')]],
    ['::', '::', [ipErr(0, '::', 'may not be unspecified (::)')]],
    [
      'a loopback address',
      '127.0.0.1',
      [ipErr(0, '127.0.0.1', 'may not be in the loopback range (127.0.0.0/8, ::1/128)')],
    ],
    [
      'the cloud metadata address',
      '169.254.169.254',
      [ipErr(0, '169.254.169.254', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')],
    ],
    [
      'an IPv6 link-local address',
      'fe80::1',
      [ipErr(0, 'fe80::1', 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')],
    ],
    [
      'mDNS',
      '224.0.0.251',
      [ipErr(0, '224.0.0.251', 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')],
    ],
  ])('fails %s', (_, ip, expected) => {
    expect(validateService(service({ externalIPs: [ip] }))).toEqual(expected);
  });

  test('passes public, private and IPv6 addresses', () => {
    expect(validateService(service({ externalIPs: ['203.0.113.10', '10.0.0.5', '2001:db8::10'] }))).toEqual(
      [],
    );
  });
});
