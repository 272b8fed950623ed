import type { PodSecurityCheck } from './check';
import { flagContainers } from './check';
import type { JsonObject, PodView } from './manifest';
import { arrayAt, isSet, objectAt, stringAt, text, valueAt } from './manifest';
import { containerList, joinQuote, pluralize, setterList, sortedUnique } from './wording';

/*
 * Baseline checks of upstream k8s.io/pod-security-admission/policy at policy version v1.28.
 * Each mirrors one check_*.go file; reasons and details are copied from there, so a message read
 * here is the message `kubectl apply` prints when the namespace enforces the level.
 */

/** Capabilities the container runtime grants by default; baseline lets pods add only these back. */
export const BASELINE_ALLOWED_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Namespaced sysctls baseline allows at v1.28 (`net.ipv4.ip_local_reserved_ports` joined in v1.27). */
export const BASELINE_ALLOWED_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
]);

/** SELinux types baseline allows (`container_engine_t` only joined in v1.31, so it is not here). */
export const BASELINE_ALLOWED_SELINUX_TYPES: ReadonlySet<string> = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
]);

/** Annotation prefix of the (pre-1.30) per-container AppArmor profile. */
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** Seccomp profile types that keep a syscall filter in place. */
const VALID_SECCOMP_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** The host namespaces, in the order the pod spec declares them (used for the first offending field). */
const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** `spec.securityContext` of the pod. */
function podSecurityContext(pod: PodView): JsonObject | undefined {
  return objectAt(pod.spec, 'securityContext');
}

/** Upstream allows these AppArmor values: empty, `runtime/default`, or any `localhost/` profile. */
function allowedAppArmorProfile(profile: string): boolean {
  return profile === '' || profile === 'runtime/default' || profile.startsWith('localhost/');
}

const appArmorProfile: PodSecurityCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  evaluate: ({ metadata }) => {
    const annotations = objectAt(metadata, 'annotations') ?? {};
    const forbidden = Object.keys(annotations)
      .filter(key => key.startsWith(APPARMOR_ANNOTATION_PREFIX))
      .map(key => ({ key, value: text(annotations[key]) }))
      .filter(({ value }) => !allowedAppArmorProfile(value))
      // Upstream sorts the `key="value"` strings; sorting entries by that string keeps field and detail aligned.
      .map(({ key, value }) => ({ key, shown: `${key}=${JSON.stringify(value)}` }))
      .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
    const first = forbidden[0];
    if (first === undefined) return undefined;
    return {
      reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', forbidden.length),
      detail: forbidden.map(entry => entry.shown).join(', '),
      field: `metadata.annotations[${first.key}]`,
      fix: 'Set each container.apparmor.security.beta.kubernetes.io/* annotation to "runtime/default" or "localhost/<profile>", or remove it.',
    };
  },
};

const capabilitiesBaseline: PodSecurityCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  evaluate: pod => {
    const added: string[] = [];
    const bad = flagContainers(pod, ({ container, path }) => {
      const capabilities = objectAt(objectAt(container, 'securityContext'), 'capabilities');
      let field: string | undefined;
      arrayAt(capabilities, 'add').forEach((capability, index) => {
        const name = text(capability);
        if (!BASELINE_ALLOWED_CAPABILITIES.has(name)) {
          added.push(name);
          field ??= `${path}.securityContext.capabilities.add[${index}]`;
        }
      });
      return field;
    });
    if (bad.firstField === undefined) return undefined;
    const capabilities = joinQuote(sortedUnique(added));
    return {
      reason: 'non-default capabilities',
      detail: `${containerList(bad.names)} must not include ${capabilities} in securityContext.capabilities.add`,
      field: bad.firstField,
      fix: `Remove ${capabilities} from securityContext.capabilities.add; baseline only lets containers add back the runtime's default capabilities.`,
    };
  },
};

const hostNamespaces: PodSecurityCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  evaluate: ({ spec }) => {
    const shared = HOST_NAMESPACES.filter(namespace => spec[namespace] === true);
    const first = shared[0];
    if (first === undefined) return undefined;
    return {
      reason: 'host namespaces',
      detail: sortedUnique(shared).join(', '),
      field: `spec.${first}`,
      fix: `Remove ${shared.map(namespace => `spec.${namespace}`).join(', ')} or set ${pluralize('it', 'them', shared.length)} to false so the pod keeps its own namespaces.`,
    };
  },
};

const hostPathVolumes: PodSecurityCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  evaluate: ({ spec }) => {
    const names: string[] = [];
    let field: string | undefined;
    arrayAt(spec, 'volumes').forEach((volume, index) => {
      if (isSet(valueAt(volume, 'hostPath'))) {
        names.push(stringAt(volume, 'name'));
        field ??= `spec.volumes[${index}].hostPath`;
      }
    });
    if (field === undefined) return undefined;
    return {
      reason: 'hostPath volumes',
      detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`,
      field,
      fix: `Replace hostPath ${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} with emptyDir, configMap, secret or persistentVolumeClaim volumes.`,
    };
  },
};

const hostPorts: PodSecurityCheck = {
  id: 'hostPorts',
  level: 'baseline',
  evaluate: pod => {
    const ports: string[] = [];
    const bad = flagContainers(pod, ({ container, path }) => {
      let field: string | undefined;
      arrayAt(container, 'ports').forEach((port, index) => {
        const hostPort = valueAt(port, 'hostPort');
        if (isSet(hostPort) && hostPort !== 0) {
          ports.push(text(hostPort));
          field ??= `${path}.ports[${index}].hostPort`;
        }
      });
      return field;
    });
    if (bad.firstField === undefined) return undefined;
    const unique = sortedUnique(ports);
    return {
      reason: 'hostPort',
      detail: `${containerList(bad.names)} ${pluralize('uses', 'use', bad.names.length)} ${pluralize('hostPort', 'hostPorts', unique.length)} ${unique.join(', ')}`,
      field: bad.firstField,
      fix: 'Remove hostPort from the container ports and reach the pod through a Service instead.',
    };
  },
};

const privileged: PodSecurityCheck = {
  id: 'privileged',
  level: 'baseline',
  evaluate: pod => {
    const bad = flagContainers(pod, ({ container, path }) =>
      valueAt(objectAt(container, 'securityContext'), 'privileged') === true
        ? `${path}.securityContext.privileged`
        : undefined,
    );
    if (bad.firstField === undefined) return undefined;
    return {
      reason: 'privileged',
      detail: `${containerList(bad.names)} must not set securityContext.privileged=true`,
      field: bad.firstField,
      fix: 'Remove securityContext.privileged or set it to false, and add only the specific capabilities the container needs.',
    };
  },
};

const procMount: PodSecurityCheck = {
  id: 'procMount',
  level: 'baseline',
  evaluate: pod => {
    const types: string[] = [];
    const bad = flagContainers(pod, ({ container, path }) => {
      const value = valueAt(objectAt(container, 'securityContext'), 'procMount');
      if (!isSet(value) || value === 'Default') return undefined;
      types.push(text(value));
      return `${path}.securityContext.procMount`;
    });
    if (bad.firstField === undefined) return undefined;
    return {
      reason: 'procMount',
      detail: `${containerList(bad.names)} must not set securityContext.procMount to ${joinQuote(sortedUnique(types))}`,
      field: bad.firstField,
      fix: 'Remove securityContext.procMount or set it to "Default" so the /proc masks stay in place.',
    };
  },
};

const seLinuxOptions: PodSecurityCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  evaluate: pod => {
    const badTypes: string[] = [];
    let setUser = false;
    let setRole = false;
    // Returns the first bad field of one seLinuxOptions object, recording what was wrong for the detail.
    const offendingField = (options: JsonObject | undefined, path: string): string | undefined => {
      if (options === undefined) return undefined;
      let field: string | undefined;
      const type = stringAt(options, 'type');
      if (!BASELINE_ALLOWED_SELINUX_TYPES.has(type)) {
        badTypes.push(type);
        field ??= `${path}.type`;
      }
      if (stringAt(options, 'user') !== '') {
        setUser = true;
        field ??= `${path}.user`;
      }
      if (stringAt(options, 'role') !== '') {
        setRole = true;
        field ??= `${path}.role`;
      }
      return field;
    };
    const podField = offendingField(
      objectAt(podSecurityContext(pod), 'seLinuxOptions'),
      'spec.securityContext.seLinuxOptions',
    );
    const bad = flagContainers(pod, ({ container, path }) =>
      offendingField(
        objectAt(objectAt(container, 'securityContext'), 'seLinuxOptions'),
        `${path}.securityContext.seLinuxOptions`,
      ),
    );
    const field = podField ?? bad.firstField;
    if (field === undefined) return undefined;
    const problems: string[] = [];
    const types = sortedUnique(badTypes);
    if (types.length > 0) problems.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
    if (setUser) problems.push('user may not be set');
    if (setRole) problems.push('role may not be set');
    return {
      reason: 'seLinuxOptions',
      detail: `${setterList(podField !== undefined, bad.names)} set forbidden securityContext.seLinuxOptions: ${problems.join('; ')}`,
      field,
      fix: 'Remove seLinuxOptions.user and seLinuxOptions.role, and leave seLinuxOptions.type empty or set it to container_t, container_init_t or container_kvm_t.',
    };
  },
};

const seccompProfileBaseline: PodSecurityCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  evaluate: pod => {
    const badValues: string[] = [];
    // Baseline only objects to profiles that are set to something other than RuntimeDefault or Localhost.
    const offendingField = (securityContext: JsonObject | undefined, path: string): string | undefined => {
      const profile = objectAt(securityContext, 'seccompProfile');
      if (profile === undefined) return undefined;
      const type = stringAt(profile, 'type');
      if (VALID_SECCOMP_TYPES.has(type)) return undefined;
      badValues.push(type);
      return `${path}.seccompProfile.type`;
    };
    const podField = offendingField(podSecurityContext(pod), 'spec.securityContext');
    const bad = flagContainers(pod, ({ container, path }) =>
      offendingField(objectAt(container, 'securityContext'), `${path}.securityContext`),
    );
    const field = podField ?? bad.firstField;
    if (field === undefined) return undefined;
    return {
      reason: 'seccompProfile',
      detail: `${setterList(podField !== undefined, bad.names)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`,
      field,
      fix: 'Set securityContext.seccompProfile.type to "RuntimeDefault" (or "Localhost" with a localhostProfile) instead of disabling the syscall filter.',
    };
  },
};

const sysctls: PodSecurityCheck = {
  id: 'sysctls',
  level: 'baseline',
  evaluate: pod => {
    const forbidden: string[] = [];
    let field: string | undefined;
    arrayAt(podSecurityContext(pod), 'sysctls').forEach((sysctl, index) => {
      const name = stringAt(sysctl, 'name');
      if (!BASELINE_ALLOWED_SYSCTLS.has(name)) {
        forbidden.push(name);
        field ??= `spec.securityContext.sysctls[${index}].name`;
      }
    });
    if (field === undefined) return undefined;
    return {
      reason: 'forbidden sysctls',
      // Upstream keeps declaration order here, duplicates included, rather than sorting.
      detail: forbidden.join(', '),
      field,
      fix: `Remove ${forbidden.join(', ')} from spec.securityContext.sysctls; only ${[...BASELINE_ALLOWED_SYSCTLS].join(', ')} are allowed.`,
    };
  },
};

const windowsHostProcess: PodSecurityCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  evaluate: pod => {
    const hostProcess = (securityContext: JsonObject | undefined): boolean =>
      valueAt(objectAt(securityContext, 'windowsOptions'), 'hostProcess') === true;
    const podIsBad = hostProcess(podSecurityContext(pod));
    const bad = flagContainers(pod, ({ container, path }) =>
      hostProcess(objectAt(container, 'securityContext'))
        ? `${path}.securityContext.windowsOptions.hostProcess`
        : undefined,
    );
    const field = podIsBad ? 'spec.securityContext.windowsOptions.hostProcess' : bad.firstField;
    if (field === undefined) return undefined;
    return {
      reason: 'hostProcess',
      detail: `${setterList(podIsBad, bad.names)} must not set securityContext.windowsOptions.hostProcess=true`,
      field,
      fix: 'Remove securityContext.windowsOptions.hostProcess or set it to false.',
    };
  },
};

/**
 * Baseline checks in upstream registration order (Go runs `init()` in file-name order), which is
 * the order the admission plugin lists violations in.
 */
export const BASELINE_CHECKS: readonly PodSecurityCheck[] = [
  appArmorProfile,
  capabilitiesBaseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  privileged,
  procMount,
  seLinuxOptions,
  seccompProfileBaseline,
  sysctls,
  windowsHostProcess,
];

/** Shared by the restricted seccomp check, which reads the same field more strictly. */
export function isValidSeccompType(type: string): boolean {
  return VALID_SECCOMP_TYPES.has(type);
}
