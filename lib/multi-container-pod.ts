import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { exposePodViaNodePort, type NodePortServiceOptions } from './node-port';

/**
 * Properties for `MultiContainerPod`.
 */
export interface MultiContainerPodProps extends kplus.PodProps {
  /**
   * The containers of the Pod. They share one network namespace (one IP, one port space),
   * so no two of them may listen on the same port and protocol.
   */
  readonly containers: kplus.ContainerProps[];
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
   * The volume to share.
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
 */
export class MultiContainerPod extends kplus.Pod {
  constructor(scope: Construct, id: string, props: MultiContainerPodProps) {
    super(scope, id, props);
    this.node.addValidation({
      validate: () =>
        this.containers.length > 0
          ? []
          : [
              `${this.node.path}: containers must hold at least one container (got 0). Pass one in props.containers or call addContainer().`,
            ],
    });
  }

  /**
   * Mounts one volume into several containers of this Pod.
   *
   * @returns the mounted volume
   */
  public addSharedVolume(options: SharedVolumeOptions): kplus.Volume {
    const names = options.containers ?? this.containers.map(c => c.name);
    const volume =
      options.volume ?? kplus.Volume.fromEmptyDir(this, `SharedVolume-${options.name}`, options.name);
    for (const name of names) {
      this.findContainer(name, 'containers').mount(options.path, volume, { readOnly: options.readOnly });
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

  private findContainer(name: string, field: string): kplus.Container {
    const found = this.containers.find(c => c.name === name);
    if (!found) {
      const known = this.containers.map(c => `"${c.name}"`).join(', ');
      throw new Error(
        `${this.node.path}: ${field} names container "${name}", which this Pod does not have. Use one of: ${known}.`,
      );
    }
    return found;
  }
}
