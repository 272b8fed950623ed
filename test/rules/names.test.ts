import fc from 'fast-check';
import {
  inclusiveRangeError,
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  maxLenError,
  regexError,
} from '../../lib/rules/names';
import { MSG, repeat } from './fixtures';

const RUNS = { numRuns: 200 };

describe('message helpers', () => {
  test('regexError lists examples the way upstream does (double space before "or")', () => {
    expect(regexError('msg', 'fmt', 'a', 'b')).toBe(
      "msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')",
    );
    expect(regexError('msg', 'fmt')).toBe("msg (regex used for validation is 'fmt')");
  });
  test('maxLenError and inclusiveRangeError', () => {
    expect(maxLenError(63)).toBe('must be no more than 63 characters');
    expect(inclusiveRangeError(1, 2)).toBe('must be between 1 and 2, inclusive');
  });
});

describe('predicates reject', () => {
  test.each<[string, (value: string) => string[], string, string[]]>([
    ['fails a DNS-1123 label with upper case', isDns1123Label, 'Web', [MSG.dns1123Label]],
    ['fails a DNS-1123 label with dots', isDns1123Label, 'a.b', ['must not contain dots']],
    ['fails a DNS-1123 label ending in -', isDns1123Label, 'a-', [MSG.dns1123Label]],
    ['fails an empty DNS-1123 label', isDns1123Label, '', [MSG.dns1123Label]],
    ['fails a 64-char DNS-1123 label', isDns1123Label, repeat('a', 64), [maxLenError(63)]],
    [
      'fails a 254-char subdomain',
      isDns1123Subdomain,
      `${repeat('a', 63)}.`.repeat(4).slice(0, 254),
      [maxLenError(253)],
    ],
    ['fails a subdomain ending in .', isDns1123Subdomain, 'example.com.', [MSG.dns1123Subdomain]],
    ['fails a subdomain with an empty label', isDns1123Subdomain, 'a..b', [MSG.dns1123Subdomain]],
    ['fails a subdomain with _', isDns1123Subdomain, 'a_b', [MSG.dns1123Subdomain]],
    ['fails a DNS-1035 label starting with a digit', isDns1035Label, '1abc', [MSG.dns1035Label]],
    ['fails a 64-char DNS-1035 label', isDns1035Label, repeat('a', 64), [maxLenError(63)]],
    [
      'fails a qualified name with two slashes',
      isQualifiedName,
      'a/b/c',
      [
        `a qualified name ${MSG.qualifiedNamePart.replace('name part ', '')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    ],
    [
      'fails a qualified name with an empty prefix',
      isQualifiedName,
      '/name',
      ['prefix part must be non-empty'],
    ],
    [
      'fails a qualified name with an upper-case prefix',
      isQualifiedName,
      'Example.com/name',
      [`prefix part ${MSG.dns1123Subdomain}`],
    ],
    [
      'fails a qualified name with an empty name part',
      isQualifiedName,
      'example.com/',
      ['name part must be non-empty', MSG.qualifiedNamePart],
    ],
    [
      'fails a qualified name with a 64-char name part',
      isQualifiedName,
      repeat('a', 64),
      ['name part must be no more than 63 characters'],
    ],
    ['fails a qualified name ending in .', isQualifiedName, 'app.', [MSG.qualifiedNamePart]],
    ['fails a label value with a space', isValidLabelValue, 'a b', [MSG.labelValue]],
    ['fails a 64-char label value', isValidLabelValue, repeat('a', 64), [maxLenError(63)]],
    [
      'fails a port name with upper case',
      isValidPortName,
      'HTTP',
      [
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
      ],
    ],
    ['fails a port name of digits only', isValidPortName, '8080', ['must contain at least one letter (a-z)']],
    ['fails a port name with --', isValidPortName, 'a--b', ['must not contain consecutive hyphens']],
    ['fails a port name starting with -', isValidPortName, '-ab', ['must not begin or end with a hyphen']],
    ['fails a 16-char port name', isValidPortName, repeat('a', 16), ['must be no more than 15 characters']],
    [
      'fails an empty port name',
      isValidPortName,
      '',
      [
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
      ],
    ],
    ['fails an env var name starting with a digit', isEnvVarName, '1FOO', [MSG.envVarName]],
    ['fails an env var name with =', isEnvVarName, 'A=B', [MSG.envVarName]],
    ['fails the env var name .', isEnvVarName, '.', ["must not be '.'"]],
    ['fails the env var name ..', isEnvVarName, '..', ["must not be '..'"]],
    ['fails an env var name starting with ..', isEnvVarName, '..a', ["must not start with '..'"]],
  ])('%s', (_, predicate, value, expected) => {
    expect(predicate(value)).toEqual(expected);
  });

  test.each([0, -1, 65536, 1e9])('fails port number %d', port => {
    expect(isValidPortNum(port)).toEqual([MSG.portRange]);
  });
});

describe('predicates accept', () => {
  test.each<[string, (value: string) => string[], string]>([
    ['a 63-char DNS-1123 label', isDns1123Label, repeat('a', 63)],
    ['a DNS-1123 label starting with a digit', isDns1123Label, '1-web'],
    ['a 253-char dotted subdomain', isDns1123Subdomain, `${repeat('a', 63)}.`.repeat(4).slice(0, 253)],
    ['a 63-char DNS-1035 label', isDns1035Label, repeat('a', 63)],
    ['a prefixed label key', isQualifiedName, 'app.kubernetes.io/name'],
    ['a label key with upper case and _', isQualifiedName, 'My_Key.1'],
    ['an empty label value', isValidLabelValue, ''],
    ['a 63-char label value', isValidLabelValue, repeat('A', 63)],
    ['port name a-b', isValidPortName, 'a-b'],
    ['port name 1a', isValidPortName, '1a'],
    ['a 15-char port name', isValidPortName, 'abcdefghijklmno'],
    ['env var name my.env-name', isEnvVarName, 'my.env-name'],
    ['env var name _FOO', isEnvVarName, '_FOO'],
    ['env var name .a', isEnvVarName, '.a'],
  ])('passes %s', (_, predicate, value) => {
    expect(predicate(value)).toEqual([]);
  });

  test.each([1, 80, 65535])('passes port number %d', port => {
    expect(isValidPortNum(port)).toEqual([]);
  });
});

// Generators of valid values follow the upstream grammar; invalid ones break exactly one rule of it.
const dns1123Label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
const dns1035Label = fc.stringMatching(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
const subdomain = fc
  .array(dns1123Label, { minLength: 1, maxLength: 5 })
  .map(labels => labels.join('.'))
  .filter(s => s.length <= 253);
const namePart = fc.stringMatching(/^([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$/);
const portName = fc.stringMatching(/^[a-z0-9]{1,5}(-[a-z0-9]{1,4}){0,2}$/).filter(s => /[a-z]/.test(s));
const envVarName = fc
  .stringMatching(/^[-._a-zA-Z][-._a-zA-Z0-9]{0,30}$/)
  .filter(s => s !== '.' && !s.startsWith('..'));
const badChar = fc.constantFrom('A', 'Z', '_', '!', ' ', '@', 'é', '/', ':');
/** Inserts one of `chars` into `value` at a random position. */
const corrupt = (value: fc.Arbitrary<string>, chars: fc.Arbitrary<string>) =>
  fc
    .tuple(value, chars, fc.nat())
    .map(([s, c, i]) => `${s.slice(0, i % (s.length + 1))}${c}${s.slice(i % (s.length + 1))}`);

describe('property: valid values are accepted', () => {
  test.each<[string, fc.Arbitrary<string>, (value: string) => string[]]>([
    ['DNS-1123 labels', dns1123Label, isDns1123Label],
    ['DNS-1123 subdomains', subdomain, isDns1123Subdomain],
    ['DNS-1035 labels', dns1035Label, isDns1035Label],
    [
      'qualified names',
      fc.tuple(fc.option(subdomain), namePart).map(([p, n]) => (p ? `${p}/${n}` : n)),
      isQualifiedName,
    ],
    ['label values', fc.option(namePart).map(v => v ?? ''), isValidLabelValue],
    ['port names', portName, isValidPortName],
    ['env var names', envVarName, isEnvVarName],
  ])('passes random %s', (_, values, predicate) => {
    fc.assert(
      fc.property(values, value => predicate(value).length === 0),
      RUNS,
    );
  });

  test('passes random port numbers in 1-65535', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), port => isValidPortNum(port).length === 0),
      RUNS,
    );
  });
});

describe('property: invalid values are rejected', () => {
  test.each<[string, fc.Arbitrary<string>, (value: string) => string[]]>([
    [
      'DNS-1123 labels with a bad character',
      corrupt(dns1123Label, fc.constantFrom(...'A_.!@ é/')),
      isDns1123Label,
    ],
    ['DNS-1123 labels over 63 characters', dns1123Label.map(s => `${s}${repeat('a', 64)}`), isDns1123Label],
    ['DNS-1123 labels with a leading -', dns1123Label.map(s => `-${s}`), isDns1123Label],
    ['DNS-1123 subdomains with a bad character', corrupt(subdomain, badChar), isDns1123Subdomain],
    [
      'DNS-1123 subdomains over 253 characters',
      subdomain.map(s => `${s}.${repeat('a.', 127)}a`),
      isDns1123Subdomain,
    ],
    [
      'DNS-1035 labels starting with a digit',
      fc.tuple(fc.integer({ min: 0, max: 9 }), dns1035Label).map(([d, s]) => `${d}${s}`.slice(0, 63)),
      isDns1035Label,
    ],
    ['DNS-1035 labels with a bad character', corrupt(dns1035Label, badChar), isDns1035Label],
    [
      'qualified names with a bad character',
      corrupt(namePart, fc.constantFrom('!', ' ', '@', 'é', ':')),
      isQualifiedName,
    ],
    [
      'qualified names with two slashes',
      fc.tuple(namePart, namePart).map(([a, b]) => `${a}/${b}/x`),
      isQualifiedName,
    ],
    [
      'qualified names with an upper-case prefix',
      fc.tuple(subdomain, namePart).map(([p, n]) => `${p.toUpperCase()}X/${n}`),
      isQualifiedName,
    ],
    ['label values over 63 characters', namePart.map(s => `${s}${repeat('a', 64)}`), isValidLabelValue],
    ['port names over 15 characters', portName.map(s => `${s}${repeat('a', 15)}`), isValidPortName],
    ['port names without a letter', fc.stringMatching(/^[0-9]{1,15}$/), isValidPortName],
    ['port names with --', fc.tuple(portName, portName).map(([a, b]) => `${a}--${b}`), isValidPortName],
    [
      'env var names starting with a digit',
      fc.tuple(fc.integer({ min: 0, max: 9 }), envVarName).map(([d, s]) => `${d}${s}`),
      isEnvVarName,
    ],
    [
      'env var names with a bad character',
      corrupt(envVarName, fc.constantFrom('=', ' ', '$', 'é', '/')),
      isEnvVarName,
    ],
  ])('fails random %s', (_, values, predicate) => {
    fc.assert(
      fc.property(values, value => predicate(value).length > 0),
      RUNS,
    );
  });

  test('fails random port numbers outside 1-65535', () => {
    const outside = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 65536 }));
    fc.assert(
      fc.property(outside, port => isValidPortNum(port).length > 0),
      RUNS,
    );
  });
});

// The predicates take a shortcut for valid values; these oracles spell out upstream's conditions
// one by one, so the shortcut must agree with them on arbitrary strings, valid or not.
describe('property: the valid-value shortcut agrees with the conditions it stands for', () => {
  const anyName = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.stringMatching(/^[-a-z0-9]{0,18}$/),
    fc.stringMatching(/^[-._a-zA-Z0-9]{0,12}$/),
  );

  test('isValidPortName: at most 15 of [-a-z0-9], a letter, no "--", no hyphen at either end', () => {
    const oracle = (name: string): boolean =>
      name.length <= 15 &&
      /^[-a-z0-9]+$/.test(name) &&
      /[a-z]/.test(name) &&
      !name.includes('--') &&
      !name.startsWith('-') &&
      !name.endsWith('-');
    fc.assert(
      fc.property(anyName, name => (isValidPortName(name).length === 0) === oracle(name)),
      RUNS,
    );
  });

  test('isQualifiedName: an optional DNS-1123 subdomain prefix of at most 253 and a "/", then a name part of at most 63', () => {
    const oracle = (key: string): boolean => {
      const parts = key.split('/');
      if (parts.length > 2) return false;
      const name = parts[parts.length - 1];
      const prefix = parts.length === 2 ? parts[0] : undefined;
      const prefixValid =
        prefix === undefined ||
        (prefix !== '' &&
          Buffer.byteLength(prefix) <= 253 &&
          /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(prefix));
      return (
        prefixValid &&
        name !== '' &&
        Buffer.byteLength(name) <= 63 &&
        /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name)
      );
    };
    const prefix = fc.oneof(
      fc.stringMatching(/^[-.a-z0-9]{0,12}$/),
      // Valid subdomains around the 253-character limit.
      fc.integer({ min: 250, max: 256 }).map(length => 'a.'.repeat(length).slice(0, length - 1) + 'b'),
    );
    const name = fc.oneof(anyName, fc.constantFrom('n', 'a-b.c_D'), fc.stringMatching(/^[a-zA-Z]{60,66}$/));
    const key = fc.oneof(
      anyName,
      fc.tuple(prefix, name).map(([p, n]) => `${p}/${n}`),
      fc.tuple(prefix, name, name).map(([p, n, m]) => `${p}/${n}/${m}`),
      fc.string({ maxLength: 20, unit: fc.constantFrom('a', 'Z', '0', '-', '.', '_', '/', 'é') }),
    );
    fc.assert(
      fc.property(key, k => (isQualifiedName(k).length === 0) === oracle(k)),
      RUNS,
    );
  });

  test("isEnvVarName: the upstream pattern, and not '.', '..' or a '..' prefix", () => {
    const oracle = (name: string): boolean =>
      /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name) && name !== '.' && !name.startsWith('..');
    fc.assert(
      fc.property(anyName, name => (isEnvVarName(name).length === 0) === oracle(name)),
      RUNS,
    );
  });
});
