import type { ValidationError } from './problem';

/** An inclusive range of port numbers. */
export interface PortRange {
  /** Lowest allowed port. */
  readonly min: number;
  /** Highest allowed port. */
  readonly max: number;
}

/** The API server's default `--service-node-port-range`. */
export const DEFAULT_NODE_PORT_RANGE: PortRange = Object.freeze({ min: 30000, max: 32767 });

/** Options shared by all rules. */
export interface RuleOptions {
  /** The cluster's `--service-node-port-range`; defaults to 30000-32767. */
  readonly nodePortRange?: PortRange;
  /** Rule ids of warnings to silence; errors cannot be silenced, so error rule ids here have no effect. */
  readonly suppress?: readonly string[];
}

/** Drops warnings whose rule id is listed in `options.suppress`; keeps every error. */
export function applySuppression(
  problems: readonly ValidationError[],
  options: RuleOptions,
): ValidationError[] {
  // Nothing to drop: most objects have no problem, and most runs silence nothing.
  if (problems.length === 0 || options.suppress === undefined || options.suppress.length === 0)
    return problems.slice();
  const silenced = new Set(options.suppress);
  return problems.filter(problem => problem.severity === 'error' || !silenced.has(problem.rule));
}
