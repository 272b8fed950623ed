import { duplicateValue, forbidden, required } from './field-error';
import type { JsonObject } from './json';
import { INTEGER, isUnset, read, readObjects, STRING } from './json';
import { readStrings } from './json-lists';
import { readLabelSelector } from './label-selector';
import { isQualifiedName } from './names';
import type { ValidationError } from './problem';
import { error, reasons, unsupported } from './report';

/** `whenUnsatisfiable` values the API server accepts, sorted as upstream lists them. */
export const UNSATISFIABLE_ACTIONS: readonly string[] = ['DoNotSchedule', 'ScheduleAnyway'];

/** `nodeAffinityPolicy` / `nodeTaintsPolicy` values, sorted as upstream lists them. */
export const NODE_INCLUSION_POLICIES: readonly string[] = ['Honor', 'Ignore'];

const NOT_POSITIVE = 'must be greater than zero';

interface Constraint {
  readonly path: string;
  readonly topologyKey: string;
  readonly action: string;
}

function validatePolicy(item: JsonObject, key: string, path: string, out: ValidationError[]): void {
  const field = `${path}.${key}`;
  const policy = read(item, key, field, STRING, out);
  if (policy !== undefined && !NODE_INCLUSION_POLICIES.includes(policy)) {
    out.push(
      error(
        'topology-spread-node-policy-unsupported',
        field,
        policy,
        unsupported(NODE_INCLUSION_POLICIES),
        `Set ${field} to Honor or Ignore, or remove it.`,
      ),
    );
  }
}

/** Upstream `validateMatchLabelKeys`: label names, only with a labelSelector, not already in it. */
function validateMatchLabelKeys(
  item: JsonObject,
  path: string,
  selectorKeys: ReadonlySet<string> | undefined,
  out: ValidationError[],
): void {
  const field = `${path}.matchLabelKeys`;
  const keys = readStrings(item, 'matchLabelKeys', field, out);
  if (keys.length === 0) return;
  if (selectorKeys === undefined) {
    out.push(
      error(
        'topology-spread-match-label-keys-forbidden',
        field,
        item.matchLabelKeys,
        forbidden('must not be specified when labelSelector is not set'),
        `Add ${path}.labelSelector, or remove ${field}.`,
      ),
    );
  }
  for (const { index, value } of keys) {
    const keyField = `${field}[${index}]`;
    const found = isQualifiedName(value);
    if (found.length > 0) {
      out.push(
        error('label-key-invalid', keyField, value, reasons(found), `Use a label key in ${keyField}.`),
      );
    }
    if (selectorKeys?.has(value)) {
      out.push(
        error(
          'topology-spread-match-label-key-in-selector',
          keyField,
          value,
          'exists in both matchLabelKeys and labelSelector',
          `Remove ${JSON.stringify(value)} from ${field} or from ${path}.labelSelector.`,
        ),
      );
    }
  }
}

function validateConstraint(item: JsonObject, path: string, out: ValidationError[]): Constraint {
  const skewField = `${path}.maxSkew`;
  const maxSkew = read(item, 'maxSkew', skewField, INTEGER, out) ?? 0;
  if (maxSkew <= 0) {
    out.push(
      error(
        'topology-spread-max-skew-invalid',
        skewField,
        maxSkew,
        NOT_POSITIVE,
        `Set ${skewField} to 1 or more.`,
      ),
    );
  }
  const keyField = `${path}.topologyKey`;
  const topologyKey = read(item, 'topologyKey', keyField, STRING, out) ?? '';
  if (topologyKey === '') {
    out.push(
      error(
        'topology-spread-topology-key-required',
        keyField,
        item.topologyKey,
        required('can not be empty'),
        `Set ${keyField} to a node label such as topology.kubernetes.io/zone.`,
      ),
    );
  }
  const actionField = `${path}.whenUnsatisfiable`;
  const action = read(item, 'whenUnsatisfiable', actionField, STRING, out) ?? '';
  if (!UNSATISFIABLE_ACTIONS.includes(action)) {
    out.push(
      error(
        'topology-spread-when-unsatisfiable-unsupported',
        actionField,
        action,
        unsupported(UNSATISFIABLE_ACTIONS),
        `Set ${actionField} to DoNotSchedule or ScheduleAnyway.`,
      ),
    );
  }
  const minField = `${path}.minDomains`;
  const minDomains = read(item, 'minDomains', minField, INTEGER, out);
  if (minDomains !== undefined && minDomains <= 0) {
    out.push(
      error(
        'topology-spread-min-domains-invalid',
        minField,
        minDomains,
        NOT_POSITIVE,
        `Set ${minField} to 1 or more.`,
      ),
    );
  }
  if (!isUnset(item, 'minDomains') && action !== 'DoNotSchedule') {
    out.push(
      error(
        'topology-spread-min-domains-forbidden',
        minField,
        item.minDomains,
        `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
        `Remove ${minField}, or set ${actionField} to DoNotSchedule.`,
      ),
    );
  }
  validatePolicy(item, 'nodeAffinityPolicy', path, out);
  validatePolicy(item, 'nodeTaintsPolicy', path, out);
  const selector = readLabelSelector(item, 'labelSelector', `${path}.labelSelector`, out);
  const selectorKeys =
    selector === undefined
      ? undefined
      : new Set([...selector.matchLabels.map(([key]) => key), ...selector.matchExpressions.map(e => e.key)]);
  validateMatchLabelKeys(item, path, selectorKeys, out);
  return { path, topologyKey, action };
}

/**
 * Upstream `validateTopologySpreadConstraints` (pkg/apis/core/validation) for
 * `<spec>.topologySpreadConstraints`: maxSkew > 0, a topologyKey, a known whenUnsatisfiable,
 * minDomains > 0 and only with DoNotSchedule, node inclusion policies, matchLabelKeys, the label
 * selector, and one constraint per {topologyKey, whenUnsatisfiable} (reported on the first of a pair).
 */
export function validateTopologySpread(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const entries = readObjects(
    spec,
    'topologySpreadConstraints',
    `${specPath}.topologySpreadConstraints`,
    out,
  );
  if (entries.length === 0) return;
  const constraints = entries.map(({ path, item }) => validateConstraint(item, path, out));
  for (let i = 0; i < constraints.length; i++) {
    const constraint = constraints[i] as Constraint;
    for (let j = i + 1; j < constraints.length; j++) {
      const later = constraints[j] as Constraint;
      if (later.topologyKey !== constraint.topologyKey || later.action !== constraint.action) continue;
      const pair = `{${constraint.topologyKey}, ${constraint.action}}`;
      out.push(
        error(
          'topology-spread-duplicate',
          `${constraint.path}.{topologyKey, whenUnsatisfiable}`,
          pair,
          duplicateValue(pair),
          `Merge ${constraint.path} and ${later.path}: one constraint per topologyKey and whenUnsatisfiable.`,
        ),
      );
      break;
    }
  }
}
