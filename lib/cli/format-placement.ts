import type { PlacedPod, Placement } from '../scheduling/placement';
import { plural } from './report';

/** The resources every table shows; others only when a Pod requests them. */
const MAIN_RESOURCES = ['cpu', 'memory'];

/** Rows as lines: each column as wide as its widest cell, two spaces apart, no trailing blanks. */
function table(rows: readonly (readonly string[])[], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows)
    for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i] ?? 0, row[i].length);
  return rows.map(row =>
    `${indent}${row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ')}`.trimEnd(),
  );
}

/** cpu and memory, then every other resource some Pod requests, sorted. */
function resourceColumns(pods: readonly PlacedPod[]): string[] {
  const others = new Set<string>();
  for (const pod of pods) for (const name of Object.keys(pod.requests)) others.add(name);
  for (const name of MAIN_RESOURCES) others.delete(name);
  return [...MAIN_RESOURCES, ...[...others].sort()];
}

/** Styles a line: `title` the first, `pending` the lines of a Pod left Pending. */
export type PlacementPainter = (style: 'title' | 'pending', line: string) => string;

/**
 * The placement as text for a terminal: a title, then one row per Pod (node, namespace/name, the
 * kind that makes it, its requests) grouped by node in inventory order, Pods left Pending last,
 * each followed by the scheduler's reason on a line of its own; then one row per node with what
 * the placed Pods request of what it has allocatable.
 */
export function formatPlacement(
  placement: Placement,
  paint: PlacementPainter = (_style, line) => line,
): string[] {
  const columns = resourceColumns(placement.pods);
  const placed = placement.nodes.flatMap(node => placement.pods.filter(pod => pod.node === node.node));
  const waiting = placement.pods.filter(pod => pod.node === null);
  const lines = [
    paint(
      'title',
      `Placement on ${plural(placement.nodes.length, 'node')}: ${plural(placed.length, 'Pod')} placed, ${waiting.length} Pending`,
    ),
  ];
  const ordered = [...placed, ...waiting];
  if (ordered.length > 0) {
    const header = ['NODE', 'POD', 'KIND', ...columns.map(name => name.toUpperCase())];
    const rows = ordered.map(pod => [
      pod.node ?? 'Pending',
      `${pod.namespace}/${pod.pod}`,
      pod.kind,
      ...columns.map(name => pod.requests[name] ?? '-'),
    ]);
    const [headerLine, ...podLines] = table([header, ...rows], '  ');
    // The reason starts under the POD column.
    const reasonIndent = ' '.repeat((headerLine as string).indexOf('POD'));
    lines.push(headerLine as string);
    ordered.forEach((pod, i) => {
      const line = podLines[i] as string;
      if (pod.node !== null) lines.push(line);
      else lines.push(paint('pending', line), paint('pending', `${reasonIndent}${pod.reason ?? ''}`));
    });
    lines.push('');
  }
  const nodeRows = placement.nodes.map(node => [
    node.node,
    `${node.requested.pods ?? '0'} of ${node.allocatable.pods ?? '-'}`,
    ...columns.map(name => `${node.requested[name] ?? '0'} of ${node.allocatable[name] ?? '-'}`),
  ]);
  lines.push(...table([['NODE', 'PODS', ...columns.map(name => name.toUpperCase())], ...nodeRows], '  '));
  return lines;
}
