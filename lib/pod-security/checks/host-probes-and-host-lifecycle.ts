import type { CheckFinding, PodSecurityCheck } from '../check';
import type { PodView } from '../manifest';
import { objectAt, stringAt } from '../manifest';
import { containerList, joinQuote, pluralize, sortedUnique } from '../wording';

/** Where a container may name a host, in the order upstream visits them. */
const HOST_FIELDS: readonly (readonly [string, string | undefined, string])[] = [
  ['livenessProbe', undefined, 'httpGet'],
  ['livenessProbe', undefined, 'tcpSocket'],
  ['readinessProbe', undefined, 'httpGet'],
  ['readinessProbe', undefined, 'tcpSocket'],
  ['startupProbe', undefined, 'httpGet'],
  ['startupProbe', undefined, 'tcpSocket'],
  ['lifecycle', 'postStart', 'httpGet'],
  ['lifecycle', 'postStart', 'tcpSocket'],
  ['lifecycle', 'preStop', 'httpGet'],
  ['lifecycle', 'preStop', 'tcpSocket'],
];

// Upstream policy/check_hostProbesAndhostLifecycle.go, hostProbesAndHostLifecycleV1Dot34.
function hostProbesAndHostLifecycleV1Dot34(pod: PodView): CheckFinding | undefined {
  const names: string[] = [];
  const hosts: string[] = [];
  let field: string | undefined;
  for (const { container, name, path } of pod.containers) {
    // Most containers have no probe or hook at all: nothing to look through.
    if (
      container.livenessProbe == null &&
      container.readinessProbe == null &&
      container.startupProbe == null &&
      container.lifecycle == null
    )
      continue;
    let bad = false;
    for (const [probeOrLifecycle, handler, action] of HOST_FIELDS) {
      const outer = objectAt(container, probeOrLifecycle);
      if (outer === undefined) continue;
      const owner = handler === undefined ? outer : objectAt(outer, handler);
      const host = stringAt(objectAt(owner, action), 'host');
      if (host === '') continue;
      bad = true;
      hosts.push(host);
      field ??= `${path}.${probeOrLifecycle}${handler === undefined ? '' : `.${handler}`}.${action}.host`;
    }
    if (bad) names.push(name);
  }
  if (field === undefined) return undefined;
  // Upstream collects both lists in sets, so containers are sorted and deduplicated here too.
  const containers = sortedUnique(names);
  const unique = sortedUnique(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: `${containerList(containers)} ${pluralize('uses', 'use', containers.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', unique.length)} ${joinQuote(unique)}`,
    field,
    fix: 'Remove host from the httpGet and tcpSocket probes and lifecycle handlers, so they reach the pod itself.',
  };
}

/** Baseline: probes and lifecycle handlers do not set `host` (from v1.34). */
export const hostProbesAndHostLifecycle: PodSecurityCheck = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  revisions: [{ since: 'v1.34', evaluate: hostProbesAndHostLifecycleV1Dot34 }],
};
