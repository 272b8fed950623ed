import type { JsonObject } from './json';
import { isJsonObject, LIST, OBJECT, read, readField, readObjects, readStringMap, STRING } from './json';
import { validateLabels } from './labels';
import { isQualifiedName, isValidLabelValue } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/** One `matchExpressions` entry, as far as it could be read. */
interface Requirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/** A `metav1.LabelSelector` as read from a manifest. */
export interface LabelSelectorView {
  /** `matchLabels` entries. */
  readonly matchLabels: readonly [string, string][];
  /** `matchExpressions` entries. */
  readonly matchExpressions: readonly Requirement[];
  /**
   * Whether `metav1.LabelSelectorAsSelector` would fail on it (unknown operator, bad key or
   * value, values where none belong): then the workload rules cannot match it against labels.
   */
  readonly unparsable: boolean;
}

const OPERATORS_WITH_VALUES = new Set(['In', 'NotIn']);
const OPERATORS_WITHOUT_VALUES = new Set(['Exists', 'DoesNotExist']);

/**
 * Upstream `ValidateLabelSelector` and `ValidateLabelSelectorRequirement`
 * (apimachinery pkg/apis/meta/v1/validation), strict about values as the apps/v1 workloads are.
 * Returns the selector read, or undefined when absent (`null` included).
 */
export function readLabelSelector(
  owner: JsonObject,
  key: string,
  path: string,
  out: ValidationError[],
): LabelSelectorView | undefined {
  const selector = read(owner, key, path, OBJECT, out);
  if (selector === undefined) return undefined;
  const before = out.length;
  // validateLabels reports malformed entries; the map read here only needs the readable ones.
  const matchLabels = readStringMap(selector, 'matchLabels', `${path}.matchLabels`, []);
  out.push(...validateLabels(selector, 'matchLabels', `${path}.matchLabels`));
  const matchExpressions = readObjects(selector, 'matchExpressions', `${path}.matchExpressions`, out).map(
    ({ path: exprPath, item }) => readRequirement(item, exprPath, out),
  );
  return { matchLabels, matchExpressions, unparsable: out.length > before };
}

function readRequirement(item: JsonObject, path: string, out: ValidationError[]): Requirement {
  const operator = readField(item, 'operator', path, STRING, out) ?? '';
  const rawValues = readField(item, 'values', path, LIST, out) ?? [];
  const values = rawValues.map(value => (typeof value === 'string' ? value : String(value)));
  if (OPERATORS_WITH_VALUES.has(operator)) {
    if (values.length === 0) {
      out.push(
        error(
          'label-selector-values-required',
          `${path}.values`,
          item.values,
          "Required value: must be specified when `operator` is 'In' or 'NotIn'",
          `Add at least one value to ${path}.values, or use the Exists operator.`,
        ),
      );
    }
  } else if (OPERATORS_WITHOUT_VALUES.has(operator)) {
    if (values.length > 0) {
      out.push(
        error(
          'label-selector-values-forbidden',
          `${path}.values`,
          item.values,
          "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          `Remove ${path}.values, or use the In or NotIn operator.`,
        ),
      );
    }
  } else {
    out.push(
      error(
        'label-selector-operator-invalid',
        `${path}.operator`,
        operator,
        'not a valid selector operator',
        `Set ${path}.operator to In, NotIn, Exists or DoesNotExist.`,
      ),
    );
  }
  const keyField = `${path}.key`;
  const key = read(item, 'key', keyField, STRING, out) ?? '';
  const keyReasons = isQualifiedName(key);
  if (keyReasons.length > 0) {
    out.push(
      error(
        'label-key-invalid',
        keyField,
        key,
        reasons(keyReasons),
        `Set ${keyField} to a label key: an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
      ),
    );
  }
  values.forEach((value, i) => {
    const valueReasons = isValidLabelValue(value);
    if (valueReasons.length > 0) {
      out.push(
        error(
          'label-value-invalid',
          `${path}.values[${i}]`,
          value,
          reasons(valueReasons),
          "Use at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or \"\".",
        ),
      );
    }
  });
  return { key, operator, values };
}

/** Whether a selector has no requirement at all (`labels.Selector.Empty()`): it selects everything. */
export function isEmptySelector(selector: LabelSelectorView): boolean {
  return selector.matchLabels.length === 0 && selector.matchExpressions.length === 0;
}

/** `labels.Selector.Matches` for a parsable selector. */
export function selectorMatches(selector: LabelSelectorView, labels: ReadonlyMap<string, string>): boolean {
  for (const [key, value] of selector.matchLabels) {
    if (labels.get(key) !== value) return false;
  }
  for (const { key, operator, values } of selector.matchExpressions) {
    const value = labels.get(key);
    const matched =
      operator === 'In'
        ? value !== undefined && values.includes(value)
        : operator === 'NotIn'
          ? value === undefined || !values.includes(value)
          : operator === 'Exists'
            ? value !== undefined
            : value === undefined;
    if (!matched) return false;
  }
  return true;
}

/** The labels of an object's metadata as a map (non-string values ignored: other rules report them). */
export function labelMap(metadata: unknown): Map<string, string> {
  const labels = isJsonObject(metadata) ? metadata.labels : undefined;
  const map = new Map<string, string>();
  if (!isJsonObject(labels)) return map;
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value === 'string') map.set(key, value);
    else if (value === null) map.set(key, '');
  }
  return map;
}
