import type { JsonObject } from '../rules/json';
import { isJsonObject } from '../rules/json';
import { podTemplateOf } from '../rules/pod-template';
import type { PlacedPod, Placement } from './placement';

interface ContainerBox {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  /** `port:<protocol>/<number>` and `name:<protocol>/<name>` of its ports. */
  readonly exposes: ReadonlySet<string>;
  readonly ports: readonly string[];
}

interface PodBox {
  readonly id: string;
  readonly placed: PlacedPod;
  readonly labels: ReadonlyMap<string, string>;
  readonly nodeSelector: readonly string[];
  readonly containers: readonly ContainerBox[];
}

interface ServiceBox {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly selector: readonly [string, string][];
  readonly ports: readonly { label: string; target: string; nodePort?: number }[];
}

const objectAt = (obj: JsonObject, key: string): JsonObject =>
  Object.hasOwn(obj, key) && isJsonObject(obj[key]) ? (obj[key] as JsonObject) : {};
const listAt = (obj: JsonObject, key: string): JsonObject[] =>
  Object.hasOwn(obj, key) && Array.isArray(obj[key]) ? (obj[key] as unknown[]).filter(isJsonObject) : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Mermaid label text: quoted (with `"` as `#quot;`) when it holds a character the bare form cannot. */
function label(raw: string): string {
  return /^[\w .:=/·→<>@+,-]*$/.test(raw) && !/^[ <]/.test(raw) ? raw : `"${raw.replaceAll('"', '#quot;')}"`;
}

/** `mysql` for `docker.io/library/mysql:8.4.3`: the image's last path segment without tag or digest. */
const shortImage = (image: string): string => image.split('@')[0].split('/').pop()?.split(':')[0] ?? image;

function podBox(manifests: readonly unknown[], placed: PlacedPod, id: string): PodBox {
  const ref = podTemplateOf(manifests[placed.index]);
  const spec = ref?.spec ?? {};
  const labels = new Map<string, string>();
  for (const [key, value] of Object.entries(objectAt(ref?.metadata ?? {}, 'labels'))) {
    if (typeof value === 'string') labels.set(key, value);
  }
  const containers = listAt(spec, 'containers').map((container, c): ContainerBox => {
    const exposes = new Set<string>();
    const ports = listAt(container, 'ports').flatMap(port => {
      const protocol = text(port.protocol) || 'TCP';
      if (typeof port.name === 'string') exposes.add(`name:${protocol}/${port.name}`);
      if (!Number.isInteger(port.containerPort)) return [];
      exposes.add(`port:${protocol}/${port.containerPort}`);
      const suffix = protocol === 'TCP' ? '' : `/${protocol}`;
      const host =
        Number.isInteger(port.hostPort) && (port.hostPort as number) > 0 ? ` host :${port.hostPort}` : '';
      return [`:${port.containerPort}${suffix}${host}`];
    });
    return {
      id: `${id}c${c}`,
      name: text(container.name),
      image: shortImage(text(container.image)),
      exposes,
      ports,
    };
  });
  const nodeSelector = Object.entries(objectAt(spec, 'nodeSelector')).map(([k, v]) => `${k}=${text(v)}`);
  return { id, placed, labels, nodeSelector, containers };
}

function serviceBox(service: JsonObject, id: string): ServiceBox {
  const meta = objectAt(service, 'metadata');
  const spec = objectAt(service, 'spec');
  const selector = Object.entries(objectAt(spec, 'selector')).map(([k, v]): [string, string] => [k, text(v)]);
  const ports = listAt(spec, 'ports').map(port => {
    const protocol = text(port.protocol) || 'TCP';
    const target = port.targetPort ?? port.port;
    const name = text(port.name);
    const arrow = target === port.port ? `${port.port}` : `${port.port}→${target}`;
    return {
      label: name === '' ? arrow : `${name} ${arrow}`,
      target: typeof target === 'string' ? `name:${protocol}/${target}` : `port:${protocol}/${target}`,
      nodePort: Number.isInteger(port.nodePort) ? (port.nodePort as number) : undefined,
    };
  });
  return {
    id,
    name: text(meta.name) || '(unnamed)',
    namespace: text(meta.namespace) || 'default',
    type: text(spec.type) || 'ClusterIP',
    selector,
    ports,
  };
}

const exposesNodePorts = (service: ServiceBox): boolean =>
  service.type === 'NodePort' || service.type === 'LoadBalancer';

function podLines(pod: PodBox, indent: string): string[] {
  const several = pod.containers.length > 1 ? ' · one IP, one localhost' : '';
  const lines = [`${indent}subgraph ${pod.id}[${label(`Pod ${pod.placed.pod}${several}`)}]`];
  for (const c of pod.containers) {
    lines.push(`${indent}  ${c.id}[${label([c.name, [c.image, ...c.ports].join(' ')].join('<br/>'))}]`);
  }
  for (let c = 1; c < pod.containers.length; c++) {
    lines.push(`${indent}  ${pod.containers[c - 1].id} <-. localhost .-> ${pod.containers[c].id}`);
  }
  lines.push(`${indent}end`);
  return lines;
}

/**
 * Draws the placement as a Mermaid flowchart: each node with the Pods placed on it (containers, their
 * image and ports), Pods left Pending apart, each Service with the containers its selector and target
 * ports reach in its namespace, and for NodePort and LoadBalancer Services the node ports every node
 * opens, reached by a client outside the cluster. The same inputs always give the same text.
 */
export function renderTopology(manifests: readonly unknown[], placement: Placement): string {
  const pods = placement.pods.map((placed, i) => podBox(manifests, placed, `p${i}`));
  const services = manifests
    .filter((m): m is JsonObject => isJsonObject(m) && m.apiVersion === 'v1' && m.kind === 'Service')
    .map((service, i) => serviceBox(service, `svc${i}`));
  const exposed = services.filter(exposesNodePorts);
  const lines = ['flowchart LR'];
  if (exposed.length > 0) lines.push('  client([client outside the cluster<br/>curl node-ip:node-port])');
  lines.push('  subgraph cluster[Kubernetes cluster]');
  if (exposed.length > 0) {
    placement.nodes.forEach((node, n) => {
      lines.push(`    np${n}[${label(`NodePort on ${node.node}`)}]`);
    });
  }
  for (const service of services) {
    const selector = service.selector.map(([k, v]) => `${k}=${v}`).join(', ');
    const parts = [
      `Service ${service.name}`,
      `type ${service.type}`,
      ...(selector === '' ? [] : [`selector ${selector}`]),
    ];
    lines.push(`    ${service.id}[${label(parts.join('<br/>'))}]`);
  }
  placement.nodes.forEach((node, n) => {
    const here = pods.filter(pod => pod.placed.node === node.node);
    if (here.length === 0) {
      lines.push(`    n${n}[${label(`${node.node}<br/>no Pods placed`)}]`);
      return;
    }
    const selected = [...new Set(here.flatMap(pod => pod.nodeSelector))].sort();
    const title = selected.length === 0 ? node.node : `${node.node} · label ${selected.join(', ')}`;
    lines.push(`    subgraph n${n}[${label(title)}]`);
    for (const pod of here) lines.push(...podLines(pod, '      '));
    lines.push('    end');
  });
  const pending = pods.filter(pod => pod.placed.node === null);
  if (pending.length > 0) {
    lines.push('    subgraph pending[Pending · no node takes them]');
    for (const pod of pending) lines.push(...podLines(pod, '      '));
    lines.push('    end');
  }
  lines.push('  end');
  if (exposed.length > 0 && placement.nodes.length > 0) {
    lines.push(`  client --> ${placement.nodes.map((_, n) => `np${n}`).join(' & ')}`);
    for (const service of exposed) {
      const pinned = service.ports.flatMap(p => (p.nodePort === undefined ? [] : [String(p.nodePort)]));
      const edge = pinned.length === 0 ? '-->' : `-->|${pinned.join(', ')}|`;
      placement.nodes.forEach((_, n) => {
        lines.push(`  np${n} ${edge} ${service.id}`);
      });
    }
  }
  for (const service of services) {
    if (service.type === 'ExternalName' || service.selector.length === 0) continue;
    const selected = pods.filter(
      pod =>
        pod.placed.namespace === service.namespace &&
        service.selector.every(([k, v]) => pod.labels.get(k) === v),
    );
    for (const port of service.ports) {
      for (const pod of selected) {
        for (const container of pod.containers) {
          if (container.exposes.has(port.target))
            lines.push(`  ${service.id} -->|${label(port.label)}| ${container.id}`);
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
