import { readProtocol } from '../../lib/rules/ports';
import type { ValidationError } from '../../lib/rules/problem';
import { MSG } from './fixtures';

describe('readProtocol', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['fails lower-case tcp', { protocol: 'tcp' }, 'tcp'],
    ['fails HTTP', { protocol: 'HTTP' }, 'HTTP'],
  ])('%s', (_, port, protocol) => {
    const out: ValidationError[] = [];
    expect(readProtocol(port, 'spec.ports[0]', 'rule', out)).toBe(protocol);
    expect(out).toEqual([
      {
        rule: 'rule',
        severity: 'error',
        field: 'spec.ports[0].protocol',
        value: protocol,
        message: MSG.protocols,
        fix: 'Set spec.ports[0].protocol to TCP, UDP or SCTP (upper case), or omit it for TCP.',
      },
    ]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a missing protocol as TCP', {}, 'TCP'],
    ['an empty protocol as TCP', { protocol: '' }, 'TCP'],
    ['UDP', { protocol: 'UDP' }, 'UDP'],
    ['SCTP', { protocol: 'SCTP' }, 'SCTP'],
  ])('passes %s', (_, port, protocol) => {
    const out: ValidationError[] = [];
    expect(readProtocol(port, 'p', 'rule', out)).toBe(protocol);
    expect(out).toEqual([]);
  });
});
