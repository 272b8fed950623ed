import type { Expected, JsonObject } from './json';
import { INTEGER, isUnset, LIST, OBJECT, read, STRING } from './json';
import { inclusiveRangeError } from './names';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';
import { validateSeccompProfile } from './seccomp';
import { validateWindowsOptions } from './windows-options';

/*
 * A container's `securityContext` (pkg/apis/core/validation: `ValidateSecurityContext`,
 * `validateSeccompProfileField`, `ValidateProcMountType`, `validateWindowsSecurityContextOptions`;
 * the seccomp and Windows checks are the Pod's too, in seccomp.ts and windows-options.ts).
 * `privileged: true` is not checked against the server's --allow-privileged flag, which is a
 * cluster setting.
 */

const MAX_ID = 2147483647;
const BOOLEAN: Expected<boolean> = { noun: 'a boolean', test: (v): v is boolean => typeof v === 'boolean' };
const PROC_MOUNTS = ['Default', 'Unmasked'];

/** Upstream `IsValidUserID`/`IsValidGroupID`: 0 to 2^31-1. */
export function validateId(context: JsonObject, key: string, path: string, out: ValidationError[]): void {
  const raw = context[key];
  if (
    raw === undefined ||
    raw === null ||
    (Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= MAX_ID)
  )
    return;
  const field = `${path}.${key}`;
  const id = read(context, key, field, INTEGER, out);
  if (id !== undefined && (id < 0 || id > MAX_ID)) {
    out.push(
      error(
        'security-context-id-invalid',
        field,
        id,
        inclusiveRangeError(0, MAX_ID),
        `Set ${field} to an id between 0 and ${MAX_ID}.`,
      ),
    );
  }
}

/**
 * Upstream `ValidateSecurityContext` for the container at `path`: user and group ids, `procMount`,
 * the seccomp profile, Windows options, and the settings `allowPrivilegeEscalation: false`
 * contradicts (`privileged: true`, adding `CAP_SYS_ADMIN`).
 */
export function validateContainerSecurityContext(
  container: JsonObject,
  path: string,
  out: ValidationError[],
): void {
  const contextPath = `${path}.securityContext`;
  const context = read(container, 'securityContext', contextPath, OBJECT, out);
  if (context === undefined) return;
  validateId(context, 'runAsUser', contextPath, out);
  validateId(context, 'runAsGroup', contextPath, out);
  // Stricter than a default 1.28 server, which drops procMount unless the ProcMountType gate is on.
  const procMount = isUnset(context, 'procMount')
    ? undefined
    : read(context, 'procMount', `${contextPath}.procMount`, STRING, out);
  if (procMount !== undefined && !PROC_MOUNTS.includes(procMount)) {
    out.push(
      error(
        'security-context-proc-mount-unsupported',
        `${contextPath}.procMount`,
        procMount,
        unsupported(PROC_MOUNTS, 'as-given'),
        `Set ${contextPath}.procMount to Default, or remove it.`,
      ),
    );
  }
  validateSeccompProfile(context, contextPath, 'container', out);
  const escalation =
    context.allowPrivilegeEscalation === false
      ? false
      : read(context, 'allowPrivilegeEscalation', `${contextPath}.allowPrivilegeEscalation`, BOOLEAN, out);
  if (escalation === false) {
    const privileged = read(context, 'privileged', `${contextPath}.privileged`, BOOLEAN, []);
    if (privileged === true) {
      out.push(
        error(
          'security-context-privileged-escalation-conflict',
          contextPath,
          context,
          'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
          `Remove privileged: true (a privileged container can always escalate), or set ${contextPath}.allowPrivilegeEscalation to true.`,
        ),
      );
    }
    const capabilities = read(context, 'capabilities', `${contextPath}.capabilities`, OBJECT, []) ?? {};
    const added = isUnset(capabilities, 'add')
      ? []
      : (read(capabilities, 'add', `${contextPath}.capabilities.add`, LIST, []) ?? []);
    for (const capability of added) {
      if (capability !== 'CAP_SYS_ADMIN') continue;
      out.push(
        error(
          'security-context-sys-admin-escalation-conflict',
          contextPath,
          context,
          'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
          `Remove CAP_SYS_ADMIN from ${contextPath}.capabilities.add, or set ${contextPath}.allowPrivilegeEscalation to true.`,
        ),
      );
    }
  }
  validateWindowsOptions(context, contextPath, 'container', out);
}
