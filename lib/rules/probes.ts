import { forbidden, required } from './field-errors';
import type { JsonObject } from './json';
import {
  INTEGER,
  isJsonObject,
  isUnset,
  LIST,
  OBJECT,
  read,
  readField,
  readObjects,
  STRING,
  typeError,
} from './json';
import { isValidPortName, isValidPortNum } from './names';
import type { ValidationError } from './problem';
import { error, NON_NEGATIVE, reasons, unsupported } from './report';

/*
 * Probes and lifecycle hooks (pkg/apis/core/validation: `validateProbe`, `validateLivenessProbe`,
 * `validateReadinessProbe`, `validateStartupProbe`, `validateHandler`, `validateLifecycle`, the
 * action validators and `ValidatePortNumOrName`). Checked as after defaulting: unset or zero
 * thresholds and periods take their defaults (timeout 1, period 10, success 1, failure 3), an
 * httpGet path defaults to "/" and its scheme to HTTP. 1.28 has no sleep action.
 */

const SCHEMES = ['HTTP', 'HTTPS'];
const HEADER_NAME_RE = /^[-A-Za-z0-9]+$/;
const HEADER_NAME_ERR =
  "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";
const PROBE_FIELDS = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
];

/** Upstream `ValidatePortNumOrName` for an int-or-string port. */
function validatePort(owner: JsonObject, key: string, path: string, out: ValidationError[]): void {
  const field = `${path}.${key}`;
  const port = owner[key];
  const fix = `Set ${field} to a port number between 1 and 65535 or to the name of a container port.`;
  if (typeof port === 'string') {
    const nameReasons = isValidPortName(port);
    if (nameReasons.length > 0) out.push(error('probe-port-invalid', field, port, reasons(nameReasons), fix));
    return;
  }
  if (port !== undefined && port !== null && !Number.isInteger(port)) {
    out.push(typeError(field, port, 'an integer or a string'));
    return;
  }
  // An absent port decodes as 0.
  const number = typeof port === 'number' ? port : 0;
  const numberReasons = isValidPortNum(number);
  if (numberReasons.length > 0)
    out.push(error('probe-port-invalid', field, number, reasons(numberReasons), fix));
}

function validateHttpGet(action: JsonObject, path: string, out: ValidationError[]): void {
  validatePort(action, 'port', path, out);
  const schemeField = `${path}.scheme`;
  const scheme = read(action, 'scheme', schemeField, STRING, out) || 'HTTP';
  if (!SCHEMES.includes(scheme)) {
    out.push(
      error(
        'probe-http-scheme-unsupported',
        schemeField,
        scheme,
        unsupported(SCHEMES),
        `Set ${schemeField} to HTTP or HTTPS.`,
      ),
    );
  }
  readField(action, 'path', path, STRING, out);
  // Upstream reports header problems at `httpHeaders`, without the entry's index.
  for (const { path: headerPath, item } of readObjects(action, 'httpHeaders', `${path}.httpHeaders`, out)) {
    const name = readField(item, 'name', headerPath, STRING, out) ?? '';
    if (!HEADER_NAME_RE.test(name)) {
      out.push(
        error(
          'probe-http-header-invalid',
          `${path}.httpHeaders`,
          name,
          HEADER_NAME_ERR,
          `Rename the header to letters, digits and '-', e.g. "X-Probe".`,
        ),
      );
    }
  }
}

/** The actions a handler may hold: probes take all four, lifecycle hooks all but grpc. */
const PROBE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const HOOK_ACTIONS = ['exec', 'httpGet', 'tcpSocket'] as const;
type Action = (typeof PROBE_ACTIONS)[number];

function validateAction(kind: Action, action: JsonObject, path: string, out: ValidationError[]): void {
  if (kind === 'exec') {
    const command = readField(action, 'command', path, LIST, out) ?? [];
    if (command.length === 0) {
      out.push(
        error(
          'probe-exec-command-required',
          `${path}.command`,
          action.command,
          required(),
          `Set ${path}.command, e.g. ["cat", "/tmp/healthy"].`,
        ),
      );
    }
  } else if (kind === 'httpGet') {
    validateHttpGet(action, path, out);
  } else {
    validatePort(action, 'port', path, out);
  }
}

/** Upstream `validateHandler`: exactly one action, and that action's fields. */
function validateHandler(
  handler: JsonObject,
  path: string,
  actions: readonly Action[],
  out: ValidationError[],
): void {
  let count = 0;
  for (const kind of actions) {
    if (isUnset(handler, kind)) continue;
    if (count > 0) {
      out.push(
        error(
          'probe-handler-multiple',
          `${path}.${kind}`,
          undefined,
          forbidden('may not specify more than 1 handler type'),
          `Keep one of ${actions.join(', ')} in ${path}.`,
        ),
      );
      continue;
    }
    count++;
    const action = read(handler, kind, `${path}.${kind}`, OBJECT, out);
    if (action !== undefined) validateAction(kind, action, `${path}.${kind}`, out);
  }
  if (count === 0) {
    out.push(
      error(
        'probe-handler-required',
        path,
        undefined,
        required('must specify a handler type'),
        `Give ${path} one of ${actions.join(', ')}.`,
      ),
    );
  }
}

/** Upstream `validateProbe`: the handler, non-negative timings, a positive termination grace period. */
function validateProbe(probe: JsonObject, path: string, out: ValidationError[]): void {
  validateHandler(probe, path, PROBE_ACTIONS, out);
  for (const key of PROBE_FIELDS) {
    const field = `${path}.${key}`;
    const value = read(probe, key, field, INTEGER, out);
    if (value !== undefined && value < 0) {
      out.push(
        error(
          'probe-field-negative',
          field,
          value,
          NON_NEGATIVE,
          `Set ${field} to a positive number, or remove it for the default.`,
        ),
      );
    }
  }
  const graceField = `${path}.terminationGracePeriodSeconds`;
  const grace = read(probe, 'terminationGracePeriodSeconds', graceField, INTEGER, out);
  if (grace !== undefined && grace <= 0) {
    out.push(
      error(
        'probe-termination-grace-period-invalid',
        graceField,
        grace,
        'must be greater than 0',
        `Set ${graceField} to at least 1, or remove it.`,
      ),
    );
  }
}

/** Liveness and startup probes may only need one success: a 0 defaults to 1, anything else is refused. */
function requireSingleSuccess(probe: JsonObject, path: string, out: ValidationError[]): void {
  const value = probe.successThreshold;
  if (value === undefined || value === null || value === 0 || value === 1 || !Number.isInteger(value)) return;
  out.push(
    error(
      'probe-success-threshold-invalid',
      `${path}.successThreshold`,
      value,
      'must be 1',
      `Set ${path}.successThreshold to 1, or remove it.`,
    ),
  );
}

/**
 * Upstream `validateLivenessProbe`, `validateReadinessProbe` and `validateStartupProbe` for the
 * probes of a container (or restartable init container) at `path`.
 */
export function validateProbes(container: JsonObject, path: string, out: ValidationError[]): void {
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (isUnset(container, key)) continue;
    const probePath = `${path}.${key}`;
    const probe = read(container, key, probePath, OBJECT, out);
    if (probe === undefined) continue;
    validateProbe(probe, probePath, out);
    if (key === 'readinessProbe') {
      if (!isUnset(probe, 'terminationGracePeriodSeconds')) {
        out.push(
          error(
            'probe-readiness-termination-grace-period-forbidden',
            `${probePath}.terminationGracePeriodSeconds`,
            probe.terminationGracePeriodSeconds,
            'must not be set for readinessProbes',
            `Remove ${probePath}.terminationGracePeriodSeconds; a failed readiness probe never restarts the container.`,
          ),
        );
      }
    } else {
      requireSingleSuccess(probe, probePath, out);
    }
  }
}

/** Upstream `validateLifecycle`: each hook set holds exactly one valid action. */
export function validateLifecycle(container: JsonObject, path: string, out: ValidationError[]): void {
  if (isUnset(container, 'lifecycle')) return;
  const lifecyclePath = `${path}.lifecycle`;
  const lifecycle = read(container, 'lifecycle', lifecyclePath, OBJECT, out);
  if (lifecycle === undefined) return;
  for (const hook of ['postStart', 'preStop']) {
    const handler = lifecycle[hook];
    if (handler === undefined || handler === null) continue;
    if (!isJsonObject(handler)) {
      out.push(typeError(`${lifecyclePath}.${hook}`, handler, OBJECT.noun));
      continue;
    }
    validateHandler(handler, `${lifecyclePath}.${hook}`, HOOK_ACTIONS, out);
  }
}
