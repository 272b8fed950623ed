import fc from 'fast-check';
import {
  DEFAULT_POD_SECURITY_VERSION,
  NEWEST_POD_SECURITY_VERSION,
  POD_SECURITY_VERSIONS,
  resolvePodSecurityVersion,
} from '../../lib/pod-security';

describe('POD_SECURITY_VERSIONS', () => {
  it('lists v1.0 to v1.35, oldest first', () => {
    expect(POD_SECURITY_VERSIONS).toHaveLength(36);
    expect(POD_SECURITY_VERSIONS.slice(0, 3)).toEqual(['v1.0', 'v1.1', 'v1.2']);
    expect(POD_SECURITY_VERSIONS.slice(-3)).toEqual(['v1.33', 'v1.34', 'v1.35']);
    POD_SECURITY_VERSIONS.forEach((version, minor) => {
      expect(version).toBe(`v1.${minor}`);
    });
  });

  it('ends with the newest version, and defaults to latest', () => {
    expect(NEWEST_POD_SECURITY_VERSION).toBe('v1.35');
    expect(DEFAULT_POD_SECURITY_VERSION).toBe('latest');
  });
});

describe('resolvePodSecurityVersion', () => {
  it.each([
    ['latest', 'v1.35'],
    ['v1.0', 'v1.0'],
    ['v1.9', 'v1.9'],
    ['v1.28', 'v1.28'],
    ['v1.35', 'v1.35'],
    ['v1.36', 'v1.35'],
    ['v1.37', 'v1.35'],
    ['v1.1000', 'v1.35'],
  ])('resolves %s to %s', (version, expected) => {
    expect(resolvePodSecurityVersion(version)).toBe(expected);
  });

  it.each([
    'v1.00',
    'v1.01',
    'v0.28',
    'v1.28.0',
    ' v1.28',
    'v1.28 ',
    'v1.2e1',
    'v1.0x1',
    'latest-1',
    'LATEST',
  ])('fails on %j', version => {
    expect(() => resolvePodSecurityVersion(version)).toThrow(
      /^Pod Security version ".*" is not "latest" or "v1\.x"/,
    );
  });

  it('fails on a non-string from untyped callers', () => {
    expect(() => resolvePodSecurityVersion(28 as unknown as string)).toThrow(
      /^Pod Security version 28 is not "latest" or "v1\.x"/,
    );
  });

  it('resolves every v1.N: itself up to v1.35, v1.35 after', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), minor => {
        expect(resolvePodSecurityVersion(`v1.${minor}`)).toBe(minor <= 35 ? `v1.${minor}` : 'v1.35');
      }),
    );
  });

  it('fails on every string that is neither latest nor v1.N', () => {
    fc.assert(
      fc.property(
        fc.string().filter(s => s !== 'latest' && !/^v1\.(0|[1-9][0-9]*)$/.test(s)),
        version => {
          expect(() => resolvePodSecurityVersion(version)).toThrow(/is not "latest" or "v1\.x"/);
        },
      ),
    );
  });
});
