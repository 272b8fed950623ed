import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { trackForChecks } from './checks';

/**
 * Options for `exposeViaNodePort()`.
 */
export interface NodePortServiceOptions {
  /**
   * Name of the Service.
   * @default - the Pod's name, as `kubectl expose` does
   */
  readonly name?: string;

  /**
   * The ports to expose. Each `targetPort` (default: `port`) must be a port some container of
   * the Pod exposes with the same protocol. Set `nodePort` to pin the port on every node.
   * @default - every container port, with `port` = `targetPort` = the container port
   */
  readonly ports?: kplus.ServicePort[];
}

/**
 * Exposes a Pod through a Service of type NodePort, the way
 * `kubectl expose pod <name> --type=NodePort` does: same name, the Pod's own labels as
 * labels and selector, one port per container port. Unlike a plain kplus Service, every port
 * is named when there is more than one, since the API server rejects a multi-port Service
 * with an unnamed port: the container port's name where it has one (kubectl ignores those),
 * else kubectl's `port-N` (`port-N-<protocol>` when one number has several protocols).
 *
 * Container ports and labels are read when this is called.
 *
 * @returns the Service, created in the Pod's scope
 */
export function exposePodViaNodePort(pod: kplus.Pod, options: NodePortServiceOptions = {}): kplus.Service {
  const containerPorts = pod.containers.flatMap(c => c.ports);
  const ports: kplus.ServicePort[] =
    options.ports ?? containerPorts.map(p => ({ port: p.number, protocol: p.protocol }));
  if (ports.length === 0) {
    throw new Error(
      `${pod.node.path}: cannot expose a Pod whose containers expose no port. ` +
        'Give a container `portNumber` or `ports`, or pass `ports` to exposeViaNodePort().',
    );
  }
  const labels = ownLabels(pod);
  const service = new kplus.Service(pod, `${options.name ?? ''}NodePortService`, {
    metadata: { name: options.name ?? pod.name, namespace: pod.metadata.namespace, labels },
    type: kplus.ServiceType.NODE_PORT,
    ports: ports.map((p, i) => {
      const targetPort = p.targetPort ?? p.port;
      const protocol = p.protocol ?? kplus.Protocol.TCP;
      const target = containerPorts.find(
        c => c.number === targetPort && (c.protocol ?? kplus.Protocol.TCP) === protocol,
      );
      const name = p.name ?? target?.name ?? (ports.length > 1 ? kubectlPortName(ports, i) : undefined);
      return { ...p, name, protocol, targetPort };
    }),
  });
  const selector = Object.keys(labels).length > 0 ? labels : addressLabel(pod);
  for (const [key, value] of Object.entries(selector)) {
    service.selectLabel(key, value);
  }
  trackForChecks(service, ApiObject.of(service));
  return service;
}

/**
 * The name kubectl gives the i-th port: `port-N`, N counting distinct port numbers in order,
 * with a `-<protocol>` suffix when that number is exposed on several protocols.
 */
function kubectlPortName(ports: kplus.ServicePort[], i: number): string {
  const numbers = [...new Set(ports.map(p => p.port))];
  const { port, protocol = kplus.Protocol.TCP } = ports[i];
  const protocols = new Set(ports.filter(p => p.port === port).map(p => p.protocol ?? kplus.Protocol.TCP));
  const suffix = protocols.size > 1 ? `-${protocol.toLowerCase()}` : '';
  return `port-${numbers.indexOf(port) + 1}${suffix}`;
}

/**
 * The labels given to the Pod itself: not cdk8s's address label, not the chart's labels
 * (every object of the chart carries those, so they would select its other Pods too).
 */
function ownLabels(pod: kplus.Pod): Record<string, string> {
  const chartLabels = Chart.of(pod).labels;
  const labels: Record<string, string> = pod.metadata.toJson().labels ?? {};
  return Object.fromEntries(
    Object.entries(labels).filter(
      ([key, value]) => key !== kplus.Pod.ADDRESS_LABEL && chartLabels[key] !== value,
    ),
  );
}

function addressLabel(pod: kplus.Pod): Record<string, string> {
  const value = pod.metadata.getLabel(kplus.Pod.ADDRESS_LABEL);
  return value === undefined ? {} : { [kplus.Pod.ADDRESS_LABEL]: value };
}
