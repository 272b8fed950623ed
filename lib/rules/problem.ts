/** How serious a problem is: errors fail synth, warnings are printed and can be silenced. */
export type Severity = 'error' | 'warning';

/**
 * One problem found in a rendered manifest.
 *
 * Rules are pure functions over plain manifest objects (the JSON that `ApiObject.toJson()`
 * returns), so they check any Pod or Service, whichever construct made it.
 */
export interface ValidationError {
  /** Stable identifier of the rule, e.g. `service-port-name-required`; used to silence warnings. */
  readonly rule: string;
  /** Whether the problem fails synth (`error`) or is only reported (`warning`). */
  readonly severity: Severity;
  /** Kubernetes field path, as the API server writes it, e.g. `spec.ports[1].name`. */
  readonly field: string;
  /** The value received at that field. */
  readonly value: unknown;
  /** What is wrong and what was expected. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Formats a problem as one line: field, message, value received (when there is one), fix. */
export function formatProblem(problem: ValidationError): string {
  const got = problem.value === undefined ? '' : ` (got ${JSON.stringify(problem.value)})`;
  return `${problem.field}: ${problem.message}${got}. Fix: ${problem.fix}`;
}

/** A problem found in one manifest of a list: what the engine and the whole-app rules return. */
export interface Finding extends ValidationError {
  /** Position of the manifest the problem belongs to, in the list that was checked. */
  readonly index: number;
}
