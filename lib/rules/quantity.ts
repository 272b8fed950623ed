/**
 * Resource quantities as the 1.28 API server reads them (apimachinery `pkg/api/resource`,
 * `ParseQuantity`, `CanonicalizeBytes`, `Quantity.RoundUp`): the exact grammar, the exact value
 * (kept in nano units, as upstream keeps at most nine decimals), and the canonical string the
 * server prints in its messages. The one quantity grammar of the project: validation reads
 * `Quantity` values, the scheduler (lib/scheduling/quantity.ts) the same parse's nano-units.
 */

/** How a quantity prints: the suffix family it was written with. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity. */
export interface Quantity {
  /** The value in units of 10^-9, rounded away from zero like upstream's `inf.RoundUp` to nano. */
  readonly nanos: bigint;
  /** The suffix family, which decides how `quantityString` prints it. */
  readonly format: QuantityFormat;
  /** The text as written when upstream keeps it verbatim as its `String()` (already canonical-looking). */
  readonly text?: string;
}

/** Upstream's `splitREString`, quoted in its format error. */
const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** Upstream `ErrFormatWrong`. */
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${SPLIT_RE}'`;
/** Upstream `ErrNumeric`. */
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
/** Upstream `ErrSuffix`. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/** Nano-units in one unit. */
export const NANO = 1_000_000_000n;
/** Nano-units in one thousandth. */
export const MILLI_IN_NANOS = 1_000_000n;
/** BinarySI quantities are capped at 2^63-1 (upstream `maxAllowed`). */
const MAX_BINARY_NANOS = ((1n << 63n) - 1n) * NANO;
const MAX_INT64_FACTORS = 18;

/**
 * How far a decimal exponent (`1e3`, `5E-2`) may reach, and what to say beyond it. Upstream accepts
 * any int32 exponent; a bound keeps the bigint arithmetic small (stricter than the API server).
 */
export interface ExponentBound {
  /** The largest exponent magnitude accepted. */
  readonly max: number;
  /** The error text for an exponent beyond `max`, given its digits as written (`999`, `+999`). */
  readonly reason: (digits: string) => string;
}

/** Validation's bound: beyond ±1024 a value is out of any resource's reach; refused as a bad suffix. */
const VALIDATION_EXPONENTS: ExponentBound = { max: 1024, reason: () => QUANTITY_SUFFIX_ERROR };

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
const DECIMAL_BY_EXPONENT: ReadonlyMap<number, string> = new Map(
  [...DECIMAL_SUFFIXES].map(([suffix, exponent]) => [exponent, suffix]),
);
const BINARY_BY_EXPONENT = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const SUFFIX_LETTERS = 'eEinumkKMGTP';
const EXPONENT_RE = /^[+-]?[0-9]+$/;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Scanned {
  readonly positive: boolean;
  /** Numerator digits with leading zeros stripped (`"0"` when none). */
  readonly num: string;
  /** Digits after the point, as written. */
  readonly denom: string;
  readonly suffix: string;
}

/** Upstream `parseQuantityString`: sign, digits, optional fraction, suffix letters, optional signed exponent. */
function scan(str: string): Scanned | undefined {
  let pos = 0;
  const end = str.length;
  let positive = true;
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  const num = str.slice(pos, i) || '0';
  if (i >= end) return { positive, num, denom: '', suffix: '' };
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, num, denom, suffix: '' };
    pos = i;
  }
  const suffixStart = pos;
  i = pos;
  while (i < end && SUFFIX_LETTERS.includes(str[i] as string)) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  if (str[i] === '-' || str[i] === '+') i++;
  while (i < end && isDigit(str[i])) i++;
  return i >= end ? { positive, num, denom, suffix: str.slice(suffixStart) } : undefined;
}

/** Upstream `suffixer.interpret`: base, exponent and format of a suffix, or undefined. */
function interpret(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } | undefined {
  const decimal = DECIMAL_SUFFIXES.get(suffix);
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES.get(suffix);
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1);
    // strconv.ParseInt(.., 10, 64), then int32: keep to values upstream can hold.
    if (!EXPONENT_RE.test(digits)) return undefined;
    // The caller's `ExponentBound` decides how far it may reach.
    return { base: 10, exponent: Number(digits), format: 'DecimalExponent' };
  }
  return undefined;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Divides rounding away from zero (upstream rounds non-zero remainders up in magnitude). */
function divideAwayFromZero(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  if (value % divisor === 0n) return quotient;
  return value < 0n ? quotient - 1n : quotient + 1n;
}

/** Whether upstream's fast path keeps the input text as the quantity's `String()`. */
function keepsText(scanned: Scanned, base: 10 | 2, exponent: number): boolean {
  const { num, denom } = scanned;
  if (base === 2) {
    if (denom !== '') return false;
    // Upstream truncates float32(exponent)*3/10 to int32.
    const precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    if (precision < 0) return false;
    const value = BigInt(num);
    if (value << BigInt(exponent) >= 1n << 63n) return false;
    return (value & 7n) !== 0n;
  }
  if (MAX_INT64_FACTORS - (num.length + denom.length) < 0) return false;
  const scale = exponent - denom.length;
  const shifted = num + denom;
  return scale >= -9 && scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/**
 * Upstream `ParseQuantity` on a string. Returns the quantity, or the upstream error text
 * (`QUANTITY_FORMAT_ERROR`, `QUANTITY_SUFFIX_ERROR`), or `bound.reason` for a decimal exponent
 * beyond `bound.max`. Without a `bound`, exponents beyond ±1024 are refused with the suffix error,
 * and results are cached.
 */
export function parseQuantity(str: string, bound: ExponentBound = VALIDATION_EXPONENTS): Quantity | string {
  if (bound !== VALIDATION_EXPONENTS) return parseUncached(str, bound);
  const cached = PARSED.get(str);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(str, bound);
  // Manifests repeat the same few values ("250m", "512Mi"); remember them, within a bound.
  if (PARSED.size >= MAX_CACHED) PARSED.clear();
  if (str.length <= 64) PARSED.set(str, parsed);
  return parsed;
}

const PARSED = new Map<string, Quantity | string>();
const MAX_CACHED = 4096;

function parseUncached(str: string, bound: ExponentBound): Quantity | string {
  if (str.length === 0) return QUANTITY_FORMAT_ERROR;
  if (str === '0') return { nanos: 0n, format: 'DecimalSI', text: str };
  const scanned = scan(str);
  if (scanned === undefined) return QUANTITY_FORMAT_ERROR;
  const suffix = interpret(scanned.suffix);
  if (suffix === undefined) return QUANTITY_SUFFIX_ERROR;
  const { base, exponent } = suffix;
  if (suffix.format === 'DecimalExponent' && Math.abs(exponent) > bound.max) {
    return bound.reason(scanned.suffix.slice(1));
  }
  let format = suffix.format;
  // The exact value is digits × 10^-denom × base^exponent; keep it in nanos, rounding finer digits up.
  const text = scanned.num + scanned.denom;
  const digits = BigInt(text);
  let nanos: bigint;
  if (base === 10) {
    const shift = exponent - scanned.denom.length + 9;
    if (shift >= 0) nanos = digits * pow10(shift);
    // Below one nano-unit (fewer digits than the shift): any non-zero amount rounds up to the
    // smallest step, without building a huge power of ten.
    else if (-shift > text.length) nanos = digits === 0n ? 0n : 1n;
    else nanos = divideAwayFromZero(digits, pow10(-shift));
  } else {
    const scaled = digits * (1n << BigInt(exponent)) * NANO;
    nanos = divideAwayFromZero(scaled, pow10(scanned.denom.length));
    if (nanos > MAX_BINARY_NANOS) nanos = MAX_BINARY_NANOS;
    // A binary value between 0 and 1 prints as decimal, to avoid rounding.
    if (nanos > 0n && nanos < NANO) format = 'DecimalSI';
  }
  if (!scanned.positive) nanos = -nanos;
  return keepsText(scanned, base, exponent) ? { nanos, format, text: str } : { nanos, format };
}

/**
 * A quantity as the API server decodes it from JSON (`Quantity.UnmarshalJSON`): a string with
 * surrounding blanks trimmed, a number by its text, `null` as zero. Anything else fails to decode.
 */
export function readQuantity(raw: unknown): Quantity | string {
  if (raw === null || raw === undefined) return { nanos: 0n, format: 'DecimalSI' };
  if (typeof raw === 'string') return parseQuantity(raw.trim());
  if (typeof raw === 'number' && Number.isFinite(raw)) return parseQuantity(String(raw));
  return QUANTITY_FORMAT_ERROR;
}

/** Upstream `SetDefaults_ResourceList`: resource values are rounded up to milli precision. */
export function roundUpToMilli(q: Quantity): Quantity {
  const nanos = divideAwayFromZero(q.nanos, MILLI_IN_NANOS) * MILLI_IN_NANOS;
  return nanos === q.nanos ? q : { nanos, format: q.format };
}

/** Compares two quantities: negative, zero or positive like upstream `Cmp`. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos === b.nanos ? 0 : a.nanos < b.nanos ? -1 : 1;
}

/** Upstream `Value()`: the value rounded up (away from zero) to a whole number. */
export function quantityValue(q: Quantity): bigint {
  return divideAwayFromZero(q.nanos, NANO);
}

/** Upstream `MilliValue()`: the value in thousandths, rounded up (away from zero). */
export function quantityMilliValue(q: Quantity): bigint {
  return divideAwayFromZero(q.nanos, MILLI_IN_NANOS);
}

/** Upstream `CanonicalizeBytes` for decimal formats: an integer mantissa with an exponent that is a multiple of 3. */
function canonicalDecimal(magnitude: bigint, format: QuantityFormat): string {
  let mantissa = magnitude;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const floored = Math.floor(exponent / 3) * 3;
  mantissa *= pow10(exponent - floored);
  const si = format === 'DecimalSI' ? DECIMAL_BY_EXPONENT.get(floored) : undefined;
  const suffix = si ?? (floored === 0 ? '' : `e${floored}`);
  return `${mantissa}${suffix}`;
}

/**
 * Upstream `Quantity.String()`: the kept input text, or the canonical form (`1.5` → `1500m`,
 * `1.5Gi` → `1536Mi`, `2000` → `2k`). A decimal exponent beyond `E` prints in `e` notation.
 */
export function quantityString(q: Quantity): string {
  if (q.text !== undefined) return q.text;
  if (q.nanos === 0n) return '0';
  const sign = q.nanos < 0n ? '-' : '';
  const magnitude = q.nanos < 0n ? -q.nanos : q.nanos;
  let format = q.format;
  if (format === 'BinarySI' && (magnitude < 1024n * NANO || magnitude % NANO !== 0n)) format = 'DecimalSI';
  if (format !== 'BinarySI') return sign + canonicalDecimal(magnitude, format);
  let mantissa = magnitude / NANO;
  let exponent = 0;
  while (mantissa % 1024n === 0n && exponent < BINARY_BY_EXPONENT.length - 1) {
    mantissa /= 1024n;
    exponent++;
  }
  return `${sign}${mantissa}${BINARY_BY_EXPONENT[exponent]}`;
}
