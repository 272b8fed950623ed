import { duplicateValue, required } from './field-error';
import type { JsonObject } from './json';
import { isJsonObject, LIST, OBJECT, read, STRING, typeError } from './json';
import type { ValidationError } from './problem';
import { error } from './report';

// Upstream `SysctlContainSlashFmt`: dot- or slash-separated segments of lower-case alphanumerics, '-' and '_'.
const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_PATTERN = `^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`;
const SYSCTL_RE = new RegExp(SYSCTL_PATTERN);
const SYSCTL_MAX_LENGTH = 253;
const INVALID = `must have at most ${SYSCTL_MAX_LENGTH} characters and match regex ${SYSCTL_PATTERN}`;

// Apps set the same few sysctls on every Pod: remember the names that passed (bounded).
const KNOWN_GOOD = new Set<string>();
const KNOWN_GOOD_MAX = 256;

function isSysctlName(name: string): boolean {
  if (KNOWN_GOOD.has(name)) return true;
  // The pattern admits ASCII only, so a name it accepts has as many bytes as characters.
  const valid = name.length <= SYSCTL_MAX_LENGTH && SYSCTL_RE.test(name);
  if (valid && KNOWN_GOOD.size < KNOWN_GOOD_MAX) KNOWN_GOOD.add(name);
  return valid;
}

/**
 * Upstream `validateSysctls` (pkg/apis/core/validation) for `<securityContext>.sysctls`: each name
 * required, well formed, and listed once. Whether the kubelet allows a sysctl is its own business.
 */
export function validateSysctls(securityContext: JsonObject, path: string, out: ValidationError[]): void {
  const field = `${path}.sysctls`;
  const list = read(securityContext, 'sysctls', field, LIST, out);
  if (list === undefined) return;
  // A plain loop that builds field paths only for problems: most Pods with sysctls have valid ones.
  const seen = list.length > 1 ? new Set<string>() : undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isJsonObject(item)) {
      out.push(typeError(`${field}[${i}]`, item, OBJECT.noun));
      continue;
    }
    const raw = item.name;
    const name = typeof raw === 'string' ? raw : '';
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      out.push(typeError(`${field}[${i}].name`, raw, STRING.noun));
    }
    if (name === '') {
      const nameField = `${field}[${i}].name`;
      out.push(error('pod-sysctl-name-required', nameField, raw, required(), `Set ${nameField}.`));
    } else if (!isSysctlName(name)) {
      out.push(
        error(
          'pod-sysctl-name-invalid',
          `${field}[${i}].name`,
          name,
          INVALID,
          'Use a sysctl name such as net.ipv4.ip_unprivileged_port_start: lower-case segments separated by dots or slashes.',
        ),
      );
    } else if (seen?.has(name)) {
      out.push(
        error(
          'pod-sysctl-name-duplicate',
          `${field}[${i}].name`,
          name,
          duplicateValue(name),
          `Remove the repeated sysctl ${JSON.stringify(name)}; set each sysctl once.`,
        ),
      );
    }
    seen?.add(name);
  }
}
