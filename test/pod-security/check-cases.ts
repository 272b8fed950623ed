import type { PodSecurityLevel } from '../../lib/pod-security';
import { evaluatePodSecurity } from '../../lib/pod-security';
import type { PodFixture } from './fixtures';
import { restrictedPod, violationsOf } from './fixtures';

/** A tweak that keeps the pod passing the check. */
export interface PassCase {
  readonly name: string;
  readonly tweak: (pod: PodFixture) => void;
}

/** A tweak that makes the pod fail the check, with the exact upstream wording expected. */
export interface FailCase {
  readonly name: string;
  readonly tweak: (pod: PodFixture) => void;
  readonly reason: string;
  readonly detail: string;
  readonly field: string;
}

/** Pass and fail cases of one check. */
export interface CheckCases {
  readonly check: string;
  readonly level: 'baseline' | 'restricted';
  readonly passes: readonly PassCase[];
  readonly fails: readonly FailCase[];
}

/** A one-sentence imperative fix: starts with a capital letter, ends with a period. */
const ONE_SENTENCE = /^[A-Z][^\n]*\.$/;

/** Levels where a check applies: its own and every more restrictive one. */
function levelsRunning(level: 'baseline' | 'restricted'): PodSecurityLevel[] {
  return level === 'baseline' ? ['baseline', 'restricted'] : ['restricted'];
}

/** Runs every pass and fail case of a check at each level where it applies. */
export function describeCheck(cases: CheckCases): void {
  describe(cases.check, () => {
    for (const level of levelsRunning(cases.level)) {
      for (const pass of cases.passes) {
        it(`passes at ${level}: ${pass.name}`, () => {
          expect(violationsOf(restrictedPod(pass.tweak), level, cases.check)).toEqual([]);
        });
      }
      for (const fail of cases.fails) {
        it(`fails at ${level}: ${fail.name}`, () => {
          expect(violationsOf(restrictedPod(fail.tweak), level, cases.check)).toEqual([
            {
              check: cases.check,
              level: cases.level,
              reason: fail.reason,
              detail: fail.detail,
              field: fail.field,
              fix: expect.stringMatching(ONE_SENTENCE),
            },
          ]);
        });
      }
    }
    if (cases.level === 'baseline') {
      // The fixture is otherwise compliant, so at baseline the case's check must be the only finding.
      for (const fail of cases.fails) {
        it(`fails at baseline with no other baseline violation: ${fail.name}`, () => {
          expect(evaluatePodSecurity(restrictedPod(fail.tweak), 'baseline').map(v => v.check)).toEqual([
            cases.check,
          ]);
        });
      }
    } else {
      for (const fail of cases.fails) {
        it(`passes at baseline, which does not run restricted checks: ${fail.name}`, () => {
          expect(violationsOf(restrictedPod(fail.tweak), 'baseline', cases.check)).toEqual([]);
        });
      }
    }
  });
}
