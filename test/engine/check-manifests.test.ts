import * as path from 'node:path';
import { checkEntries, checkManifests, loadNodeInventory } from '../../lib';
import { pod, podWith, service } from '../rules/fixtures';

const inventory = loadNodeInventory(path.join(__dirname, '..', '..', 'examples', 'blog-cluster.nodes.yaml'));

/** A Pod that passes every check at restricted. */
const restrictedPod = (name: string, extra: Record<string, unknown> = {}, labels = { app: name }) =>
  pod(
    {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27.3',
          ports: [{ containerPort: 8080 }],
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
      ...extra,
    },
    { name, labels },
  );

const deployment = (name: string, podSpec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: podSpec },
  },
});

describe('checkManifests', () => {
  test('finds nothing in valid manifests of every kind', () => {
    const web = restrictedPod('web');
    expect(
      checkManifests([
        web,
        service({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }),
        deployment('api', (web.spec as Record<string, unknown>) ?? {}),
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Not Checked' } },
      ]),
    ).toEqual([]);
  });

  test('fails every family of problem at once, each filed under its manifest', () => {
    const findings = checkManifests([
      podWith({ name: 'API', securityContext: { privileged: true } }),
      service(
        { selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }], type: 'NodePort' },
        { name: 'a' },
      ),
      service(
        { selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }], type: 'NodePort' },
        { name: 'b' },
      ),
      podWith({ env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }, { nodeName: 'x' }),
    ]);

    expect(findings.map(f => [f.index, f.rule, f.field])).toEqual([
      [0, 'container-name-invalid', 'spec.containers[0].name'],
      [0, 'pod-security/privileged', 'spec.containers[0].securityContext.privileged'],
      [
        0,
        'pod-security/allowPrivilegeEscalation',
        'spec.containers[0].securityContext.allowPrivilegeEscalation',
      ],
      [0, 'pod-security/capabilities_restricted', 'spec.containers[0].securityContext.capabilities.drop'],
      [0, 'pod-security/runAsNonRoot', 'spec.securityContext.runAsNonRoot'],
      [0, 'pod-security/seccompProfile_restricted', 'spec.securityContext.seccompProfile.type'],
      [2, 'service-node-port-conflict', 'spec.ports[0].nodePort'],
      [3, 'literal-credential', 'spec.containers[0].env[0].value'],
      [
        3,
        'pod-security/allowPrivilegeEscalation',
        'spec.containers[0].securityContext.allowPrivilegeEscalation',
      ],
      [3, 'pod-security/capabilities_restricted', 'spec.containers[0].securityContext.capabilities.drop'],
      [3, 'pod-security/runAsNonRoot', 'spec.securityContext.runAsNonRoot'],
      [3, 'pod-security/seccompProfile_restricted', 'spec.securityContext.seccompProfile.type'],
    ]);
    expect(findings[1].message).toBe(
      'violates PodSecurity "restricted:v1.28": privileged (container "API" must not set securityContext.privileged=true)',
    );
  });

  test('judges Pod Security at the level and version asked for', () => {
    const privileged = podWith({ securityContext: { privileged: true } });

    expect(checkManifests([privileged], { podSecurity: 'privileged' })).toEqual([]);
    expect(checkManifests([privileged], { podSecurity: 'baseline', podSecurityVersion: 'v1.30' })).toEqual([
      expect.objectContaining({
        rule: 'pod-security/privileged',
        message:
          'violates PodSecurity "baseline:v1.30": privileged (container "app" must not set securityContext.privileged=true)',
      }),
    ]);
  });

  test('drops suppressed warnings and keeps errors whatever suppress says', () => {
    const deprecated = restrictedPod('web', { nodeSelector: { 'beta.kubernetes.io/os': 'linux' } });

    expect(checkManifests([deprecated]).map(f => [f.rule, f.severity])).toEqual([
      ['node-selector-label-deprecated', 'warning'],
    ]);
    expect(checkManifests([deprecated], { suppress: ['node-selector-label-deprecated'] })).toEqual([]);
    expect(
      checkManifests([podWith({ name: 'API' })], {
        podSecurity: 'privileged',
        suppress: ['container-name-invalid'],
      }),
    ).toHaveLength(1);
  });
});

describe('checkEntries', () => {
  test('reads context entries for the whole-app rules but never reports on them', () => {
    const lost = service({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9090 }] });
    const badPod = { ...restrictedPod('web'), metadata: { name: 'Web', labels: { app: 'web' } } };

    const findings = checkEntries([{ manifest: badPod, report: false }, { manifest: lost }]);

    expect(findings.map(f => [f.index, f.rule])).toEqual([[1, 'service-target-port-not-exposed']]);
  });

  test("applies each entry's own options to its own problems", () => {
    const privileged = podWith({ securityContext: { privileged: true } });

    const findings = checkEntries([
      { manifest: privileged, options: { podSecurity: 'privileged' } },
      { manifest: privileged },
    ]);

    expect(new Set(findings.map(f => f.index))).toEqual(new Set([1]));
  });

  test('runs the scheduling pre-flight per inventory, placing objects that share one together', () => {
    const pinned = (name: string) =>
      restrictedPod(name, {
        nodeSelector: { hostname: 'worker-node2' },
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27.3',
            resources: { requests: { cpu: '1500m' } },
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        ],
      });

    // Alone on the blog's cluster, each fits worker-node2 (2 CPUs); together they cannot.
    expect(checkManifests([pinned('a')], { nodes: inventory })).toEqual([]);
    const together = checkManifests([pinned('a'), pinned('b')], { nodes: inventory });
    expect(together.map(f => [f.index, f.rule, f.field])).toEqual([
      [1, 'pods-do-not-fit-together', 'spec.containers[0].resources.requests'],
    ]);
    // With the same inventory given to each entry separately they are still placed together.
    expect(
      checkEntries([
        { manifest: pinned('a'), options: { nodes: inventory } },
        { manifest: pinned('b'), options: { nodes: inventory } },
      ]),
    ).toEqual(together);
    // Different inventories (say, two clusters) place their objects apart.
    const other = loadNodeInventory(path.join(__dirname, '..', '..', 'examples', 'blog-cluster.nodes.yaml'));
    expect(
      checkEntries([
        { manifest: pinned('a'), options: { nodes: inventory } },
        { manifest: pinned('b'), options: { nodes: other } },
      ]),
    ).toEqual([]);
    // Without an inventory nothing is placed.
    expect(checkManifests([pinned('a'), pinned('b')])).toEqual([]);
  });
});
