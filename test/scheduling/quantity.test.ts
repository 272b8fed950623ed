import { parseQuantity as validationQuantity } from '../../lib/rules/quantity';
import {
  formatBytes,
  formatMilliCpu,
  parseQuantity,
  QuantityError,
  toMilliUnits,
  toUnits,
} from '../../lib/scheduling/quantity';

// The grammar itself (every string case, read by validation and by the scheduler) is tested in
// test/rules/quantity.test.ts; here, what only the scheduler's reader does.

const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX = "unable to parse quantity's suffix";

describe('parseQuantity', () => {
  // [JSON number, nano-units]
  test.each<[number, bigint]>([
    [0.5, 500_000_000n], // a JSON number reads from its decimal text
    [2, 2_000_000_000n],
  ])('reads %p', (value, nanos) => {
    expect(parseQuantity(value)).toBe(nanos);
  });

  test('fails on a number that prints as Infinity', () => {
    expect(() => parseQuantity(Number.POSITIVE_INFINITY)).toThrow(FORMAT);
  });

  test.each<[string, string]>([
    ['1e999999999', 'exponent 999999999 is out of range (at most 100)'],
    ['1e101', 'exponent 101 is out of range (at most 100)'],
    ['1e-101', 'exponent -101 is out of range (at most 100)'],
  ])('fails on %p, an exponent beyond its bound', (text, message) => {
    expect(() => parseQuantity(text)).toThrow(QuantityError);
    expect(() => parseQuantity(text)).toThrow(message);
  });

  test('reads an exponent of 100, where validation reads up to 1024 and refuses beyond as a bad suffix', () => {
    expect(parseQuantity('1e100')).toBe(10n ** 109n);
    expect(validationQuantity('1e101')).toMatchObject({ nanos: 10n ** 110n });
    expect(validationQuantity('1e1025')).toBe(SUFFIX);
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
