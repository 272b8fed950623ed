import { expectSchemaValid, validateAgainstSchema } from './schema';

function pod(containers: unknown): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers } };
}

describe('validateAgainstSchema', () => {
  test('accepts a valid Pod', () => {
    expect(() =>
      validateAgainstSchema(pod([{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }])),
    ).not.toThrow();
  });

  test('rejects a containerPort given as a string, naming the object and the path', () => {
    expect(() =>
      validateAgainstSchema(pod([{ name: 'nginx', image: 'nginx', ports: [{ containerPort: '80' }] }])),
    ).toThrow(
      'Pod "web" (apiVersion v1) violates the Kubernetes schema: /spec/containers/0/ports/0/containerPort must be integer',
    );
  });

  test('rejects a Pod without containers', () => {
    expect(() =>
      validateAgainstSchema({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: {} }),
    ).toThrow(
      'Pod "web" (apiVersion v1) violates the Kubernetes schema: /spec must have required property containers',
    );
  });

  test('validates apps/v1 Deployments', () => {
    expect(() =>
      validateAgainstSchema({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {},
      }),
    ).toThrow(
      /Deployment "web" \(apiVersion apps\/v1\) violates the Kubernetes schema: \/spec must have required property/,
    );
  });

  test('refuses kinds it has no model for', () => {
    expect(() =>
      validateAgainstSchema({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }),
    ).toThrow('Widget "w" (apiVersion example.com/v1) is not mapped to a kubernetes-models schema');
  });
});

describe('expectSchemaValid', () => {
  test('lists every failing manifest', () => {
    const good = pod([{ name: 'nginx', image: 'nginx' }]);
    const bad = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'svc' },
      spec: { ports: [{ port: 'http' }] },
    };
    expect(() => expectSchemaValid([good])).not.toThrow();
    expect(() => expectSchemaValid([good, bad])).toThrow(
      '1 of 2 manifest(s) failed schema validation:\n[1] Service "svc" (apiVersion v1) violates the Kubernetes schema: /spec/ports/0/port must be integer',
    );
  });
});
