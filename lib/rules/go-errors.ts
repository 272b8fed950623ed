/*
 * The error texts of the Go standard library functions a CronJob schedule goes through on the
 * 1.28 API server (strconv.Atoi, time.ParseDuration, time.LoadLocation), word for word, with Go's
 * own quoting, so a synth-time message reads exactly like the server's.
 */

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

// strconv.IsPrint beyond Latin-1: letters, marks, numbers, punctuation and symbols.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0c, '\\f'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x0b, '\\v'],
]);

/** Go's `strconv.IsPrint` for one code point. */
function isPrint(code: number, char: string): boolean {
  if (code < 0x80) return code >= 0x20 && code < 0x7f;
  if (code <= 0xff) return code >= 0xa1 && code !== 0xad;
  return PRINTABLE.test(char);
}

/** Go's `strconv.Quote`, which `strconv.NumError` uses for the text it failed on. */
export function strconvQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    // A lone surrogate reaches the server as U+FFFD, which Go prints as is.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (isPrint(code, char)) out += char;
    else if (NAMED_ESCAPES.has(code)) out += NAMED_ESCAPES.get(code);
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

/** The `quote` of Go's time package: non-ASCII and control characters as `\x` escapes of their UTF-8 bytes. */
export function timeQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code >= 0x80) {
      for (const byte of Buffer.from(char, 'utf8')) out += `\\x${hex(byte, 2)}`;
    } else {
      out += char === '"' || char === '\\' ? `\\${char}` : char;
    }
  }
  return `${out}"`;
}

const MAX_UINT64 = (1n << 64n) - 1n;
const UINT64_CUTOFF = MAX_UINT64 / 10n + 1n;
const INT64_CUTOFF = 1n << 63n;

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/**
 * Go's `strconv.Atoi` on a 64-bit machine (ParseInt, ParseUint): the value, or its error text.
 * Like Go, an overflow found before a stray character is a range error, not a syntax error.
 */
export function atoi(text: string): bigint | string {
  const failed = (reason: string) => `strconv.Atoi: parsing ${strconvQuote(text)}: ${reason}`;
  const negative = text.startsWith('-');
  const digits = negative || text.startsWith('+') ? text.slice(1) : text;
  if (digits === '') return failed('invalid syntax');
  let value = 0n;
  for (const char of digits) {
    if (!isDigit(char)) return failed('invalid syntax');
    if (value >= UINT64_CUTOFF) return failed('value out of range');
    value = value * 10n + BigInt(char.charCodeAt(0) - 48);
    if (value > MAX_UINT64) return failed('value out of range');
  }
  if (negative ? value > INT64_CUTOFF : value >= INT64_CUTOFF) return failed('value out of range');
  return negative ? -value : value;
}

const DURATION_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 micro sign
  ['μs', 1_000n], // U+03BC Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

/** Go's `time.ParseDuration`: undefined when it parses, else its error text (overflow included). */
export function parseDurationError(original: string): string | undefined {
  const invalid = `time: invalid duration ${timeQuote(original)}`;
  const negative = original.startsWith('-');
  let rest = negative || original.startsWith('+') ? original.slice(1) : original;
  if (rest === '0') return undefined;
  if (rest === '') return invalid;
  let total = 0n;
  while (rest !== '') {
    if (rest[0] !== '.' && !isDigit(rest[0])) return invalid;
    // leadingInt: the integer part, failing past 2^63.
    let i = 0;
    let value = 0n;
    for (; isDigit(rest[i]); i++) {
      if (value > INT64_CUTOFF / 10n) return invalid;
      value = value * 10n + BigInt(rest.charCodeAt(i) - 48);
      if (value > INT64_CUTOFF) return invalid;
    }
    const before = i > 0;
    rest = rest.slice(i);
    // leadingFraction: digits after the dot; those past 2^63 are dropped, not an error.
    let fraction = 0n;
    let scale = 1;
    let after = false;
    if (rest[0] === '.') {
      let j = 1;
      let overflow = false;
      for (; isDigit(rest[j]); j++) {
        if (overflow) continue;
        const next = fraction * 10n + BigInt(rest.charCodeAt(j) - 48);
        if (fraction > (INT64_CUTOFF - 1n) / 10n || next > INT64_CUTOFF) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      after = j > 1;
      rest = rest.slice(j);
    }
    if (!before && !after) return invalid;
    let k = 0;
    while (k < rest.length && rest[k] !== '.' && !isDigit(rest[k])) k++;
    if (k === 0) return `time: missing unit in duration ${timeQuote(original)}`;
    const name = rest.slice(0, k);
    rest = rest.slice(k);
    const unit = DURATION_UNITS.get(name);
    if (unit === undefined) return `time: unknown unit ${timeQuote(name)} in duration ${timeQuote(original)}`;
    if (value > INT64_CUTOFF / unit) return invalid;
    value *= unit;
    if (fraction > 0n) {
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > INT64_CUTOFF) return invalid;
    }
    total += value;
    if (total > INT64_CUTOFF) return invalid;
  }
  return !negative && total > INT64_CUTOFF - 1n ? invalid : undefined;
}

// Asking ICU costs about half a millisecond; an app names few zones, and names them at every synth.
const ZONE_CACHE = new Map<string, boolean>();
const ZONE_CACHE_LIMIT = 256;

/** Whether the IANA database (which ICU ships too) has a zone spelled exactly this way. */
function isIanaZone(zone: string): boolean {
  const cached = ZONE_CACHE.get(zone);
  if (cached !== undefined) return cached;
  let known: boolean;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    // ICU matches zone names in any case; Go opens the zone file, whose name is case-sensitive.
    known = resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
  } catch {
    known = false;
  }
  if (ZONE_CACHE.size >= ZONE_CACHE_LIMIT) ZONE_CACHE.clear();
  ZONE_CACHE.set(zone, known);
  return known;
}

/** Go's `time.LoadLocation`: undefined when it loads the zone, else its error text. */
export function loadLocationError(zone: string): string | undefined {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return undefined;
  if (zone.includes('..') || zone.startsWith('/') || zone.startsWith('\\'))
    return 'time: invalid location name';
  return isIanaZone(zone) ? undefined : `unknown time zone ${zone}`;
}
