import { cronScheduleError } from '../../lib/rules/cron';

// Expected texts are robfig/cron v3.0.1 parser.go (Parse, normalizeFields, getRange, mustParseInt,
// parseDescriptor) around Go's strconv.Atoi and time.ParseDuration / time.LoadLocation errors.

describe('cronScheduleError', () => {
  test.each<[string, string]>([
    ['five stars', '* * * * *'],
    ['every five minutes', '*/5 * * * *'],
    ['every bound at its limit', '59 23 31 12 6'],
    ['the lower bounds', '0 0 1 1 0'],
    ['? for any', '? * * * ?'],
    ['lists', '1,2,3 * * * *'],
    ['a range with a step', '0-59/15 * * * *'],
    ['N/step, which runs from N to the maximum', '5/15 * * * *'],
    ['month and day names in any case', '0 0 * JAN-dec Mon-FRI'],
    ['a field of commas only, which selects nothing', ', * * * *'],
    ['*-N, which robfig ignores after the star', '*-5 * * * *'],
    ['a plus sign and leading zeros, which Atoi accepts', '+5 007 * * *'],
    ['spaces around and tabs between fields', '  *\t*\t* * *  '],
    ['U+0085 and U+00A0 between fields (unicode.IsSpace)', '*\u0085*\u00a0* * *'],
    ['@yearly', '@yearly'],
    ['@annually', '@annually'],
    ['@monthly', '@monthly'],
    ['@weekly', '@weekly'],
    ['@daily', '@daily'],
    ['@midnight', '@midnight'],
    ['@hourly', '@hourly'],
    ['@every with hours and minutes', '@every 1h30m'],
    ['@every with a fraction', '@every 1.5h'],
    ['@every with a bare fraction', '@every .5s'],
    ['@every 0', '@every 0'],
    ['@every with a sign', '@every -5m'],
    ['@every in micro seconds, three spellings', '@every 1us1µs1μs'],
    ['@every at the largest duration', '@every 2562047h'],
    ['@every at the most negative duration', '@every -9223372036854775808ns'],
    ['a TZ= prefix with a known zone', 'TZ=Europe/Berlin 0 * * * *'],
    ['a CRON_TZ= prefix before a descriptor', 'CRON_TZ=UTC @daily'],
    ['TZ=Local, which time.LoadLocation accepts', 'TZ=Local * * * * *'],
    ['an empty TZ=, which time.LoadLocation reads as UTC', 'TZ= * * * * *'],
  ])('passes %s', (_, schedule) => {
    expect(cronScheduleError(schedule)).toBeUndefined();
  });

  test.each<[string, string, string]>([
    ['fails an empty spec (unreachable through the API, which requires one)', '', 'empty spec string'],
    ['fails six fields', '0 * * * * *', 'expected exactly 5 fields, found 6: [0 * * * * *]'],
    ['fails four fields', '* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    [
      'fails a TZ= prefix with nothing after it (robfig panics there; the 1.28 server refuses it)',
      'TZ=UTC',
      'expected exactly 5 fields, found 0: []',
    ],
    [
      'fails a zero-width no-break space, which Go does not count as a space',
      '\ufeff* * * * *',
      'failed to parse int from \ufeff*: strconv.Atoi: parsing "\\ufeff*": invalid syntax',
    ],
    [
      'fails an unknown location',
      'TZ=Mars/Olympus 0 * * * *',
      'provided bad location Mars/Olympus: unknown time zone Mars/Olympus',
    ],
    [
      'fails a location in the wrong case (the zone files are case-sensitive)',
      'CRON_TZ=europe/berlin 0 * * * *',
      'provided bad location europe/berlin: unknown time zone europe/berlin',
    ],
    [
      'fails a location with ..',
      'TZ=../etc/passwd 0 * * * *',
      'provided bad location ../etc/passwd: time: invalid location name',
    ],
    ['fails an unknown descriptor', '@often', 'unrecognized descriptor: @often'],
    ['fails a descriptor with a trailing space', '@daily ', 'unrecognized descriptor: @daily '],
    ['fails @every without a space', '@every', 'unrecognized descriptor: @every'],
    [
      'fails @every with an unknown unit',
      '@every 1d',
      'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"',
    ],
    [
      'fails @every without a unit',
      '@every 10',
      'failed to parse duration @every 10: time: missing unit in duration "10"',
    ],
    [
      'fails @every with nothing after it',
      '@every ',
      'failed to parse duration @every : time: invalid duration ""',
    ],
    [
      'fails @every with a unit but no number',
      '@every h',
      'failed to parse duration @every h: time: invalid duration "h"',
    ],
    [
      'fails @every with a dot but no digits',
      '@every .s',
      'failed to parse duration @every .s: time: invalid duration ".s"',
    ],
    [
      'fails @every with a sign only',
      '@every -',
      'failed to parse duration @every -: time: invalid duration "-"',
    ],
    [
      'fails @every above the largest duration',
      '@every 2562048h',
      'failed to parse duration @every 2562048h: time: invalid duration "2562048h"',
    ],
    [
      'fails @every at 2^63 ns',
      '@every 9223372036854775808ns',
      'failed to parse duration @every 9223372036854775808ns: time: invalid duration "9223372036854775808ns"',
    ],
    [
      'fails @every with a tab after the unit, quoted as Go does',
      '@every 1h\t',
      'failed to parse duration @every 1h\t: time: unknown unit "h\\x09" in duration "1h\\x09"',
    ],
    [
      'fails @every with a non-ASCII unit, quoted byte by byte as Go does',
      '@every 1é',
      'failed to parse duration @every 1é: time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"',
    ],
    ['fails a range with two hyphens', '1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['fails a range with two slashes', '*/5/2 * * * *', 'too many slashes: */5/2'],
    [
      'fails a word',
      '* * * * weekday',
      'failed to parse int from weekday: strconv.Atoi: parsing "weekday": invalid syntax',
    ],
    [
      'fails a range without a start',
      '-5 * * * *',
      'failed to parse int from : strconv.Atoi: parsing "": invalid syntax',
    ],
    [
      'fails a step without a number',
      '*/ * * * *',
      'failed to parse int from : strconv.Atoi: parsing "": invalid syntax',
    ],
    [
      'fails a sign without digits',
      '+ * * * *',
      'failed to parse int from +: strconv.Atoi: parsing "+": invalid syntax',
    ],
    [
      'fails a control character, quoted as strconv.Quote does',
      '*\u0001 * * * *',
      'failed to parse int from *\u0001: strconv.Atoi: parsing "*\\x01": invalid syntax',
    ],
    [
      'fails a number beyond int64',
      '99999999999999999999 * * * *',
      'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range',
    ],
    ['fails a negative step', '*/-1 * * * *', 'negative number (-1) not allowed: -1'],
    ['fails day of month 0', '* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['fails minute 60', '60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['fails hour 24', '* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['fails month 13', '* * * 13 *', 'end of range (13) above maximum (12): 13'],
    [
      'fails day of week 7 (robfig has no 7 for Sunday)',
      '* * * * 7',
      'end of range (7) above maximum (6): 7',
    ],
    [
      'fails the largest int64, printed exactly',
      '9223372036854775807 * * * *',
      'end of range (9223372036854775807) above maximum (59): 9223372036854775807',
    ],
    [
      'fails a month name in the day-of-week field',
      '* * * * jan',
      'failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax',
    ],
    ['fails a reversed range', '5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['fails a zero step', '*/0 * * * *', 'step of range should be a positive number: */0'],
    [
      'fails the first bad field only, in field order',
      '60 24 0 13 7',
      'end of range (60) above maximum (59): 60',
    ],
    ['fails after a TZ= prefix is stripped', 'TZ=UTC 61 * * * *', 'end of range (61) above maximum (59): 61'],
  ])('%s', (_, schedule, message) => {
    expect(cronScheduleError(schedule)).toBe(message);
  });
});
