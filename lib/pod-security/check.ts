import type { ContainerRef, PodView } from './manifest';
import { containersOf } from './manifest';

/** What a failed check reports; the evaluator adds the check id and level. */
export interface CheckFinding {
  /** Upstream ForbiddenReason. */
  readonly reason: string;
  /** Upstream ForbiddenDetail. */
  readonly detail: string;
  /** Field path of the first offending field. */
  readonly field: string;
  /** One imperative sentence saying how to fix it. */
  readonly fix: string;
}

/** One Pod Security Standards check, as in upstream's registry: an id, the level that adds it, and a pure test. */
export interface PodSecurityCheck {
  /** Upstream check id, e.g. `hostPorts`. */
  readonly id: string;
  /** Level that introduces the check; more restrictive levels include it. */
  readonly level: 'baseline' | 'restricted';
  /** Returns a finding when the pod fails the check, undefined when it passes. */
  readonly evaluate: (pod: PodView) => CheckFinding | undefined;
}

/** Containers a check flagged, in visiting order, and the first offending field among them. */
export interface FlaggedContainers {
  /** Names of the flagged containers, in upstream visiting order. */
  readonly names: string[];
  /** Field path of the first offending field, if any container was flagged. */
  readonly firstField: string | undefined;
}

/** Visits every container and collects those for which `offendingField` returns a field path. */
export function flagContainers(
  pod: PodView,
  offendingField: (ref: ContainerRef) => string | undefined,
): FlaggedContainers {
  const names: string[] = [];
  let firstField: string | undefined;
  for (const ref of containersOf(pod.spec)) {
    const field = offendingField(ref);
    if (field !== undefined) {
      names.push(ref.name);
      firstField ??= field;
    }
  }
  return { names, firstField };
}
