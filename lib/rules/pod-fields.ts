import { required } from './field-errors';
import type { JsonObject } from './json';
import { INTEGER, read, readField, STRING } from './json';
import type { NameRule } from './name-field';
import { checkName, checkNameField } from './name-field';
import { inclusiveRangeError, isDns1123Label, isDns1123Subdomain } from './names';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/** Restart policies the API server accepts, in upstream's order. */
export const RESTART_POLICIES: readonly string[] = ['Always', 'OnFailure', 'Never'];

/** Preemption policies the API server accepts, in upstream's order. */
export const PREEMPTION_POLICIES: readonly string[] = ['PreemptLowerPriority', 'Never'];

const MAX_INT32 = 2147483647;

const SUBDOMAIN_FIX =
  "Use at most 253 lower-case alphanumerics, '-' or '.', starting and ending alphanumeric.";
const LABEL_FIX =
  "Use at most 63 lower-case alphanumerics or '-' (no dots), starting and ending alphanumeric.";

const HOSTNAME: NameRule = { rule: 'pod-hostname-invalid', check: isDns1123Label, fix: LABEL_FIX };
const SUBDOMAIN: NameRule = { rule: 'pod-subdomain-invalid', check: isDns1123Label, fix: LABEL_FIX };
const SERVICE_ACCOUNT: NameRule = {
  rule: 'pod-service-account-name-invalid',
  check: isDns1123Subdomain,
  fix: SUBDOMAIN_FIX,
};
const NODE_NAME: NameRule = { rule: 'pod-node-name-invalid', check: isDns1123Subdomain, fix: SUBDOMAIN_FIX };
const PRIORITY_CLASS: NameRule = {
  rule: 'pod-priority-class-name-invalid',
  check: isDns1123Subdomain,
  fix: SUBDOMAIN_FIX,
};
const RUNTIME_CLASS: NameRule = {
  rule: 'pod-runtime-class-name-invalid',
  check: isDns1123Subdomain,
  fix: `${SUBDOMAIN_FIX.slice(0, -1)}, or remove the field.`,
};

// Checked in this order; unset or empty values are not checked.
const NAME_FIELDS: ReadonlyArray<readonly [string, NameRule]> = [
  ['hostname', HOSTNAME],
  ['subdomain', SUBDOMAIN],
  ['nodeName', NODE_NAME],
  ['priorityClassName', PRIORITY_CLASS],
];

/** Upstream `validateRestartPolicy`, after defaulting an unset or empty policy to Always. */
function validateRestartPolicy(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const field = `${specPath}.restartPolicy`;
  const policy = read(spec, 'restartPolicy', field, STRING, out) || 'Always';
  if (!RESTART_POLICIES.includes(policy)) {
    out.push(
      error(
        'pod-restart-policy-unsupported',
        field,
        policy,
        unsupported(RESTART_POLICIES, 'as-given'),
        `Set ${field} to Always, OnFailure or Never, or remove it for Always.`,
      ),
    );
  }
}

/** Upstream `ValidatePreemptionPolicy`, for a policy that is set (the Priority admission plugin fills an unset one). */
function validatePreemptionPolicy(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const field = `${specPath}.preemptionPolicy`;
  const policy = read(spec, 'preemptionPolicy', field, STRING, out);
  if (policy === undefined || PREEMPTION_POLICIES.includes(policy)) return;
  const fix = `Set ${field} to PreemptLowerPriority or Never, or remove it to take the PriorityClass's.`;
  out.push(
    policy === ''
      ? error('pod-preemption-policy-required', field, policy, required(), fix)
      : error(
          'pod-preemption-policy-unsupported',
          field,
          policy,
          unsupported(PREEMPTION_POLICIES, 'as-given'),
          fix,
        ),
  );
}

/**
 * The single-value fields of upstream `ValidatePodSpec` (pkg/apis/core/validation): restart and
 * preemption policies, `activeDeadlineSeconds` (1 to MaxInt32), and the names it checks: hostname and
 * subdomain (DNS labels), serviceAccountName, nodeName, priorityClassName and runtimeClassName
 * (DNS subdomains). Whether the named objects exist is for admission plugins and the scheduler.
 */
export function validatePodFields(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  validateRestartPolicy(spec, specPath, out);
  if (spec.activeDeadlineSeconds != null) validateActiveDeadline(spec, specPath, out);
  for (const [key, rule] of NAME_FIELDS) {
    if (spec[key] != null) checkNameField(spec, key, `${specPath}.${key}`, rule, out);
  }
  // v1's deprecated `serviceAccount` is converted into serviceAccountName when that is empty.
  if (spec.serviceAccountName != null || spec.serviceAccount != null) {
    const accountField = `${specPath}.serviceAccountName`;
    const account =
      read(spec, 'serviceAccountName', accountField, STRING, out) ||
      readField(spec, 'serviceAccount', specPath, STRING, out);
    if (account) checkName(account, accountField, SERVICE_ACCOUNT, out);
  }
  if (spec.runtimeClassName != null) {
    checkNameField(spec, 'runtimeClassName', `${specPath}.runtimeClassName`, RUNTIME_CLASS, out, true);
  }
  if (spec.preemptionPolicy != null) validatePreemptionPolicy(spec, specPath, out);
}

function validateActiveDeadline(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const deadlineField = `${specPath}.activeDeadlineSeconds`;
  const deadline = read(spec, 'activeDeadlineSeconds', deadlineField, INTEGER, out);
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    out.push(
      error(
        'pod-active-deadline-seconds-invalid',
        deadlineField,
        deadline,
        inclusiveRangeError(1, MAX_INT32),
        `Set ${deadlineField} to a number of seconds of at least 1, or remove it.`,
      ),
    );
  }
}
