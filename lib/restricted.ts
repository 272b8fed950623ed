import * as kplus from 'cdk8s-plus-28';

/**
 * A container security context that Pod Security `restricted` accepts and that gives the process
 * nothing to escalate to: the image's own non-root user, no capabilities, no privilege
 * escalation, the runtime's default seccomp profile and a read-only root filesystem (mount an
 * emptyDir where the image writes).
 */
export function restrictedUser(uid: number): kplus.ContainerSecurityContextProps {
  return {
    user: uid,
    group: uid,
    ensureNonRoot: true,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    privileged: false,
    capabilities: { drop: [kplus.Capability.ALL] },
    seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
  };
}
