/*
 * The CronJob schedule syntax the 1.28 API server accepts: github.com/robfig/cron v3.0.1
 * `ParseStandard` (parser.go: Parse, normalizeFields, getField, getRange, mustParseInt,
 * parseDescriptor), which pkg/apis/batch/validation `validateScheduleFormat` calls. Returns the
 * error text that parser gives, word for word, so the message matches `kubectl apply`.
 */

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: ReadonlyMap<string, number>;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// minute, hour, day of month, month, day of week: the five fields of a standard spec, in order.
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: new Map(MONTH_NAMES.map((name, i) => [name, i + 1])) },
  { min: 0, max: 6, names: new Map(DAY_NAMES.map((name, i) => [name, i])) },
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

/** Go's `strconv.Quote` for the printable ASCII that schedules hold. */
const goQuote = (value: string): string => JSON.stringify(value);

/** Go's `strconv.Atoi` on a 64-bit machine: optional sign, decimal digits only. */
function atoi(expr: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(expr)) return `strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`;
  const value = BigInt(expr);
  if (value > 9223372036854775807n || value < -9223372036854775808n) {
    return `strconv.Atoi: parsing ${goQuote(expr)}: value out of range`;
  }
  return Number(value);
}

class CronError extends Error {}

function mustParseInt(expr: string): number {
  const num = atoi(expr);
  if (typeof num === 'string') throw new CronError(`failed to parse int from ${expr}: ${num}`);
  if (num < 0) throw new CronError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names: ReadonlyMap<string, number> | undefined): number {
  return names?.get(expr.toLowerCase()) ?? mustParseInt(expr);
}

function checkRange(expr: string, bounds: Bounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    start = parseIntOrName(lowAndHigh[0], bounds.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], bounds.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
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
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
}

const DURATION_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

/** Go's `time.ParseDuration`, for its error text only. */
function durationError(text: string): string | undefined {
  const invalid = `time: invalid duration ${goQuote(text)}`;
  let s = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text;
  if (s === '0') return undefined;
  if (s === '') return invalid;
  while (s !== '') {
    const number = /^([0-9]*)(\.([0-9]*))?/.exec(s);
    const [all = '', pre = '', , post = ''] = number ?? [];
    if (pre === '' && post === '') return invalid;
    s = s.slice(all.length);
    const unit = /^[^0-9.]*/.exec(s)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration ${goQuote(text)}`;
    if (!DURATION_UNITS.has(unit)) return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`;
    s = s.slice(unit.length);
  }
  return undefined;
}

/** Whether Go's `time.LoadLocation` would load the zone (the IANA database that ICU also ships). */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === '' || zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
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
    const space = spec.indexOf(' ');
    const zone = spec.slice(spec.indexOf('=') + 1, space === -1 ? undefined : space);
    if (!isKnownTimeZone(zone))
      throw new CronError(`provided bad location ${zone}: unknown time zone ${zone}`);
    spec = space === -1 ? '' : spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return;
    if (spec.startsWith('@every ')) {
      const problem = durationError(spec.slice('@every '.length));
      if (problem !== undefined) throw new CronError(`failed to parse duration ${spec}: ${problem}`);
      return;
    }
    throw new CronError(`unrecognized descriptor: ${spec}`);
  }
  const fields = spec.split(/\s+/).filter(field => field !== '');
  if (fields.length !== FIELDS.length) {
    throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  }
  fields.forEach((field, i) => {
    for (const expr of field.split(',').filter(part => part !== '')) checkRange(expr, FIELDS[i]);
  });
}
