import { validateManifest } from '../../lib/rules/manifest';
import { validatePod } from '../../lib/rules/pod';
import { err, pod } from './fixtures';
import { daemonSet, deployment, template } from './workload-fixtures';

const ports = (...list: Record<string, unknown>[]) => [{ name: 'app', image: 'nginx', ports: list }];

describe('hostNetwork ports (upstream validatePodHostNetworkDeps)', () => {
  test('fails a hostPort that differs from the containerPort on the host network', () => {
    expect(
      validatePod(pod({ hostNetwork: true, containers: ports({ containerPort: 80, hostPort: 8080 }) })),
    ).toEqual([
      err(
        'pod-host-network-host-port-mismatch',
        'spec.containers[0].ports[0].hostPort',
        8080,
        'must match `containerPort` when `hostNetwork` is true',
        "Remove spec.containers[0].ports[0].hostPort or set it to 80; with hostNetwork the container binds the node's port directly.",
      ),
    ]);
  });

  test('passes an unset hostPort on a Pod and on a template (defaulted on the Pod, allowed in templates)', () => {
    expect(validatePod(pod({ hostNetwork: true, containers: ports({ containerPort: 80 }) }))).toEqual([]);
    const agent = daemonSet({
      template: template({ hostNetwork: true, containers: ports({ containerPort: 9100 }) }),
    });
    expect(validateManifest(agent)).toEqual([]);
  });

  test('passes matching ports, and any hostPort without hostNetwork', () => {
    expect(
      validatePod(pod({ hostNetwork: true, containers: ports({ containerPort: 80, hostPort: 80 }) })),
    ).toEqual([]);
    expect(validatePod(pod({ containers: ports({ containerPort: 80, hostPort: 8080 }) }))).toEqual([]);
  });
});

describe('hostNetwork ports in a workload template', () => {
  test('fails a template whose hostPort differs from its containerPort', () => {
    const mismatched = deployment({
      template: template({ hostNetwork: true, containers: ports({ containerPort: 80, hostPort: 81 }) }),
    });
    expect(
      validateManifest(mismatched).filter(p => p.rule === 'pod-host-network-host-port-mismatch'),
    ).toEqual([
      err(
        'pod-host-network-host-port-mismatch',
        'spec.template.spec.containers[0].ports[0].hostPort',
        81,
        'must match `containerPort` when `hostNetwork` is true',
        "Remove spec.template.spec.containers[0].ports[0].hostPort or set it to 80; with hostNetwork the container binds the node's port directly.",
      ),
    ]);
  });
});
