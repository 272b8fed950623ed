import { forbidden, required } from './field-errors';
import type { JsonObject } from './json';
import { isJsonObject, isUnset, OBJECT, read, readField, STRING } from './json';
import { visitContainers } from './pod-containers-visit';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/** `spec.os.name` values the API server accepts, sorted as upstream lists them. */
export const POD_OS_NAMES: readonly string[] = ['linux', 'windows'];

const LINUX_ONLY = 'cannot be set for a windows pod';
const WINDOWS_ONLY = 'windows options cannot be set for a linux pod';

// Pod security context fields a Windows Pod may not set, with the spec field v1 keeps some of them in.
const POD_LINUX_FIELDS = ['seLinuxOptions', 'seccompProfile', 'fsGroup', 'fsGroupChangePolicy'];
const POD_ID_FIELDS = ['runAsUser', 'runAsGroup', 'supplementalGroups'];
const CONTAINER_LINUX_FIELDS = [
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
];

function osForbidden(
  field: string,
  value: unknown,
  detail: string,
  os: string,
  out: ValidationError[],
): void {
  out.push(
    error(
      os === 'windows' ? 'pod-os-windows-field-forbidden' : 'pod-os-linux-field-forbidden',
      field,
      value,
      forbidden(detail),
      `Remove ${field}: spec.os.name is ${os}.`,
    ),
  );
}

function validateWindowsPod(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const scPath = `${specPath}.securityContext`;
  const sc = isJsonObject(spec.securityContext) ? spec.securityContext : {};
  const set = (obj: JsonObject, key: string): boolean => !isUnset(obj, key);
  for (const key of POD_LINUX_FIELDS) {
    if (set(sc, key)) osForbidden(`${scPath}.${key}`, sc[key], LINUX_ONLY, 'windows', out);
  }
  // hostUsers is dropped while UserNamespacesSupport is off, as it is by default in 1.28.
  if (spec.hostPID === true) osForbidden(`${specPath}.hostPID`, true, LINUX_ONLY, 'windows', out);
  if (spec.hostIPC === true) osForbidden(`${specPath}.hostIPC`, true, LINUX_ONLY, 'windows', out);
  if (Array.isArray(sc.sysctls) && sc.sysctls.length > 0) {
    osForbidden(`${scPath}.sysctls`, sc.sysctls, LINUX_ONLY, 'windows', out);
  }
  if (set(spec, 'shareProcessNamespace')) {
    osForbidden(`${specPath}.shareProcessNamespace`, spec.shareProcessNamespace, LINUX_ONLY, 'windows', out);
  }
  for (const key of POD_ID_FIELDS) {
    if (set(sc, key)) osForbidden(`${scPath}.${key}`, sc[key], LINUX_ONLY, 'windows', out);
  }
  visitContainers(spec, specPath, (container, path) => {
    const csc = container.securityContext;
    if (!isJsonObject(csc)) return;
    for (const key of CONTAINER_LINUX_FIELDS) {
      if (set(csc, key)) osForbidden(`${path}.securityContext.${key}`, csc[key], LINUX_ONLY, 'windows', out);
    }
  });
}

function validateLinuxPod(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const sc = spec.securityContext;
  if (isJsonObject(sc) && !isUnset(sc, 'windowsOptions')) {
    osForbidden(`${specPath}.securityContext.windowsOptions`, sc.windowsOptions, WINDOWS_ONLY, 'linux', out);
  }
  visitContainers(spec, specPath, (container, path) => {
    const csc = container.securityContext;
    if (isJsonObject(csc) && !isUnset(csc, 'windowsOptions')) {
      osForbidden(`${path}.securityContext.windowsOptions`, csc.windowsOptions, WINDOWS_ONLY, 'linux', out);
    }
  });
}

/**
 * Upstream `validateOS`, `validateLinux` and `validateWindows` (pkg/apis/core/validation) for
 * `<spec>.os`: a known OS name, then no Windows options on a Linux Pod and none of the Linux-only
 * security settings on a Windows Pod (pod and every container).
 */
export function validatePodOS(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const path = `${specPath}.os`;
  const os = read(spec, 'os', path, OBJECT, out);
  if (os === undefined) return;
  const name = readField(os, 'name', path, STRING, out) ?? '';
  if (name === '') {
    out.push(
      error(
        'pod-os-name-required',
        `${path}.name`,
        os.name,
        required('cannot be empty'),
        `Set ${path}.name to linux or windows, or remove ${path}.`,
      ),
    );
  } else if (!POD_OS_NAMES.includes(name)) {
    out.push(
      error(
        'pod-os-name-unsupported',
        path,
        name,
        unsupported(POD_OS_NAMES),
        `Set ${path}.name to linux or windows.`,
      ),
    );
  } else if (name === 'windows') {
    validateWindowsPod(spec, specPath, out);
  } else {
    validateLinuxPod(spec, specPath, out);
  }
}
