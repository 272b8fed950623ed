import { duplicateValue, required } from './field-error';
import type { JsonObject } from './json';
import { read, readObjects, STRING } from './json';
import type { ValidationError } from './problem';
import { error } from './report';

// Upstream `SysctlContainSlashFmt`: dot- or slash-separated segments of lower-case alphanumerics, '-' and '_'.
const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_PATTERN = `^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`;
const SYSCTL_RE = new RegExp(SYSCTL_PATTERN);
const SYSCTL_MAX_LENGTH = 253;
const INVALID = `must have at most ${SYSCTL_MAX_LENGTH} characters and match regex ${SYSCTL_PATTERN}`;

/**
 * Upstream `validateSysctls` (pkg/apis/core/validation) for `<securityContext>.sysctls`: each name
 * required, well formed, and listed once. Whether the kubelet allows a sysctl is its own business.
 */
export function validateSysctls(securityContext: JsonObject, path: string, out: ValidationError[]): void {
  const seen = new Set<string>();
  for (const { path: entryPath, item } of readObjects(securityContext, 'sysctls', `${path}.sysctls`, out)) {
    const field = `${entryPath}.name`;
    const name = read(item, 'name', field, STRING, out) ?? '';
    if (name === '') {
      out.push(error('pod-sysctl-name-required', field, item.name, required(), `Set ${field}.`));
    } else if (Buffer.byteLength(name, 'utf8') > SYSCTL_MAX_LENGTH || !SYSCTL_RE.test(name)) {
      out.push(
        error(
          'pod-sysctl-name-invalid',
          field,
          name,
          INVALID,
          'Use a sysctl name such as net.ipv4.ip_unprivileged_port_start: lower-case segments separated by dots or slashes.',
        ),
      );
    } else if (seen.has(name)) {
      out.push(
        error(
          'pod-sysctl-name-duplicate',
          field,
          name,
          duplicateValue(name),
          `Remove the repeated sysctl ${JSON.stringify(name)}; set each sysctl once.`,
        ),
      );
    }
    seen.add(name);
  }
}
