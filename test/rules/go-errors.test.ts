import {
  atoi,
  loadLocationError,
  parseDurationError,
  strconvQuote,
  timeQuote,
} from '../../lib/rules/go-errors';

// Expected texts are Go's: strconv.Quote, the time package's quote, strconv.Atoi (64-bit),
// time.ParseDuration and time.LoadLocation.

describe('strconvQuote', () => {
  test.each<[string, string]>([
    ['plain', '"plain"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['tab\tnewline\nbell\u0007', '"tab\\tnewline\\nbell\\a"'],
    ['\u0001\u007f', '"\\x01\\x7f"'],
    ['é ü 日本', '"é ü 日本"'],
    ['\u00a0\u00ad\ufeff', '"\\u00a0\\u00ad\\ufeff"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ])('%j', (text, quoted) => {
    expect(strconvQuote(text)).toBe(quoted);
  });
});

describe('timeQuote', () => {
  test.each<[string, string]>([
    ['1h', '"1h"'],
    ['"\\', '"\\"\\\\"'],
    ['h\t', '"h\\x09"'],
    ['é', '"\\xc3\\xa9"'],
    ['\u007f', '"\u007f"'],
  ])('%j', (text, quoted) => {
    expect(timeQuote(text)).toBe(quoted);
  });
});

describe('atoi', () => {
  test.each<[string, bigint]>([
    ['0', 0n],
    ['+7', 7n],
    ['-0', 0n],
    ['007', 7n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
  ])('reads %s', (text, value) => {
    expect(atoi(text)).toBe(value);
  });

  test.each<[string, string]>([
    ['', 'strconv.Atoi: parsing "": invalid syntax'],
    ['-', 'strconv.Atoi: parsing "-": invalid syntax'],
    ['1_000', 'strconv.Atoi: parsing "1_000": invalid syntax'],
    [' 1', 'strconv.Atoi: parsing " 1": invalid syntax'],
    ['0x10', 'strconv.Atoi: parsing "0x10": invalid syntax'],
    ['9223372036854775808', 'strconv.Atoi: parsing "9223372036854775808": value out of range'],
    ['-9223372036854775809', 'strconv.Atoi: parsing "-9223372036854775809": value out of range'],
    ['18446744073709551616', 'strconv.Atoi: parsing "18446744073709551616": value out of range'],
    ['99999999999999999999x', 'strconv.Atoi: parsing "99999999999999999999x": value out of range'],
    ['1x', 'strconv.Atoi: parsing "1x": invalid syntax'],
  ])('fails %j', (text, message) => {
    expect(atoi(text)).toBe(message);
  });
});

describe('parseDurationError', () => {
  test.each<string>([
    '0',
    '-0',
    '+0',
    '1h',
    '1.5h',
    '.5s',
    '1.s',
    '300ms',
    '-1m30s',
    '2562047h',
    '1.9999999999999999999999h',
  ])('passes %j', text => {
    expect(parseDurationError(text)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['', 'time: invalid duration ""'],
    ['-', 'time: invalid duration "-"'],
    ['.', 'time: invalid duration "."'],
    ['1', 'time: missing unit in duration "1"'],
    ['1h2', 'time: missing unit in duration "1h2"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1 h', 'time: unknown unit " h" in duration "1 h"'],
    ['h', 'time: invalid duration "h"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['99999999999999999999ns', 'time: invalid duration "99999999999999999999ns"'],
    ['2562048h', 'time: invalid duration "2562048h"'],
    ['2562047h1h', 'time: invalid duration "2562047h1h"'],
  ])('fails %j', (text, message) => {
    expect(parseDurationError(text)).toBe(message);
  });
});

describe('loadLocationError', () => {
  test.each<[string, string | undefined]>([
    ['', undefined],
    ['UTC', undefined],
    ['Local', undefined],
    ['Etc/UTC', undefined],
    ['America/Argentina/Buenos_Aires', undefined],
    ['US/Eastern', undefined],
    ['Etc/GMT+5', undefined],
    ['utc', 'unknown time zone utc'],
    ['local', 'unknown time zone local'],
    ['Europe/berlin', 'unknown time zone Europe/berlin'],
    ['Nowhere/Special', 'unknown time zone Nowhere/Special'],
    ['GMT+5', 'unknown time zone GMT+5'],
    ['a..b', 'time: invalid location name'],
    ['/etc/localtime', 'time: invalid location name'],
    ['\\zone', 'time: invalid location name'],
  ])('%j gives %j', (zone, expected) => {
    expect(loadLocationError(zone)).toBe(expected);
  });
});
