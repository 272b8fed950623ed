import type { JsonObject } from './json';
import { INTEGER, isUnset, LIST, OBJECT, ownField, read, readField, STRING, typeError } from './json';
import { inclusiveRangeError } from './names';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';
import { validateSeccompProfile } from './seccomp';
import { validateSysctls } from './sysctls';
import { validateWindowsOptions } from './windows-options';

/** Upstream `IsValidUserID` / `IsValidGroupID`: 0 to MaxInt32. */
const MAX_ID = 2147483647;
const ID_RANGE = inclusiveRangeError(0, MAX_ID);

/** Values the API server accepts for `fsGroupChangePolicy`, sorted as upstream lists them. */
export const FS_GROUP_CHANGE_POLICIES: readonly string[] = ['Always', 'OnRootMismatch'];

const idFix = (field: string): string => `Set ${field} to a user or group id between 0 and ${MAX_ID}.`;

/** One user or group id field; an absent one (the usual case) costs one `Object.hasOwn`, a valid one a read more. */
function validateIdField(
  sc: JsonObject,
  key: string,
  rule: string,
  path: string,
  out: ValidationError[],
): void {
  const raw = ownField(sc, key);
  if (raw == null || (Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= MAX_ID)) return;
  const field = `${path}.${key}`;
  const id = read(sc, key, field, INTEGER, out);
  if (id !== undefined && (id < 0 || id > MAX_ID)) out.push(error(rule, field, id, ID_RANGE, idFix(field)));
}

function validateIds(sc: JsonObject, path: string, out: ValidationError[]): void {
  validateIdField(sc, 'runAsUser', 'pod-run-as-user-invalid', path, out);
  validateIdField(sc, 'runAsGroup', 'pod-run-as-group-invalid', path, out);
  validateIdField(sc, 'fsGroup', 'pod-fs-group-invalid', path, out);
  if (isUnset(sc, 'supplementalGroups')) return;
  const groups = readField(sc, 'supplementalGroups', path, LIST, out) ?? [];
  for (let i = 0; i < groups.length; i++) {
    const field = `${path}.supplementalGroups[${i}]`;
    const gid = groups[i];
    if (!Number.isInteger(gid)) out.push(typeError(field, gid, INTEGER.noun));
    else if ((gid as number) < 0 || (gid as number) > MAX_ID) {
      out.push(error('pod-supplemental-group-invalid', field, gid, ID_RANGE, idFix(field)));
    }
  }
}

/**
 * Upstream `ValidatePodSecurityContext` (pkg/apis/core/validation) for `<spec>.securityContext`:
 * user and group ids, `shareProcessNamespace` with `hostPID`, sysctls, `fsGroupChangePolicy`,
 * seccomp profile and Windows options. An absent security context is defaulted to `{}`, which is valid.
 */
export function validatePodSecurityContext(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const path = `${specPath}.securityContext`;
  const sc = read(spec, 'securityContext', path, OBJECT, out);
  // v1 keeps these two on the spec; the API server reports them under the security context.
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    out.push(
      error(
        'pod-share-process-namespace-host-pid',
        `${path}.shareProcessNamespace`,
        true,
        'ShareProcessNamespace and HostPID cannot both be enabled',
        `Set ${specPath}.shareProcessNamespace or ${specPath}.hostPID to false.`,
      ),
    );
  }
  if (sc === undefined) return;
  validateIds(sc, path, out);
  if (!isUnset(sc, 'sysctls')) validateSysctls(sc, path, out);
  if (!isUnset(sc, 'fsGroupChangePolicy')) validateFsGroupChangePolicy(sc, path, out);
  validateSeccompProfile(sc, path, 'pod', out);
  validateWindowsOptions(sc, path, 'pod', out);
}

function validateFsGroupChangePolicy(sc: JsonObject, path: string, out: ValidationError[]): void {
  const policyField = `${path}.fsGroupChangePolicy`;
  const policy = read(sc, 'fsGroupChangePolicy', policyField, STRING, out);
  if (policy !== undefined && !FS_GROUP_CHANGE_POLICIES.includes(policy)) {
    out.push(
      error(
        'pod-fs-group-change-policy-unsupported',
        policyField,
        policy,
        unsupported(FS_GROUP_CHANGE_POLICIES),
        `Set ${policyField} to OnRootMismatch or Always, or remove it.`,
      ),
    );
  }
}
