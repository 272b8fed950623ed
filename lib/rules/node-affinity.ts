import { forbidden, required } from './field-errors';
import type { JsonObject } from './json';
import { INTEGER, OBJECT, read, readObjects, STRING } from './json';
import { readStrings } from './json-lists';
import { isDns1123Subdomain, isQualifiedName } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

const KEY_FIX =
  "a label key: an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric";

/** Upstream's message for a weight outside 1-100 (preferred node and pod affinity terms). */
export const WEIGHT_RANGE = 'must be in the range 1-100';

/** Upstream `validateWeightedPodAffinityTerms` / `ValidatePreferredSchedulingTerms`: `weight` in 1-100 (unset is 0). */
export function validateWeight(term: JsonObject, path: string, out: ValidationError[]): void {
  const field = `${path}.weight`;
  const weight = read(term, 'weight', field, INTEGER, out) ?? 0;
  if (weight < 1 || weight > 100) {
    out.push(
      error(
        'affinity-weight-invalid',
        field,
        weight,
        WEIGHT_RANGE,
        `Set ${field} to a number from 1 to 100.`,
      ),
    );
  }
}

/** Upstream's error for an operator a node selector requirement cannot use. */
function invalidOperator(field: string, operator: string, fix: string): ValidationError {
  return error('node-selector-operator-invalid', field, operator, 'not a valid selector operator', fix);
}

/** Upstream `ValidateNodeSelectorRequirement`: operator, value count, and a label-name key. */
function validateRequirement(item: JsonObject, path: string, out: ValidationError[]): void {
  const operatorField = `${path}.operator`;
  const valuesField = `${path}.values`;
  const operator = read(item, 'operator', operatorField, STRING, out) ?? '';
  const count = readStrings(item, 'values', valuesField, out).length;
  if (operator === 'In' || operator === 'NotIn') {
    if (count === 0) {
      out.push(
        error(
          'node-selector-values-required',
          valuesField,
          item.values,
          required("must be specified when `operator` is 'In' or 'NotIn'"),
          `Add at least one value to ${valuesField}, or use the Exists operator.`,
        ),
      );
    }
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (count > 0) {
      out.push(
        error(
          'node-selector-values-forbidden',
          valuesField,
          item.values,
          forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
          `Remove ${valuesField}, or use the In or NotIn operator.`,
        ),
      );
    }
  } else if (operator === 'Gt' || operator === 'Lt') {
    if (count !== 1) {
      out.push(
        error(
          'node-selector-values-single-required',
          valuesField,
          item.values,
          required("must be specified single value when `operator` is 'Lt' or 'Gt'"),
          `Give ${valuesField} exactly one value, an integer to compare the node label with.`,
        ),
      );
    }
  } else {
    out.push(
      invalidOperator(
        operatorField,
        operator,
        `Set ${operatorField} to In, NotIn, Exists, DoesNotExist, Gt or Lt.`,
      ),
    );
  }
  const keyField = `${path}.key`;
  const key = read(item, 'key', keyField, STRING, out) ?? '';
  const keyReasons = isQualifiedName(key);
  if (keyReasons.length > 0) {
    out.push(
      error('label-key-invalid', keyField, key, reasons(keyReasons), `Set ${keyField} to ${KEY_FIX}.`),
    );
  }
}

/** Upstream `ValidateNodeFieldSelectorRequirement`: only `metadata.name`, In or NotIn, one node name. */
function validateFieldRequirement(item: JsonObject, path: string, out: ValidationError[]): void {
  const operatorField = `${path}.operator`;
  const valuesField = `${path}.values`;
  const operator = read(item, 'operator', operatorField, STRING, out) ?? '';
  const values = readStrings(item, 'values', valuesField, out);
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length !== 1) {
      out.push(
        error(
          'node-field-selector-values-single-required',
          valuesField,
          item.values,
          required("must be only one value when `operator` is 'In' or 'NotIn' for node field selector"),
          `Give ${valuesField} exactly one node name.`,
        ),
      );
    }
  } else {
    out.push(invalidOperator(operatorField, operator, `Set ${operatorField} to In or NotIn.`));
  }
  const keyField = `${path}.key`;
  const key = read(item, 'key', keyField, STRING, out) ?? '';
  if (key !== 'metadata.name') {
    out.push(
      error(
        'node-field-selector-key-invalid',
        keyField,
        key,
        'not a valid field selector key',
        `Set ${keyField} to metadata.name, the only node field a Pod can select on.`,
      ),
    );
    return;
  }
  for (const { index, value } of values) {
    const found = isDns1123Subdomain(value);
    if (found.length > 0) {
      out.push(
        error(
          'node-field-selector-value-invalid',
          `${valuesField}[${index}]`,
          value,
          reasons(found),
          'Use the name of a node: a lower-case DNS subdomain.',
        ),
      );
    }
  }
}

/** Upstream `ValidateNodeSelectorTerm`: every match expression and match field. */
export function validateNodeSelectorTerm(term: JsonObject, path: string, out: ValidationError[]): void {
  for (const entry of readObjects(term, 'matchExpressions', `${path}.matchExpressions`, out)) {
    validateRequirement(entry.item, entry.path, out);
  }
  for (const entry of readObjects(term, 'matchFields', `${path}.matchFields`, out)) {
    validateFieldRequirement(entry.item, entry.path, out);
  }
}

/**
 * Upstream `validateNodeAffinity` (pkg/apis/core/validation) for `<affinity>.nodeAffinity`: the
 * required node selector has at least one term, and preferred terms weigh 1-100.
 */
export function validateNodeAffinity(affinity: JsonObject, path: string, out: ValidationError[]): void {
  const nodePath = `${path}.nodeAffinity`;
  const node = read(affinity, 'nodeAffinity', nodePath, OBJECT, out);
  if (node === undefined) return;
  const requiredPath = `${nodePath}.requiredDuringSchedulingIgnoredDuringExecution`;
  const selector = read(node, 'requiredDuringSchedulingIgnoredDuringExecution', requiredPath, OBJECT, out);
  if (selector !== undefined) {
    const termsPath = `${requiredPath}.nodeSelectorTerms`;
    const terms = readObjects(selector, 'nodeSelectorTerms', termsPath, out);
    if (terms.length === 0) {
      out.push(
        error(
          'node-affinity-terms-required',
          termsPath,
          selector.nodeSelectorTerms,
          required('must have at least one node selector term'),
          `Add a term to ${termsPath}, or remove ${requiredPath}.`,
        ),
      );
    }
    for (const term of terms) validateNodeSelectorTerm(term.item, term.path, out);
  }
  const preferredPath = `${nodePath}.preferredDuringSchedulingIgnoredDuringExecution`;
  for (const { path: termPath, item } of readObjects(
    node,
    'preferredDuringSchedulingIgnoredDuringExecution',
    preferredPath,
    out,
  )) {
    validateWeight(item, termPath, out);
    const preference = read(item, 'preference', `${termPath}.preference`, OBJECT, out) ?? {};
    validateNodeSelectorTerm(preference, `${termPath}.preference`, out);
  }
}
