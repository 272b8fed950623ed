import { ownField } from '../../rules/json';
import type { CheckFinding, PodSecurityCheck } from '../check';
import type { JsonObject, PodView } from '../manifest';
import { asObject, asString } from '../manifest';
import { joinQuote, pluralize, setterList, sortedUnique } from '../wording';

/** SELinux types baseline allows up to v1.30. */
const ALLOWED_TYPES_V1_0: ReadonlySet<string> = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
]);

/** SELinux types baseline allows from v1.31, which adds `container_engine_t`. */
const ALLOWED_TYPES_V1_31: ReadonlySet<string> = new Set([...ALLOWED_TYPES_V1_0, 'container_engine_t']);

/** What one evaluation found wrong across the pod's and containers' seLinuxOptions. */
interface SeLinuxProblems {
  types: string[];
  user: boolean;
  role: boolean;
}

/** The first bad field of one seLinuxOptions object at `path`, recording what was wrong. */
function badField(
  options: JsonObject | undefined,
  path: string,
  allowed: ReadonlySet<string>,
  problems: SeLinuxProblems,
): string | undefined {
  if (options === undefined) return undefined;
  let field: string | undefined;
  const type = asString(options?.type);
  if (!allowed.has(type)) {
    problems.types.push(type);
    field = `${path}.type`;
  }
  if (asString(options?.user) !== '') {
    problems.user = true;
    field ??= `${path}.user`;
  }
  if (asString(options?.role) !== '') {
    problems.role = true;
    field ??= `${path}.role`;
  }
  return field;
}

// Upstream policy/check_seLinuxOptions.go, seLinuxOptions.
function checkSeLinuxOptions(pod: PodView, allowed: ReadonlySet<string>): CheckFinding | undefined {
  const problems: SeLinuxProblems = { types: [], user: false, role: false };
  const podField = badField(
    asObject(ownField(pod.securityContext, 'seLinuxOptions')),
    `${pod.specPath}.securityContext.seLinuxOptions`,
    allowed,
    problems,
  );
  const names: string[] = [];
  let field = podField;
  for (const { name, path, securityContext } of pod.containers) {
    const containerField = badField(
      asObject(securityContext?.seLinuxOptions),
      `${path}.securityContext.seLinuxOptions`,
      allowed,
      problems,
    );
    if (containerField === undefined) continue;
    names.push(name);
    field ??= containerField;
  }
  if (field === undefined) return undefined;
  const wrong: string[] = [];
  const types = sortedUnique(problems.types);
  if (types.length > 0) wrong.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
  if (problems.user) wrong.push('user may not be set');
  if (problems.role) wrong.push('role may not be set');
  return {
    reason: 'seLinuxOptions',
    detail: `${setterList(podField !== undefined, names)} set forbidden securityContext.seLinuxOptions: ${wrong.join('; ')}`,
    field,
    fix: `Remove seLinuxOptions.user and seLinuxOptions.role, and leave seLinuxOptions.type empty or set it to ${[...allowed].filter(type => type !== '').join(', ')}.`,
  };
}

// Upstream policy/check_seLinuxOptions.go, seLinuxOptions1_0.
function seLinuxOptionsV1Dot0(pod: PodView): CheckFinding | undefined {
  return checkSeLinuxOptions(pod, ALLOWED_TYPES_V1_0);
}

// Upstream policy/check_seLinuxOptions.go, seLinuxOptions1_31.
function seLinuxOptionsV1Dot31(pod: PodView): CheckFinding | undefined {
  return checkSeLinuxOptions(pod, ALLOWED_TYPES_V1_31);
}

/** Baseline: no SELinux user or role, and only container types (v1.0; `container_engine_t` from v1.31). */
export const seLinuxOptions: PodSecurityCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  revisions: [
    { since: 'v1.0', evaluate: seLinuxOptionsV1Dot0 },
    { since: 'v1.31', evaluate: seLinuxOptionsV1Dot31 },
  ],
};
