import fc from 'fast-check';
import type { Quantity } from '../../lib/rules/quantity';
import {
  compareQuantities,
  parseQuantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  quantityMilliValue,
  quantityString,
  quantityValue,
  readQuantity,
  roundUpToMilli,
} from '../../lib/rules/quantity';
import { QuantityError, parseQuantity as schedulerQuantity } from '../../lib/scheduling/quantity';

// One grammar, two readers: validation's `parseQuantity` (a Quantity, or the error text) and the
// scheduler's (nano-units, or a thrown QuantityError). Every grammar case below goes through both.

const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX = "unable to parse quantity's suffix";

function parsed(text: string): Quantity {
  const q = parseQuantity(text);
  if (typeof q === 'string') throw new Error(`expected ${text} to parse, got ${q}`);
  return q;
}

/** The message of the QuantityError the scheduler's reader throws. */
function schedulerError(text: string): string {
  try {
    schedulerQuantity(text);
  } catch (err) {
    if (err instanceof QuantityError) return err.message;
    throw err;
  }
  throw new Error(`expected ${text} to fail`);
}

describe('parseQuantity', () => {
  test('the error texts are upstream ErrFormatWrong and ErrSuffix', () => {
    expect(QUANTITY_FORMAT_ERROR).toBe(FORMAT);
    expect(QUANTITY_SUFFIX_ERROR).toBe(SUFFIX);
  });

  // [input, value in nanos, String() as upstream prints it]
  test.each<[string, bigint, string]>([
    ['0', 0n, '0'],
    ['100m', 100_000_000n, '100m'],
    ['1.5', 1_500_000_000n, '1500m'],
    ['0.1', 100_000_000n, '100m'],
    ['2000', 2_000_000_000_000n, '2k'],
    ['1000m', 1_000_000_000n, '1'],
    ['512', 512_000_000_000n, '512'],
    ['1Ki', 1_024_000_000_000n, '1Ki'],
    ['1024Ki', 1_048_576_000_000_000n, '1Mi'],
    ['1.5Gi', 1_610_612_736_000_000_000n, '1536Mi'],
    ['0.5Gi', 536_870_912_000_000_000n, '512Mi'],
    ['0.5Ki', 512_000_000_000n, '512'],
    ['1.1Ki', 1_126_400_000_000n, '1126400m'],
    ['1e3', 1_000_000_000_000n, '1e3'],
    ['1.5e3', 1_500_000_000_000n, '1500'],
    ['12e6', 12_000_000_000_000_000n, '12e6'],
    ['1E', 10n ** 27n, '1E'],
    ['1000E', 10n ** 30n, '1e21'],
    ['-1', -1_000_000_000n, '-1'],
    ['+1', 1_000_000_000n, '+1'],
    ['01', 1_000_000_000n, '01'],
    ['-1.5', -1_500_000_000n, '-1500m'],
    ['1n', 1n, '1n'],
    ['1u', 1_000n, '1u'],
    ['0.0000000001', 1n, '1n'],
    ['1.G', 1_000_000_000_000_000_000n, '1.G'],
    ['e3', 0n, '0'],
    ['.', 0n, '0'],
    ['1e-3', 1_000_000n, '1e-3'],
  ])('parses %p', (text, nanos, printed) => {
    const q = parsed(text);
    expect(q.nanos).toBe(nanos);
    expect(quantityString(q)).toBe(printed);
    expect(schedulerQuantity(text)).toBe(nanos);
  });

  // [input, value in nanos]
  test.each<[string, bigint]>([
    ['2Gi', 2n * 1024n ** 3n * 1_000_000_000n],
    ['500M', 500_000_000n * 1_000_000_000n],
    ['1E3', 1000n * 1_000_000_000n],
    ['1e+3', 1000n * 1_000_000_000n],
    ['128974848', 128_974_848n * 1_000_000_000n],
    ['0.0', 0n],
    ['.5', 500_000_000n],
    ['1.', 1_000_000_000n],
    ['5n', 5n],
    ['1k', 1_000_000_000_000n],
    ['0.1Ki', 102_400_000_000n], // 102.4 bytes exactly
    ['0.1n', 1n], // below a nano-unit: rounded up
    ['-0.1n', -1n], // rounded away from zero
    ['1.0000000001', 1_000_000_001n], // rounded up at the ninth decimal
    ['12345678901234567890', 12345678901234567890n * 1_000_000_000n], // beyond int64 fast path, still exact
    ['16Ei', (2n ** 63n - 1n) * 1_000_000_000n], // binary amounts are capped at 2^63-1
    ['+', 0n], // upstream's scanner reads a bare sign as 0
  ])('reads %p', (text, nanos) => {
    expect(parsed(text).nanos).toBe(nanos);
    expect(schedulerQuantity(text)).toBe(nanos);
  });

  test.each<[string, string]>([
    ['', FORMAT],
    ['1.2.3', FORMAT],
    ['abc', FORMAT],
    ['1Gb', FORMAT],
    ['1 Gi', FORMAT],
    ['100mm3x', FORMAT],
    ['1ki', SUFFIX],
    ['1m3', SUFFIX],
    ['1e', SUFFIX],
    ['+-1', SUFFIX],
    ['1 ', FORMAT],
    [' 1', FORMAT],
    ['1.5.5', FORMAT],
    ['1e3m', FORMAT],
    ['0x10', FORMAT],
    ['2 cores', FORMAT],
    ['1K', SUFFIX],
    ['1mi', SUFFIX],
    ['1ee3', SUFFIX],
    ['1Mi5', SUFFIX],
  ])('fails %p', (text, reason) => {
    expect(parseQuantity(text)).toBe(reason);
    expect(schedulerError(text)).toBe(reason);
  });

  test('caps a binary quantity at 2^63-1', () => {
    expect(parsed('8Ei').nanos).toBe(((1n << 63n) - 1n) * 1_000_000_000n);
  });

  test('never throws, and anything that parses prints as something that parses to the same value', () => {
    const quantityLike = fc.stringMatching(
      /^[+-]?[0-9]{0,5}(\.[0-9]{0,4})?([numkMGTPE]|[KMGTPE]i|[eE][+-]?[0-9]{1,2})?$/,
    );
    fc.assert(
      fc.property(fc.oneof(quantityLike, fc.string()), text => {
        const q = parseQuantity(text);
        if (typeof q === 'string') return;
        const again = parseQuantity(quantityString(q));
        expect(typeof again === 'string' ? again : again.nanos).toBe(q.nanos);
      }),
    );
  });

  test('the scheduler reads the same value, or fails with the same text, within its exponent bound', () => {
    const quantityLike = fc.stringMatching(
      /^[+-]?[0-9]{0,5}(\.[0-9]{0,4})?([numkMGTPE]|[KMGTPE]i|[eE][+-]?[0-9]{1,2})?$/,
    );
    fc.assert(
      fc.property(fc.oneof(quantityLike, fc.string()), text => {
        const q = parseQuantity(text);
        if (typeof q === 'string') expect(schedulerError(text)).toBe(q);
        else expect(schedulerQuantity(text)).toBe(q.nanos);
      }),
    );
  });
});

describe('readQuantity', () => {
  test.each<[unknown, bigint]>([
    [' 100m ', 100_000_000n],
    [1, 1_000_000_000n],
    [0.5, 500_000_000n],
    [null, 0n],
  ])('reads %p as the API server decodes it', (raw, nanos) => {
    const q = readQuantity(raw);
    expect(typeof q === 'string' ? q : q.nanos).toBe(nanos);
  });

  test.each<[unknown]>([[true], [{}], [[]]])('fails %p', raw => {
    expect(readQuantity(raw)).toBe(FORMAT);
  });
});

describe('arithmetic', () => {
  test('roundUpToMilli rounds away from zero and drops the kept text only when the value changes', () => {
    expect(quantityString(roundUpToMilli(parsed('1.0001')))).toBe('1001m');
    expect(quantityString(roundUpToMilli(parsed('100u')))).toBe('1m');
    expect(quantityString(roundUpToMilli(parsed('-100u')))).toBe('-1m');
    expect(quantityString(roundUpToMilli(parsed('+1')))).toBe('+1');
  });

  test('compareQuantities compares values, whatever the suffix', () => {
    expect(compareQuantities(parsed('1'), parsed('1000m'))).toBe(0);
    expect(compareQuantities(parsed('1Gi'), parsed('1G'))).toBe(1);
    expect(compareQuantities(parsed('500m'), parsed('1'))).toBe(-1);
  });

  test('Value and MilliValue round up', () => {
    expect(quantityValue(parsed('1.5'))).toBe(2n);
    expect(quantityValue(parsed('2Mi'))).toBe(2_097_152n);
    expect(quantityMilliValue(parsed('0.0001'))).toBe(1n);
  });
});
