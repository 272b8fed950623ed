import type { PodView } from './manifest';
import type { KnownPodSecurityVersion } from './version';

/** What a failed check reports; the evaluator adds the check id and level. */
export interface CheckFinding {
  /** Upstream ForbiddenReason. */
  readonly reason: string;
  /** Upstream ForbiddenDetail. */
  readonly detail: string;
  /** Field path of the first offending field, in the object checked. */
  readonly field: string;
  /** One imperative sentence saying how to fix it. */
  readonly fix: string;
}

/** Tests a pod; returns a finding when it fails, undefined when it passes. */
export type CheckPod = (pod: PodView) => CheckFinding | undefined;

/** One revision of a check, as upstream's `VersionedCheck`: it applies from `since` until the next revision. */
export interface CheckRevision {
  /** First policy version this revision applies to. */
  readonly since: KnownPodSecurityVersion;
  /** The test. */
  readonly evaluate: CheckPod;
}

/**
 * One Pod Security Standards check, as in upstream's registry: an id, the level that adds it, and
 * its revisions, oldest first. Before the first revision's version the check does not run.
 */
export interface PodSecurityCheck {
  /** Upstream check id, e.g. `hostPorts`. */
  readonly id: string;
  /** Level that introduces the check; more restrictive levels include it. */
  readonly level: 'baseline' | 'restricted';
  /** Revisions in increasing `since` order. */
  readonly revisions: readonly CheckRevision[];
}
