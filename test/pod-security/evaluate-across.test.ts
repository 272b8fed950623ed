import { evaluatePodSecurityAcross, type VersionedViolation } from '../../lib/pod-security';

/** A restricted-clean container, so only the fields each case adds are violations. */
const container = {
  name: 'web',
  image: 'nginx:1.27.3',
  securityContext: {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  },
};

const hostPathPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { containers: [container], volumes: [{ name: 'h', hostPath: { path: '/x' } }] },
};

const hostPath: VersionedViolation = {
  check: 'hostPathVolumes',
  level: 'baseline',
  version: 'v1.28',
  reason: 'hostPath volumes',
  detail: 'volume "h"',
  field: 'spec.volumes[0].hostPath',
  fix: 'Replace hostPath volume "h" with emptyDir, configMap, secret or persistentVolumeClaim volumes.',
};

const restrictedVolume: VersionedViolation = {
  check: 'restrictedVolumes',
  level: 'restricted',
  version: 'v1.28',
  reason: 'restricted volume types',
  detail: 'volume "h" uses restricted volume type "hostPath"',
  field: 'spec.volumes[0].hostPath',
  fix: 'Replace volume "h" with configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret volumes (a persistentVolumeClaim can front other storage).',
};

// The probe-host check starts at v1.34: of v1.28 and latest, only latest finds it.
const probeHostPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: {
    containers: [{ ...container, livenessProbe: { httpGet: { host: 'example.com', port: 80 } } }],
  },
};

const probeHost: VersionedViolation = {
  check: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  version: 'latest',
  reason: 'probe or lifecycle host',
  detail: 'container "web" uses probe or lifecycle host "example.com"',
  field: 'spec.containers[0].livenessProbe.httpGet.host',
  fix: 'Remove host from the httpGet and tcpSocket probes and lifecycle handlers, so they reach the pod itself.',
};

describe('evaluatePodSecurityAcross (plans cached per level and versions)', () => {
  test.each<
    [
      string,
      unknown,
      'baseline' | 'restricted',
      readonly ('latest' | 'v1.28' | 'v1.0')[],
      VersionedViolation[],
    ]
  >([
    [
      'fails a hostPath volume once, with the first version',
      hostPathPod,
      'restricted',
      ['v1.28', 'latest'],
      [hostPath, restrictedVolume],
    ],
    [
      'fails a hostPath volume at baseline, versions in the order given',
      hostPathPod,
      'baseline',
      ['latest', 'v1.0'],
      [{ ...hostPath, version: 'latest' }],
    ],
    [
      'fails a probe host at the first version whose policy checks it',
      probeHostPod,
      'restricted',
      ['v1.28', 'latest'],
      [probeHost],
    ],
    [
      'fails nothing for a probe host at a version before the check',
      probeHostPod,
      'restricted',
      ['v1.28'],
      [],
    ],
  ])('%s (twice: the cached plan gives the same answer)', (_, pod, level, versions, expected) => {
    expect(evaluatePodSecurityAcross(pod, level, versions)).toEqual(expected);
    expect(evaluatePodSecurityAcross(pod, level, versions)).toEqual(expected);
  });

  test('privileged finds nothing, even where restricted does', () => {
    expect(evaluatePodSecurityAcross(hostPathPod, 'privileged', ['v1.28', 'latest'])).toEqual([]);
  });

  test('fails a version upstream rejects, also after the valid ones were planned', () => {
    evaluatePodSecurityAcross(hostPathPod, 'restricted', ['v1.28', 'latest']);
    expect(() => evaluatePodSecurityAcross(hostPathPod, 'restricted', ['v1.28', 'v2.0' as 'latest'])).toThrow(
      'Pod Security version "v2.0" is not "latest" or "v1.x"',
    );
  });
});
