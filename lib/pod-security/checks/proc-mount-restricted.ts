import type { PodSecurityCheck } from '../check';
import { procMountV1Dot0 } from './proc-mount-baseline';

/**
 * Restricted: procMount stays Default even in a user namespace. Upstream
 * policy/check_procMount_restricted.go runs procMount_1_0 from v1.35, in place of the baseline
 * check that v1.35 relaxed.
 */
export const procMountRestricted: PodSecurityCheck = {
  id: 'procMount_restricted',
  level: 'restricted',
  revisions: [{ since: 'v1.35', evaluate: procMountV1Dot0 }],
};
