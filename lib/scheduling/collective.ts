import type { NodeState } from './node-state';
import type { GroupAnalysis } from './plan';
import { PODS } from './resources';
import type { PodGroup } from './workloads';

/**
 * Proof that some Pods cannot all run at once, whatever the order: the Pods that can only run on a set
 * of nodes need more of a resource than those nodes have together, or more Pods bind one host port
 * than there are nodes to bind it on.
 */
export interface Shortage {
  /** The resource (`cpu`, `memory`, `pods`, ...) or the host port (`TCP/80`, `10.0.0.1 TCP/80`). */
  readonly what: string;
  /** Whether `what` is a host port. */
  readonly port: boolean;
  /** How many Pods compete. */
  readonly pods: number;
  /** The nodes they can run on, by name. */
  readonly nodes: readonly string[];
  /** What the Pods need together (for a port: one node each, so the Pod count). */
  readonly demand: bigint;
  /** What the nodes offer together (for a port: the node count). */
  readonly capacity: bigint;
}

/** A set of nodes as a bitset over inventory indexes, so a subset test costs nodes/32 word operations. */
function bitsOf(indexes: readonly number[], words: number): Uint32Array {
  const bits = new Uint32Array(words);
  for (const i of indexes) bits[i >>> 5] |= 1 << (i & 31);
  return bits;
}

function isSubset(a: Uint32Array, b: Uint32Array): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w] & ~b[w]) !== 0) return false;
  return true;
}

function indexesOf(bits: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    for (let b = 0; b < 32; b++) if ((bits[w] >>> b) & 1) out.push(w * 32 + b);
  }
  return out;
}

interface Entry {
  readonly analysis: GroupAnalysis;
  readonly bits: Uint32Array;
}

/**
 * Hall's condition per resource: for each distinct set F of nodes some Pods fit on, the Pods that fit
 * only within F must not need more than F's nodes have in total. A violation is certain: no placement
 * order runs them all.
 */
function resourceShortages(
  entries: readonly Entry[],
  nodes: readonly NodeState[],
  found: Map<PodGroup, Shortage>,
): void {
  const sets = new Map<string, Entry>();
  // Keyed by the bitset's words: the same set of nodes, in a few words rather than one number per node.
  for (const entry of entries) sets.set(entry.bits.join(','), entry);
  // Smallest sets first: the tightest explanation wins when a group is in several.
  const ordered = [...sets.values()].sort(
    (a, b) =>
      a.analysis.aloneFits.length - b.analysis.aloneFits.length ||
      a.analysis.group.index - b.analysis.group.index,
  );
  for (const { analysis: set, bits } of ordered) {
    const members = entries.filter(entry => isSubset(entry.bits, bits));
    const demand = new Map<string, bigint>([[PODS, 0n]]);
    let pods = 0;
    for (const { analysis } of members) {
      const n = BigInt(analysis.group.replicas);
      pods += analysis.group.replicas;
      demand.set(PODS, (demand.get(PODS) ?? 0n) + n);
      for (const [name, amount] of analysis.group.pod.requests)
        demand.set(name, (demand.get(name) ?? 0n) + amount * n);
    }
    for (const [name, need] of [...demand].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      let capacity = 0n;
      for (const i of set.aloneFits) capacity += nodes[i].node.allocatable.get(name) ?? 0n;
      if (need <= capacity) continue;
      const shortage: Shortage = {
        what: name,
        port: false,
        pods,
        nodes: set.aloneFits.map(i => nodes[i].node.name),
        demand: need,
        capacity,
      };
      for (const { analysis } of members) if (!found.has(analysis.group)) found.set(analysis.group, shortage);
      break;
    }
  }
}

/** Pods that bind one host port conflict pairwise (same IP, or either the wildcard): one per node. */
function portShortages(
  entries: readonly Entry[],
  nodes: readonly NodeState[],
  found: Map<PodGroup, Shortage>,
): void {
  const byPort = new Map<string, Map<string, Entry[]>>();
  for (const entry of entries) {
    for (const port of entry.analysis.group.pod.hostPorts) {
      const key = `${port.protocol}/${port.port}`;
      const byIp = byPort.get(key) ?? new Map<string, Entry[]>();
      byPort.set(key, byIp);
      const list = byIp.get(port.ip) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byIp.set(port.ip, list);
    }
  }
  const words = Math.ceil(nodes.length / 32);
  for (const [key, byIp] of [...byPort].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const wildcard = byIp.get('0.0.0.0') ?? [];
    const ips = [...byIp.keys()].filter(ip => ip !== '0.0.0.0').sort();
    const competitions: [string, readonly Entry[]][] = ips.map(ip => [
      ip,
      [...(byIp.get(ip) ?? []), ...wildcard],
    ]);
    if (wildcard.length > 0) competitions.unshift(['0.0.0.0', wildcard]);
    for (const [ip, members] of competitions) {
      const union = new Uint32Array(words);
      let pods = 0;
      for (const { bits, analysis } of members) {
        for (let w = 0; w < words; w++) union[w] |= bits[w];
        pods += analysis.group.replicas;
      }
      const reachable = indexesOf(union);
      if (pods <= reachable.length) continue;
      const shortage: Shortage = {
        what: ip === '0.0.0.0' ? key : `${ip} ${key}`,
        port: true,
        pods,
        nodes: reachable.map(i => nodes[i].node.name),
        demand: BigInt(pods),
        capacity: BigInt(reachable.length),
      };
      for (const { analysis } of members) if (!found.has(analysis.group)) found.set(analysis.group, shortage);
    }
  }
}

/**
 * Finds the groups whose Pods certainly cannot all run together: only Pods that keep running and that
 * fit some node alone are counted, so a shortage never depends on the placement order.
 */
export function collectiveShortages(
  analyses: readonly GroupAnalysis[],
  nodes: readonly NodeState[],
): Map<PodGroup, Shortage> {
  const words = Math.ceil(nodes.length / 32);
  const entries: Entry[] = analyses
    .filter(a => !a.group.transient && a.group.replicas > 0 && a.aloneFits.length > 0)
    .map(analysis => ({ analysis, bits: bitsOf(analysis.aloneFits, words) }));
  const found = new Map<PodGroup, Shortage>();
  portShortages(entries, nodes, found);
  resourceShortages(entries, nodes, found);
  return found;
}
