import { kubectlFixtureCases, loadKubectlFixture } from './kubectl-fixtures';
import { expectSchemaValid } from './schema';

describe('kubectl fixtures', () => {
  test('cover the documented cases', () => {
    expect(kubectlFixtureCases()).toEqual(['duplicate-port', 'named-ports', 'one-port', 'two-port', 'udp']);
  });

  test.each(kubectlFixtureCases())(
    '%s: service is stripped, selects the pod, and is schema-valid',
    caseName => {
      const { pod, service } = loadKubectlFixture(caseName);
      expect(service).not.toHaveProperty('status');
      expect(service).not.toHaveProperty('metadata.creationTimestamp');
      expect(service).toMatchObject({ apiVersion: 'v1', kind: 'Service', spec: { type: 'NodePort' } });
      expect(service).toHaveProperty('spec.selector', (pod.metadata as { labels: unknown }).labels);
      expectSchemaValid([pod, service]);
    },
  );

  test('two-port is the blog Pod exposed as pooh-pod-service', () => {
    const { service } = loadKubectlFixture('two-port');
    expect(service).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'pooh-pod-service', labels: { app: 'pooh-db-nginx-app' } },
      spec: {
        ports: [
          { name: 'port-1', port: 3306, protocol: 'TCP', targetPort: 3306 },
          { name: 'port-2', port: 80, protocol: 'TCP', targetPort: 80 },
        ],
        selector: { app: 'pooh-db-nginx-app' },
        type: 'NodePort',
      },
    });
  });

  test('rejects case names that are not plain fixture names', () => {
    expect(() => loadKubectlFixture('../secrets')).toThrow('invalid kubectl fixture case name');
  });
});
