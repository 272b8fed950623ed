import { validateManifest } from '../../lib/rules/manifest';
import { validatePod } from '../../lib/rules/pod';
import { err, pod } from './fixtures';

const port = (ports: Record<string, unknown>[]) => [{ name: 'app', image: 'nginx:1.25', ports }];

describe('hostNetwork ports', () => {
  test('fails a hostNetwork Pod whose hostPort differs from its containerPort', () => {
    expect(
      validatePod(pod({ hostNetwork: true, containers: port([{ containerPort: 80, hostPort: 8080 }]) })),
    ).toEqual([
      err(
        'pod-host-network-host-port-mismatch',
        'spec.containers[0].ports[0].hostPort',
        8080,
        'must match `containerPort` when `hostNetwork` is true',
        "Remove spec.containers[0].ports[0].hostPort or set it to the containerPort (80): a hostNetwork Pod listens on the node's ports directly.",
      ),
    ]);
  });

  test('fails the same in a workload template', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { hostNetwork: true, containers: port([{ containerPort: 80, hostPort: 81 }]) },
        },
      },
    };
    expect(validateManifest(deployment)).toEqual([
      err(
        'pod-host-network-host-port-mismatch',
        'spec.template.spec.containers[0].ports[0].hostPort',
        81,
        'must match `containerPort` when `hostNetwork` is true',
        "Remove spec.template.spec.containers[0].ports[0].hostPort or set it to the containerPort (80): a hostNetwork Pod listens on the node's ports directly.",
      ),
    ]);
  });

  test.each([
    ['an unset hostPort, which defaults to the containerPort', [{ containerPort: 80 }]],
    ['an equal hostPort', [{ containerPort: 80, hostPort: 80 }]],
  ])('passes %s', (_name, ports) => {
    expect(validatePod(pod({ hostNetwork: true, containers: port(ports) }))).toEqual([]);
  });

  test('passes a differing hostPort without hostNetwork, and checks init containers only for conflicts', () => {
    expect(validatePod(pod({ containers: port([{ containerPort: 80, hostPort: 8080 }]) }))).toEqual([]);
    expect(
      validatePod(
        pod({
          hostNetwork: true,
          initContainers: [
            { name: 'init', image: 'busybox:1.36', ports: [{ containerPort: 1, hostPort: 2 }] },
          ],
        }),
      ),
    ).toEqual([]);
  });
});
