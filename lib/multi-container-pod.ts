import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { configureChecks, trackForChecks } from './checks';
import { exposePodViaNodePort, type NodePortServiceOptions } from './node-port';
import type { PodSecurityLevel, PodSecurityVersion } from './pod-security';

/**
 * Properties for `MultiContainerPod`.
 */
export interface MultiContainerPodProps extends kplus.PodProps {
  /**
   * The containers of the Pod. They share one network namespace (one IP, one port space),
   * so no two of them may listen on the same port and protocol.
   */
  readonly containers: kplus.ContainerProps[];

  /**
   * The Pod Security Standard the Pod must meet; synth fails on any violation.
   * @default - the level set with `configureChecks()` on an enclosing chart or app, else 'restricted'
   */
  readonly podSecurity?: PodSecurityLevel;

  /**
   * The Pod Security policy version to judge the Pod by: `'latest'` or `'v1.N'`, as the
   * namespace's `pod-security.kubernetes.io/enforce-version` label gives it.
   * @default - the version set with `configureChecks()` on an enclosing chart or app, else both
   *   v1.28 and 'latest' (every version a 1.28 or later cluster may enforce)
   */
  readonly podSecurityVersion?: PodSecurityVersion;

  /**
   * Env var names that look like credentials (e.g. `TOKEN_LIMIT`) but may hold a literal value.
   * @default - none: a credential-like env var with a literal value fails synth
   */
  readonly allowLiteralEnv?: string[];
}

/**
 * Options for `MultiContainerPod.addSharedVolume()`.
 */
export interface SharedVolumeOptions {
  /**
   * Name of the volume in the Pod: a DNS-1123 label, unique in the Pod.
   */
  readonly name: string;

  /**
   * Where the volume is mounted in each chosen container.
   */
  readonly path: string;

  /**
   * Names of the containers that mount the volume.
   * @default - every container of the Pod at the time of the call
   */
  readonly containers?: string[];

  /**
   * The volume to share; its name must be `name`.
   * @default - a new emptyDir volume named `name`
   */
  readonly volume?: kplus.Volume;

  /**
   * Whether the containers mount the volume read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/**
 * A Pod of one or more containers that share one network namespace and can share volumes.
 *
 * Containers in a Pod reach each other on `localhost` and report the same Pod IP; they can
 * also mount the same volume, which `addSharedVolume()` does in one call.
 *
 * At synth its manifest is checked against the API server's rules, the Pod Security Standard
 * (`restricted` by default) and literal credentials in env vars; every problem is reported.
 */
export class MultiContainerPod extends kplus.Pod {
  constructor(scope: Construct, id: string, props: MultiContainerPodProps) {
    super(scope, id, props);
    const { podSecurity, podSecurityVersion, allowLiteralEnv } = props;
    if (podSecurity !== undefined || podSecurityVersion !== undefined || allowLiteralEnv !== undefined) {
      configureChecks(this, { podSecurity, podSecurityVersion, allowLiteralEnv });
    }
    trackForChecks(this, this.apiObject);
    this.node.addValidation({
      validate: () =>
        this.containers.length > 0
          ? []
          : [
              'spec.containers: a Pod needs at least one container (got 0). Pass one in props.containers or call addContainer().',
            ],
    });
  }

  /**
   * Adds a container. Unless its props say otherwise, it drops every capability and uses the
   * runtime's default seccomp profile: cdk8s-plus leaves both unset, which Pod Security
   * `restricted` refuses.
   */
  public override addContainer(cont: kplus.ContainerProps): kplus.Container {
    return super.addContainer(withRestrictedDefaults(cont));
  }

  /** Adds an init container, with the same defaults as `addContainer()`. */
  public override addInitContainer(cont: kplus.ContainerProps): kplus.Container {
    return super.addInitContainer(withRestrictedDefaults(cont));
  }

  /**
   * Mounts one volume into several containers of this Pod.
   *
   * @returns the mounted volume
   */
  public addSharedVolume(options: SharedVolumeOptions): kplus.Volume {
    if (options.volume !== undefined && options.volume.name !== options.name) {
      throw new Error(
        `${this.node.path}: addSharedVolume() got name "${options.name}" and a volume named "${options.volume.name}". ` +
          'A volume keeps the name it was made with: pass the same name, or omit `volume` for a new emptyDir.',
      );
    }
    const names = options.containers ?? this.containers.map(c => c.name);
    const volume =
      options.volume ?? kplus.Volume.fromEmptyDir(this, `SharedVolume-${options.name}`, options.name);
    for (const name of names) {
      this.findContainer(name).mount(options.path, volume, { readOnly: options.readOnly });
    }
    return volume;
  }

  /**
   * Exposes this Pod outside the cluster through a Service of type NodePort, as
   * `kubectl expose pod <name> --type=NodePort` does.
   *
   * @returns the Service, created in this Pod's scope
   */
  public exposeViaNodePort(options: NodePortServiceOptions = {}): kplus.Service {
    return exposePodViaNodePort(this, options);
  }

  private findContainer(name: string): kplus.Container {
    const found = this.containers.find(c => c.name === name);
    if (!found) {
      const known = this.containers.map(c => `"${c.name}"`).join(', ');
      throw new Error(
        `${this.node.path}: containers names container "${name}", which this Pod does not have. Use one of: ${known}.`,
      );
    }
    return found;
  }
}

function withRestrictedDefaults(cont: kplus.ContainerProps): kplus.ContainerProps {
  const securityContext: kplus.ContainerSecurityContextProps = {
    capabilities: { drop: [kplus.Capability.ALL] },
    seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
    ...cont.securityContext,
  };
  // Not `{ ...cont, securityContext }`: V8 (Node 20) gives each object spread that then gets a key
  // its source lacks a hidden class of its own, at several µs per object.
  return Object.assign({}, cont, { securityContext });
}
