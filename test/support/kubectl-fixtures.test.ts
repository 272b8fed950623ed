import { kubectlFixtureCases, loadKubectlFixture } from './kubectl-fixtures';
import { expectSchemaValid } from './schema';

describe('kubectl fixtures', () => {
  test('cover the documented cases', () => {
    expect(kubectlFixtureCases('Pod')).toEqual([
      'duplicate-port',
      'named-ports',
      'one-port',
      'two-port',
      'udp',
    ]);
    expect(kubectlFixtureCases('Deployment')).toEqual([
      'deployment-dns',
      'deployment-one-port',
      'deployment-two-ports',
    ]);
  });

  test.each(kubectlFixtureCases())(
    '%s: service is stripped, selects the pods, and is schema-valid',
    caseName => {
      const { kind, input, service } = loadKubectlFixture(caseName);
      const selects =
        kind === 'Pod'
          ? (input as { metadata: { labels: unknown } }).metadata.labels
          : (input as { spec: { selector: { matchLabels: unknown } } }).spec.selector.matchLabels;
      expect(service).not.toHaveProperty('status');
      expect(service).not.toHaveProperty('metadata.creationTimestamp');
      expect(service).toMatchObject({ apiVersion: 'v1', kind: 'Service', spec: { type: 'NodePort' } });
      expect(service).toHaveProperty('spec.selector', selects);
      expectSchemaValid([input, service]);
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
