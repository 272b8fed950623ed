import {
  isEmptySelector,
  type LabelSelectorView,
  labelMap,
  readLabelSelector,
  selectorMatches,
} from '../../lib/rules/label-selector';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG } from './fixtures';

// Expected problems follow apimachinery pkg/apis/meta/v1/validation ValidateLabelSelector and
// ValidateLabelSelectorRequirement (1.28, AllowInvalidLabelValueInSelector false, as for new
// workloads); matching follows labels.Selector.Matches.

const P = 'spec.selector';
const E = `${P}.matchExpressions[0]`;
const VALUE_FIX = "Use at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or \"\".";
const keyFix = (field: string) =>
  `Set ${field} to a label key: an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`;
const valuesRequired = (values: unknown) =>
  err(
    'label-selector-values-required',
    `${E}.values`,
    values,
    "Required value: must be specified when `operator` is 'In' or 'NotIn'",
    `Add at least one value to ${E}.values, or use the Exists operator.`,
  );
const valuesForbidden = (values: unknown) =>
  err(
    'label-selector-values-forbidden',
    `${E}.values`,
    values,
    "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    `Remove ${E}.values, or use the In or NotIn operator.`,
  );
const badOperator = (operator: string) =>
  err(
    'label-selector-operator-invalid',
    `${E}.operator`,
    operator,
    'not a valid selector operator',
    `Set ${E}.operator to In, NotIn, Exists or DoesNotExist.`,
  );

const read = (selector: unknown) => {
  const out: ValidationError[] = [];
  const view = readLabelSelector({ selector }, 'selector', P, out);
  return { view, out };
};

describe('readLabelSelector', () => {
  test.each<[string, unknown, ValidationError[]]>([
    [
      'fails a matchLabels key with a space',
      { matchLabels: { 'my app': 'web' } },
      [
        err(
          'label-key-invalid',
          `${P}.matchLabels`,
          'my app',
          MSG.qualifiedNamePart,
          `Rename key "my app" to an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
        ),
      ],
    ],
    [
      'fails a matchLabels value ending in -',
      { matchLabels: { app: 'web-' } },
      [
        err(
          'label-value-invalid',
          `${P}.matchLabels`,
          'web-',
          MSG.labelValue,
          `Change the value of "app" to at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or to "".`,
        ),
      ],
    ],
    [
      'fails In without values',
      { matchExpressions: [{ key: 'app', operator: 'In' }] },
      [valuesRequired(undefined)],
    ],
    [
      'fails NotIn with an empty list',
      { matchExpressions: [{ key: 'app', operator: 'NotIn', values: [] }] },
      [valuesRequired([])],
    ],
    [
      'fails Exists with values',
      { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] },
      [valuesForbidden(['web'])],
    ],
    [
      'fails DoesNotExist with values',
      { matchExpressions: [{ key: 'app', operator: 'DoesNotExist', values: ['web'] }] },
      [valuesForbidden(['web'])],
    ],
    [
      'fails an operator of the string-selector syntax',
      { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] },
      [badOperator('Equals')],
    ],
    [
      'fails a lower-case operator',
      { matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] },
      [badOperator('in')],
    ],
    ['fails a missing operator', { matchExpressions: [{ key: 'app' }] }, [badOperator('')]],
    [
      'fails a missing key',
      { matchExpressions: [{ operator: 'Exists' }] },
      [
        err(
          'label-key-invalid',
          `${E}.key`,
          '',
          `name part must be non-empty; ${MSG.qualifiedNamePart}`,
          keyFix(`${E}.key`),
        ),
      ],
    ],
    [
      'fails a key with two slashes after the operator problem, in upstream order',
      { matchExpressions: [{ key: 'a/b/c', operator: 'Has' }] },
      [
        badOperator('Has'),
        err(
          'label-key-invalid',
          `${E}.key`,
          'a/b/c',
          `a qualified name ${MSG.qualifiedNamePart.replace('name part ', '')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
          keyFix(`${E}.key`),
        ),
      ],
    ],
    [
      'fails each invalid value at its index',
      { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'front end', 'x'.repeat(64)] }] },
      [
        err('label-value-invalid', `${E}.values[1]`, 'front end', MSG.labelValue, VALUE_FIX),
        err(
          'label-value-invalid',
          `${E}.values[2]`,
          'x'.repeat(64),
          'must be no more than 63 characters',
          VALUE_FIX,
        ),
      ],
    ],
    [
      'fails a selector that is a string',
      'app=web',
      [
        err(
          'field-type-invalid',
          P,
          'app=web',
          'must be an object; the API server cannot decode a string into this field',
          `Set ${P} to an object, or remove it.`,
        ),
      ],
    ],
    [
      'fails an expression that is not an object',
      { matchExpressions: ['app in (web)'] },
      [
        err(
          'field-type-invalid',
          `${P}.matchExpressions[0]`,
          'app in (web)',
          'must be an object; the API server cannot decode a string into this field',
          `Set ${P}.matchExpressions[0] to an object, or remove it.`,
        ),
      ],
    ],
  ])('%s', (_, selector, expected) => {
    const { view, out } = read(selector);
    expect(out).toEqual(expected);
    // Whatever the API server reports inside a selector also makes LabelSelectorAsSelector fail.
    if (view !== undefined) expect(view.unparsable).toBe(true);
  });

  test.each<[string, unknown, LabelSelectorView]>([
    ['an empty selector', {}, { matchLabels: [], matchExpressions: [], unparsable: false }],
    [
      'matchLabels, a null value read as ""',
      { matchLabels: { app: 'web', tier: null } },
      {
        matchLabels: [
          ['app', 'web'],
          ['tier', ''],
        ],
        matchExpressions: [],
        unparsable: false,
      },
    ],
    [
      'every operator, Exists with an empty list',
      {
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['web'] },
          { key: 'example.com/tier', operator: 'NotIn', values: ['db', ''] },
          { key: 'app', operator: 'Exists', values: [] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
      {
        matchLabels: [],
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['web'] },
          { key: 'example.com/tier', operator: 'NotIn', values: ['db', ''] },
          { key: 'app', operator: 'Exists', values: [] },
          { key: 'canary', operator: 'DoesNotExist', values: [] },
        ],
        unparsable: false,
      },
    ],
  ])('passes %s', (_, selector, expected) => {
    expect(read(selector)).toEqual({ view: expected, out: [] });
  });

  test.each<[string, unknown]>([
    ['absent', undefined],
    ['null', null],
  ])('reads a selector that is %s as none', (_, selector) => {
    expect(read(selector)).toEqual({ view: undefined, out: [] });
  });
});

describe('isEmptySelector', () => {
  test.each<[unknown, boolean]>([
    [{}, true],
    [{ matchLabels: {}, matchExpressions: [] }, true],
    [{ matchLabels: { app: 'web' } }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, false],
  ])('%j: %s', (selector, empty) => {
    expect(isEmptySelector(read(selector).view as LabelSelectorView)).toBe(empty);
  });
});

describe('selectorMatches (labels.Selector.Matches)', () => {
  const labels = new Map([
    ['app', 'web'],
    ['tier', ''],
  ]);
  test.each<[string, unknown, boolean]>([
    ['everything for an empty selector', {}, true],
    ['equal matchLabels', { matchLabels: { app: 'web' } }, true],
    ['an empty value', { matchLabels: { tier: '' } }, true],
    ['a different value', { matchLabels: { app: 'api' } }, false],
    ['an absent key', { matchLabels: { zone: 'a' } }, false],
    [
      'In with the value',
      { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] },
      true,
    ],
    ['In on an absent key', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, false],
    [
      'NotIn with the value',
      { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] },
      false,
    ],
    [
      'NotIn on an absent key',
      { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] },
      true,
    ],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    ['Exists on an absent key', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
    ['DoesNotExist', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, true],
    [
      'DoesNotExist on a present key',
      { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] },
      false,
    ],
    [
      'all requirements together only',
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: [''] }] },
      false,
    ],
  ])('%s: %s', (_, selector, matched) => {
    expect(selectorMatches(read(selector).view as LabelSelectorView, labels)).toBe(matched);
  });
});

describe('labelMap', () => {
  test.each<[unknown, [string, string][]]>([
    [undefined, []],
    [{ labels: 'app=web' }, []],
    [
      { labels: { app: 'web', tier: null, replicas: 3 } },
      [
        ['app', 'web'],
        ['tier', ''],
      ],
    ],
  ])('%j', (metadata, entries) => {
    expect([...labelMap(metadata)]).toEqual(entries);
  });
});
