import type { PodSecurityLevel, PodSecurityVersion } from '../../lib/pod-security';
import { evaluatePodSecurity } from '../../lib/pod-security';
import type { PodFixture } from './fixtures';
import { restrictedPod, violationsOf } from './fixtures';

/** The finding a failing case expects, in upstream's exact words. */
export interface ExpectedFinding {
  readonly reason: string;
  readonly detail: string;
  readonly field: string;
  /**
   * At restricted, the baseline twin whose identical finding is reported instead of this check's
   * own (the evaluator prints the same line once).
   */
  readonly atRestrictedReportedBy?: string;
}

/** One tweak of the compliant fixture, judged at some policy versions. */
export interface CheckCase {
  readonly name: string;
  /** Policy versions to evaluate at; every one gives the same outcome. */
  readonly at: readonly PodSecurityVersion[];
  readonly tweak: (pod: PodFixture) => void;
  /** What the check reports; omitted when the pod passes the check at these versions. */
  readonly fails?: ExpectedFinding;
}

/** The cases of one check. */
export interface CheckCases {
  readonly check: string;
  readonly level: 'baseline' | 'restricted';
  readonly cases: readonly CheckCase[];
}

/** A one-sentence imperative fix: starts with a capital letter, ends with a period. */
const ONE_SENTENCE = /^[A-Z][^\n]*\.$/;

/** Levels where a check applies: its own and every more restrictive one. */
function levelsRunning(level: 'baseline' | 'restricted'): PodSecurityLevel[] {
  return level === 'baseline' ? ['baseline', 'restricted'] : ['restricted'];
}

/**
 * Runs every case of a check at each of its versions and at each level where the check applies;
 * a baseline check's failure must be the only baseline finding (the fixture is otherwise compliant),
 * and a restricted check's failure must not show at baseline.
 */
export function describeCheck({ check, level: checkLevel, cases }: CheckCases): void {
  describe(check, () => {
    for (const { name, at, tweak, fails } of cases) {
      for (const version of at) {
        for (const level of levelsRunning(checkLevel)) {
          if (fails === undefined) {
            it(`passes at ${level} ${version}: ${name}`, () => {
              expect(violationsOf(restrictedPod(tweak), level, check, version)).toEqual([]);
            });
            continue;
          }
          const reportedBy = (level === 'restricted' && fails.atRestrictedReportedBy) || check;
          it(`fails at ${level} ${version}: ${name}`, () => {
            expect(violationsOf(restrictedPod(tweak), level, reportedBy, version)).toEqual([
              {
                check: reportedBy,
                level: reportedBy === check ? checkLevel : 'baseline',
                reason: fails.reason,
                detail: fails.detail,
                field: fails.field,
                fix: expect.stringMatching(ONE_SENTENCE),
              },
            ]);
          });
        }
        if (fails === undefined) continue;
        if (checkLevel === 'baseline') {
          it(`fails at baseline ${version} with no other baseline violation: ${name}`, () => {
            expect(
              evaluatePodSecurity(restrictedPod(tweak), 'baseline', { version }).map(v => v.check),
            ).toEqual([check]);
          });
        } else {
          it(`passes at baseline ${version}, which does not run restricted checks: ${name}`, () => {
            expect(violationsOf(restrictedPod(tweak), 'baseline', check, version)).toEqual([]);
          });
        }
      }
    }
  });
}
