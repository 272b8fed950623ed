import {
  formatBytes,
  formatMilliCpu,
  parseQuantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  toMilliUnits,
  toUnits,
} from '../../lib/scheduling/quantity';

const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX = "unable to parse quantity's suffix";

describe('parseQuantity', () => {
  test('exports the upstream messages', () => {
    expect(QUANTITY_FORMAT_ERROR).toBe(FORMAT);
    expect(QUANTITY_SUFFIX_ERROR).toBe(SUFFIX);
  });

  // [text, nano-units]
  test.each<[string | number, bigint]>([
    ['100m', 100_000_000n],
    ['1.5', 1_500_000_000n],
    ['2Gi', 2n * 1024n ** 3n * 1_000_000_000n],
    ['500M', 500_000_000n * 1_000_000_000n],
    ['1e3', 1000n * 1_000_000_000n],
    ['1E3', 1000n * 1_000_000_000n],
    ['1e+3', 1000n * 1_000_000_000n],
    ['1e-3', 1_000_000n],
    ['128974848', 128_974_848n * 1_000_000_000n],
    ['0', 0n],
    ['0.0', 0n],
    ['+1', 1_000_000_000n],
    ['-1', -1_000_000_000n],
    ['.5', 500_000_000n],
    ['1.', 1_000_000_000n],
    ['1.G', 1_000_000_000n * 1_000_000_000n],
    ['5n', 5n],
    ['1u', 1000n],
    ['1k', 1_000_000_000_000n],
    ['1Ki', 1024n * 1_000_000_000n],
    ['1.5Gi', 1536n * 1024n ** 2n * 1_000_000_000n],
    ['0.1Ki', 102_400_000_000n], // 102.4 bytes exactly
    ['1E', 10n ** 18n * 1_000_000_000n], // E alone is exa
    ['0.1n', 1n], // below a nano-unit: rounded up
    ['-0.1n', -1n], // rounded away from zero
    ['1.0000000001', 1_000_000_001n], // rounded up at the ninth decimal
    ['12345678901234567890', 12345678901234567890n * 1_000_000_000n], // beyond int64 fast path, still exact
    ['16Ei', (2n ** 63n - 1n) * 1_000_000_000n], // binary amounts are capped at 2^63-1
    ['+', 0n], // upstream's scanner reads a bare sign as 0
    ['.', 0n],
    [0.5, 500_000_000n], // a JSON number reads from its decimal text
    [2, 2_000_000_000n],
  ])('reads %p', (text, nanos) => {
    expect(parseQuantity(text)).toBe(nanos);
  });

  test.each<[string, string]>([
    ['', FORMAT],
    ['1 ', FORMAT],
    [' 1', FORMAT],
    ['1.5.5', FORMAT],
    ['1e3m', FORMAT],
    ['abc', FORMAT],
    ['0x10', FORMAT],
    ['2 cores', FORMAT],
    ['1K', SUFFIX],
    ['1mi', SUFFIX],
    ['1e', SUFFIX],
    ['1ee3', SUFFIX],
    ['1Mi5', SUFFIX],
    ['1e999999999', 'exponent 999999999 is out of range (at most 100)'],
  ])('fails on %p', (text, message) => {
    expect(() => parseQuantity(text)).toThrow(message);
  });

  test('fails on a number that prints as Infinity', () => {
    expect(() => parseQuantity(Number.POSITIVE_INFINITY)).toThrow(FORMAT);
  });
});

describe('toUnits and toMilliUnits', () => {
  test.each<[string, bigint, bigint]>([
    ['100m', 1n, 100n],
    ['1.5', 2n, 1500n],
    ['0.1Ki', 103n, 102_400n],
    ['1', 1n, 1000n],
    ['0.0001', 1n, 1n],
    ['0', 0n, 0n],
    ['-1.5', -1n, -1500n],
  ])('round %p up', (text, units, milli) => {
    expect(toUnits(parseQuantity(text))).toBe(units);
    expect(toMilliUnits(parseQuantity(text))).toBe(milli);
  });
});

describe('formatting', () => {
  test.each<[bigint, string]>([
    [0n, '0'],
    [1024n, '1Ki'],
    [570_425_344n, '544Mi'],
    [3_752_112_128n, '3664172Ki'],
    [1000n, '1000'],
    [2n ** 30n * 3n, '3Gi'],
  ])('formatBytes(%p) is %p', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  test.each<[bigint, string]>([
    [2000n, '2'],
    [1500n, '1500m'],
    [0n, '0'],
    [250n, '250m'],
  ])('formatMilliCpu(%p) is %p', (milli, text) => {
    expect(formatMilliCpu(milli)).toBe(text);
  });
});
