import fc from 'fast-check';
import {
  isCIDR,
  isIPv6String,
  isLinkLocalMulticast,
  isLinkLocalUnicast,
  isLoopback,
  isUnspecified,
  isV4,
  parseIP,
} from '../../lib/rules/ip';

describe('parseIP (netutils.ParseIPSloppy)', () => {
  test.each([
    '10.96.0.10',
    '0.0.0.0',
    '255.255.255.255',
    '010.001.000.009',
    '::',
    '::1',
    'fe80::1',
    '2001:db8::ffff',
    '2001:0db8:0000:0000:0000:0000:0000:0001',
    '::ffff:10.1.2.3',
    '64:ff9b::192.0.2.33',
    '1:2:3:4:5:6:7:8',
  ])('parses %s', value => {
    expect(parseIP(value)).toBeDefined();
  });

  test.each([
    '',
    '10.0.0',
    '10.0.0.256',
    '10.0.0.1.',
    '10.0.0.-1',
    ' 10.0.0.1',
    '1.2.3.4/32',
    ':::',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '1:2:3:4:5:6:7::8',
    '2001:db8::g',
    '::ffff:1.2.3',
    'fe80::1%eth0',
    'localhost',
  ])('rejects %s', value => {
    expect(parseIP(value)).toBeUndefined();
  });

  test('tells IPv4 (mapped included) from IPv6', () => {
    expect(isIPv6String('10.0.0.1')).toBe(false);
    expect(isIPv6String('::ffff:10.0.0.1')).toBe(false);
    expect(isIPv6String('2001:db8::1')).toBe(true);
    expect(isIPv6String('nope')).toBe(false);
  });

  test.each<[string, boolean, boolean, boolean, boolean]>([
    // value, unspecified, loopback, link-local unicast, link-local multicast
    ['0.0.0.0', true, false, false, false],
    ['::', true, false, false, false],
    ['127.1.2.3', false, true, false, false],
    ['::1', false, true, false, false],
    ['::ffff:127.0.0.1', false, true, false, false],
    ['169.254.169.254', false, false, true, false],
    ['fe80::1', false, false, true, false],
    ['febf::1', false, false, true, false],
    ['224.0.0.251', false, false, false, true],
    ['ff02::1', false, false, false, true],
    ['224.0.1.1', false, false, false, false],
    ['203.0.113.10', false, false, false, false],
  ])('classifies %s', (value, unspecified, loopback, linkLocal, multicast) => {
    const ip = parseIP(value);
    if (ip === undefined) throw new Error(`${value} did not parse`);
    expect([isUnspecified(ip), isLoopback(ip), isLinkLocalUnicast(ip), isLinkLocalMulticast(ip)]).toEqual([
      unspecified,
      loopback,
      linkLocal,
      multicast,
    ]);
  });

  test.each<[string, boolean]>([
    ['10.0.0.0/8', true],
    ['0.0.0.0/0', true],
    ['10.0.0.1/32', true],
    ['2001:db8::/32', true],
    ['::/128', true],
    ['10.0.0.0/33', false],
    ['10.0.0.0', false],
    ['10.0.0.0/', false],
    ['10.0.0.0/+8', false],
    ['2001:db8::/129', false],
    ['not-a-cidr/8', false],
  ])('isCIDR(%s) is %s', (value, expected) => {
    expect(isCIDR(value)).toBe(expected);
  });

  test('property: every generated IPv4 address parses as IPv4', () => {
    fc.assert(
      fc.property(fc.ipV4(), value => parseIP(value) !== undefined && isV4(parseIP(value) as Uint8Array)),
    );
  });

  test('property: every generated IPv6 address parses', () => {
    fc.assert(fc.property(fc.ipV6(), value => parseIP(value) !== undefined));
  });
});
