// Kubernetes resource quantities (apimachinery `pkg/api/resource`, `ParseQuantity`), exact: a
// quantity is held as a bigint count of nano-units (10^-9), the finest step upstream keeps.

/** Upstream `splitREString`, quoted in the format error. */
const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** Upstream `ErrFormatWrong`. */
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${SPLIT_RE}'`;
/** Upstream `ErrSuffix`. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const NANO = 1_000_000_000n;
const MILLI_PER_NANO = 1_000_000n;
/** Upstream caps binary-suffixed amounts at the largest int64 (`maxAllowed`). */
const MAX_INT64 = 2n ** 63n - 1n;

/** Decimal and binary suffixes (upstream `newSuffixer`): the power of 10, or of 2 for the `i` forms. */
const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);
const BINARY_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);

// The scanner of upstream `parseQuantityString`: sign, digits, optional `.digits`, then a suffix made
// of the letters below, an optional sign and digits. `1.` and `.5` are numbers; `+` alone reads as 0.
const SCAN = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)$/;

/**
 * Beyond this many powers of ten a quantity means nothing to a scheduler (upstream keeps it in an
 * int64 and overflows); refusing it keeps a hostile `1e999999999` from costing a huge bigint.
 */
const MAX_DECIMAL_SHIFT = 100;

/** A quantity that cannot be parsed, with the upstream reason. */
export class QuantityError extends Error {}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number } {
  const decimal = DECIMAL_SUFFIXES.get(suffix);
  if (decimal !== undefined) return { base: 10, exponent: decimal };
  const binary = BINARY_SUFFIXES.get(suffix);
  if (binary !== undefined) return { base: 2, exponent: binary };
  // Upstream `suffixHandler.interpret`: `e`/`E` followed by an int64 is a decimal exponent.
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    if (Math.abs(exponent) <= MAX_DECIMAL_SHIFT) return { base: 10, exponent };
    throw new QuantityError(`exponent ${suffix.slice(1)} is out of range (at most ${MAX_DECIMAL_SHIFT})`);
  }
  throw new QuantityError(QUANTITY_SUFFIX_ERROR);
}

/** `ceil(|n| / d)` with the sign of n: upstream rounds away from zero (`inf.RoundUp`). */
function divideAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  if (n % d === 0n) return q;
  return n < 0n ? q - 1n : q + 1n;
}

/**
 * Parses a Kubernetes quantity (`100m`, `1.5`, `2Gi`, `500M`, `1e3`, `128974848`) into an exact count of
 * nano-units, as upstream `resource.ParseQuantity` reads it: a finer amount is rounded up to 1n, and a
 * binary-suffixed amount is capped at 2^63-1. A JSON number is read from its decimal text, as
 * upstream's `UnmarshalJSON` reads an unquoted quantity. Throws a `QuantityError` with the upstream
 * message otherwise.
 */
export function parseQuantity(text: string | number): bigint {
  const str = typeof text === 'number' ? String(text) : text;
  if (str.length === 0) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  const match = SCAN.exec(str);
  if (match === null) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  const [, sign, whole, fraction = '', suffix] = match;
  const { base, exponent } = interpretSuffix(suffix);
  const digits = `${whole}${fraction}`.replace(/^0+/, '') || '0';
  let nanos: bigint;
  if (base === 10) {
    const shift = exponent + 9 - fraction.length;
    if (shift >= 0) {
      nanos = BigInt(digits) * 10n ** BigInt(shift);
    } else if (-shift > digits.length) {
      // Below one nano-unit: upstream rounds any non-zero amount up to the smallest step.
      nanos = digits === '0' ? 0n : 1n;
    } else {
      nanos = divideAwayFromZero(BigInt(digits), 10n ** BigInt(-shift));
    }
  } else {
    const scaled = BigInt(digits) * 2n ** BigInt(exponent) * NANO;
    nanos = divideAwayFromZero(scaled, 10n ** BigInt(fraction.length));
    if (nanos > MAX_INT64 * NANO) nanos = MAX_INT64 * NANO;
  }
  return sign === '-' ? -nanos : nanos;
}

/** `ceil(n / d)`: upstream `scaledValue` adds one to a truncated quotient that left a remainder. */
function divideRoundingUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}

/** Upstream `Quantity.Value()`: whole units, rounded up. */
export function toUnits(nanos: bigint): bigint {
  return divideRoundingUp(nanos, NANO);
}

/** Upstream `Quantity.MilliValue()`: thousandths, rounded up (how CPU is counted). */
export function toMilliUnits(nanos: bigint): bigint {
  return divideRoundingUp(nanos, MILLI_PER_NANO);
}

const BINARY_UNITS: readonly [string, bigint][] = [
  ['Ei', 2n ** 60n],
  ['Pi', 2n ** 50n],
  ['Ti', 2n ** 40n],
  ['Gi', 2n ** 30n],
  ['Mi', 2n ** 20n],
  ['Ki', 2n ** 10n],
];

/** Formats a count of bytes with the largest binary suffix that divides it exactly (`544Mi`, `1536Ki`, `1000`). */
export function formatBytes(bytes: bigint): string {
  if (bytes === 0n) return '0';
  for (const [suffix, size] of BINARY_UNITS) {
    if (bytes % size === 0n) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}

/** Formats millicores as Kubernetes writes CPU: whole cores when exact (`2`), else millicores (`1500m`). */
export function formatMilliCpu(milli: bigint): string {
  return milli % 1000n === 0n ? String(milli / 1000n) : `${milli}m`;
}
