// Kubernetes resource quantities for the scheduler: the one grammar of lib/rules/quantity.ts, read
// as an exact bigint count of nano-units (10^-9), and the scheduler's units (millicores, bytes).
import type { ExponentBound } from '../rules/quantity';
import { MILLI_IN_NANOS, NANO, parseQuantity as parseQuantityText } from '../rules/quantity';

/**
 * Beyond this many powers of ten a quantity means nothing to a scheduler (upstream keeps it in an
 * int64 and overflows); refusing it keeps a hostile `1e999999999` from costing a huge bigint.
 */
const MAX_DECIMAL_SHIFT = 100;

/** The scheduler names its bound, where validation reports a bad suffix. */
const SCHEDULER_EXPONENTS: ExponentBound = {
  max: MAX_DECIMAL_SHIFT,
  reason: digits => `exponent ${digits} is out of range (at most ${MAX_DECIMAL_SHIFT})`,
};

/** A quantity that cannot be parsed, with the upstream reason. */
export class QuantityError extends Error {}

/**
 * Parses a Kubernetes quantity (`100m`, `1.5`, `2Gi`, `500M`, `1e3`, `128974848`) into an exact count of
 * nano-units, as upstream `resource.ParseQuantity` reads it: a finer amount is rounded up to 1n, and a
 * binary-suffixed amount is capped at 2^63-1. A JSON number is read from its decimal text, as
 * upstream's `UnmarshalJSON` reads an unquoted quantity. Throws a `QuantityError` with the upstream
 * message otherwise.
 */
export function parseQuantity(text: string | number): bigint {
  const parsed = parseQuantityText(typeof text === 'number' ? String(text) : text, SCHEDULER_EXPONENTS);
  if (typeof parsed === 'string') throw new QuantityError(parsed);
  return parsed.nanos;
}

/**
 * `ceil(n / d)`: upstream `scaledValue` adds one to a truncated quotient that left a remainder. The
 * scheduler counts only amounts it has checked are not negative, where this agrees with validation's
 * `quantityValue` (which rounds away from zero).
 */
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
  return divideRoundingUp(nanos, MILLI_IN_NANOS);
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
