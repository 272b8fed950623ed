import { atoi, loadLocationError, parseDurationError } from './go-errors';

/*
 * The CronJob schedule syntax the 1.28 API server accepts: github.com/robfig/cron v3.0.1
 * `ParseStandard` (parser.go: Parse, normalizeFields, getField, getRange, mustParseInt,
 * parseDescriptor), which pkg/apis/batch/validation `validateScheduleFormat` calls. Returns the
 * error text that parser gives, word for word, so the message matches `kubectl apply`.
 */

interface Bounds {
  readonly min: bigint;
  readonly max: bigint;
  readonly names?: ReadonlyMap<string, bigint>;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// minute, hour, day of month, month, day of week: the five fields of a standard spec, in order.
const FIELDS: readonly Bounds[] = [
  { min: 0n, max: 59n },
  { min: 0n, max: 23n },
  { min: 1n, max: 31n },
  { min: 1n, max: 12n, names: new Map(MONTH_NAMES.map((name, i) => [name, BigInt(i + 1)])) },
  { min: 0n, max: 6n, names: new Map(DAY_NAMES.map((name, i) => [name, BigInt(i)])) },
];

const DESCRIPTORS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);

// Go's unicode.IsSpace, which strings.Fields and strings.TrimSpace use (JavaScript's \s differs).
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_SPACES = new RegExp(`[${GO_SPACE}]+`);
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

class CronError extends Error {}

// Numbers are bigints: robfig prints them with %d, exactly, up to the int64 limit.
function mustParseInt(expr: string): bigint {
  const num = atoi(expr);
  if (typeof num === 'string') throw new CronError(`failed to parse int from ${expr}: ${num}`);
  if (num < 0n) throw new CronError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names: ReadonlyMap<string, bigint> | undefined): bigint {
  return names?.get(expr.toLowerCase()) ?? mustParseInt(expr);
}

function checkRange(expr: string, bounds: Bounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: bigint;
  let end: bigint;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    start = parseIntOrName(lowAndHigh[0], bounds.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], bounds.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = bounds.max;
  } else if (rangeAndStep.length > 2) {
    throw new CronError(`too many slashes: ${expr}`);
  }
  if (start < bounds.min)
    throw new CronError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new CronError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0n) throw new CronError(`step of range should be a positive number: ${expr}`);
}

/** Returns robfig/cron's error for a schedule it rejects, or undefined when it parses. */
export function cronScheduleError(schedule: string): string | undefined {
  try {
    parseStandard(schedule);
    return undefined;
  } catch (err) {
    if (err instanceof CronError) return err.message;
    throw err;
  }
}

function parseStandard(input: string): void {
  if (input.length === 0) throw new CronError('empty spec string');
  let spec = input;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    // Without a space robfig slices out of bounds and panics; the rest then reads as no fields.
    const space = spec.indexOf(' ');
    const zone = spec.slice(spec.indexOf('=') + 1, space === -1 ? undefined : space);
    const problem = loadLocationError(zone);
    if (problem !== undefined) throw new CronError(`provided bad location ${zone}: ${problem}`);
    spec = space === -1 ? '' : spec.slice(space).replace(GO_TRIM, '');
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return;
    if (spec.startsWith('@every ')) {
      const problem = parseDurationError(spec.slice('@every '.length));
      if (problem !== undefined) throw new CronError(`failed to parse duration ${spec}: ${problem}`);
      return;
    }
    throw new CronError(`unrecognized descriptor: ${spec}`);
  }
  const fields = spec.split(GO_SPACES).filter(field => field !== '');
  if (fields.length !== FIELDS.length) {
    throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  }
  fields.forEach((field, i) => {
    for (const expr of field.split(',').filter(part => part !== '')) checkRange(expr, FIELDS[i]);
  });
}
