import type { PodSecurityLevel, PodSecurityVersion, PodSecurityViolation } from '../../lib/pod-security';
import { evaluatePodSecurity } from '../../lib/pod-security';

/** A loosely typed manifest object that tests mutate freely. */
export type Json = Record<string, unknown>;

/** A container as tests build it. */
export interface ContainerFixture extends Json {
  name: string;
  image: string;
  securityContext?: Json;
  ports?: Json[];
  env?: Json[];
}

/** A pod spec as tests build it. */
export interface PodSpecFixture extends Json {
  securityContext?: Json;
  initContainers?: ContainerFixture[];
  containers: ContainerFixture[];
  ephemeralContainers?: ContainerFixture[];
  volumes?: Json[];
}

/** A Pod manifest as tests build it. */
export interface PodFixture {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: PodSpecFixture;
}

/** A container hardened the way restricted asks. */
function hardenedContainer(name: string): ContainerFixture {
  return {
    name,
    image: 'ghcr.io/example/app:1.0.0',
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  };
}

/**
 * A Pod that passes the restricted level: non-root and RuntimeDefault seccomp at pod level,
 * every container dropping ALL capabilities without privilege escalation, only an emptyDir volume.
 * `tweak` edits a fresh copy, so each test starts from a compliant pod and adds one problem.
 */
export function restrictedPod(tweak?: (pod: PodFixture) => void): PodFixture {
  const pod: PodFixture = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [hardenedContainer('init')],
      containers: [{ ...hardenedContainer('app'), ports: [{ containerPort: 8080 }] }],
      volumes: [{ name: 'cache', emptyDir: {} }],
    },
  };
  tweak?.(pod);
  return pod;
}

/** `spec.containers[0]` ("app"). */
export function app(pod: PodFixture): ContainerFixture {
  const container = pod.spec.containers[0];
  if (container === undefined) throw new Error('fixture has no containers[0]');
  return container;
}

/** `spec.initContainers[0]` ("init"). */
export function init(pod: PodFixture): ContainerFixture {
  const container = pod.spec.initContainers?.[0];
  if (container === undefined) throw new Error('fixture has no initContainers[0]');
  return container;
}

/** The pod's `spec.securityContext`, created when missing. */
export function podContext(pod: PodFixture): Json {
  pod.spec.securityContext ??= {};
  return pod.spec.securityContext;
}

/** A container's `securityContext`, created when missing. */
export function context(container: ContainerFixture): Json {
  container.securityContext ??= {};
  return container.securityContext;
}

/** Violations of one check only, so a test is not coupled to the others. */
export function violationsOf(
  pod: unknown,
  level: PodSecurityLevel,
  check: string,
  version: PodSecurityVersion = 'latest',
): PodSecurityViolation[] {
  return evaluatePodSecurity(pod, level, { version }).filter(violation => violation.check === check);
}

/** Ids of the checks a pod fails. */
export function failedChecks(
  pod: unknown,
  level: PodSecurityLevel,
  version: PodSecurityVersion = 'latest',
): string[] {
  return evaluatePodSecurity(pod, level, { version }).map(violation => violation.check);
}

/**
 * Makes the pod a Windows pod (`spec.os.name: windows`) and removes what the API rejects on one:
 * allowPrivilegeEscalation, capabilities and seccomp.
 */
export function windowsPod(pod: PodFixture): void {
  pod.spec.os = { name: 'windows' };
  delete podContext(pod).seccompProfile;
  for (const container of [init(pod), app(pod)]) delete container.securityContext;
}

/** Runs the pod in its own user namespace (`spec.hostUsers: false`). */
export function inUserNamespace(pod: PodFixture): void {
  pod.spec.hostUsers = false;
}
