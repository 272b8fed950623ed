import { Testing } from 'cdk8s';
import { BLACKBOX_IMAGE, checkManifests, POSTGRES_IMAGE, ShopChart, STOREFRONT_IMAGE } from '../lib';
import { expectSchemaValid } from './support/schema';

type Manifest = Record<string, any>;

function synthShop(props = {}): Manifest[] {
  return Testing.synth(new ShopChart(Testing.app(), 'shop', props)) as Manifest[];
}

const find = (all: Manifest[], kind: string, name: string): Manifest =>
  all.find(m => m.kind === kind && m.metadata.name === name) as Manifest;

const podSpec = (workload: Manifest): Manifest =>
  (workload.spec.jobTemplate?.spec ?? workload.spec).template.spec;

describe('ShopChart', () => {
  const all = synthShop();
  const storefront = find(all, 'Deployment', 'storefront');
  const ordersDb = find(all, 'StatefulSet', 'orders-db');
  const probeAgent = find(all, 'DaemonSet', 'probe-agent');
  const vacuum = find(all, 'CronJob', 'orders-vacuum');

  test('synthesizes its Namespace, a pinned Deployment with its NodePort Service, a StatefulSet with its headless Service, a DaemonSet and a CronJob', () => {
    expect(
      all.map(m => `${m.apiVersion} ${m.kind} ${m.metadata.namespace ?? '-'}/${m.metadata.name}`),
    ).toEqual([
      'v1 Namespace -/shop',
      'apps/v1 Deployment shop/storefront',
      'v1 Service shop/storefront',
      'v1 Service shop/orders-db',
      'apps/v1 StatefulSet shop/orders-db',
      'apps/v1 DaemonSet shop/probe-agent',
      'batch/v1 CronJob shop/orders-vacuum',
    ]);
    expect(all).toMatchSnapshot();
  });

  test('every object fits the Kubernetes schema and the engine finds no problem (restricted included)', () => {
    expectSchemaValid(all);
    expect(checkManifests(all)).toEqual([]);
  });

  test('its Namespace enforces Pod Security restricted and is not namespaced itself', () => {
    expect(find(all, 'Namespace', 'shop').metadata).toEqual({
      name: 'shop',
      labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
    });
  });

  test('the storefront runs two replicas pinned to amd64 Linux nodes, exactly as nodeSelector', () => {
    expect(storefront.spec.replicas).toBe(2);
    expect(podSpec(storefront).nodeSelector).toEqual({
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
    });
    expect(podSpec(storefront).affinity).toBeUndefined();
    expect(storefront.spec.selector).toEqual({ matchLabels: { app: 'storefront' } });
    expect(storefront.spec.template.metadata.labels).toMatchObject({ app: 'storefront' });
  });

  test('the storefront container is the unprivileged nginx on 8080, read-only but for an emptyDir /tmp', () => {
    const [nginx] = podSpec(storefront).containers;
    expect(nginx.image).toBe(STOREFRONT_IMAGE);
    expect(nginx.ports).toEqual([{ containerPort: 8080 }]);
    expect(nginx.securityContext).toMatchObject({ runAsUser: 101, readOnlyRootFilesystem: true });
    expect(nginx.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
    expect(podSpec(storefront).volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
  });

  test('the storefront Service opens node port 30080 onto the replicas port 8080', () => {
    const service = find(all, 'Service', 'storefront');
    expect(service.spec).toMatchObject({
      type: 'NodePort',
      selector: storefront.spec.selector.matchLabels,
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }],
    });
  });

  test('the orders database is a StatefulSet behind its headless Service, with a 5 GiB claim per replica', () => {
    const headless = find(all, 'Service', 'orders-db');
    expect(headless.spec.clusterIP).toBe('None');
    expect(ordersDb.spec.serviceName).toBe('orders-db');
    expect(ordersDb.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
      },
    ]);
    const [postgres] = podSpec(ordersDb).containers;
    expect(postgres.image).toBe(POSTGRES_IMAGE);
    expect(postgres.volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/lib/postgresql/data' });
    expect(postgres.env).toContainEqual({ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' });
    // fsGroup lets the postgres user write the claimed volume.
    expect(podSpec(ordersDb).securityContext).toMatchObject({ runAsUser: 999, fsGroup: 999 });
  });

  test('database passwords come from the Secret, never a literal', () => {
    const secretRef = { secretKeyRef: { name: 'orders-db-secret', key: 'password' } };
    expect(podSpec(ordersDb).containers[0].env).toContainEqual({
      name: 'POSTGRES_PASSWORD',
      valueFrom: secretRef,
    });
    expect(podSpec(vacuum).containers[0].env).toEqual([{ name: 'PGPASSWORD', valueFrom: secretRef }]);
    expect(all.filter(m => m.kind === 'Secret')).toEqual([]);
  });

  test('the probe agent runs one blackbox exporter per node as nobody', () => {
    const [exporter] = podSpec(probeAgent).containers;
    expect(exporter.image).toBe(BLACKBOX_IMAGE);
    expect(exporter.ports).toEqual([{ containerPort: 9115, name: 'metrics' }]);
    expect(exporter.securityContext).toMatchObject({ runAsUser: 65534, runAsNonRoot: true });
  });

  test('the vacuum runs nightly at 03:30 UTC, never twice at once, and is not skipped for a late controller', () => {
    expect(vacuum.spec).toMatchObject({
      schedule: '30 3 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
    });
    expect(podSpec(vacuum).restartPolicy).toBe('Never');
    expect(podSpec(vacuum).containers[0].command).toEqual([
      'vacuumdb',
      '--all',
      '--analyze',
      '--host',
      'orders-db',
      '--username',
      'postgres',
    ]);
  });

  test('takes another namespace, Secret and node port', () => {
    const other = synthShop({
      namespace: 'store',
      dbSecretName: 'pg',
      dbSecretKey: 'pw',
      storefrontNodePort: 31000,
    });

    expect(find(other, 'Namespace', 'store').metadata.namespace).toBeUndefined();
    expect(other.filter(m => m.kind !== 'Namespace').map(m => m.metadata.namespace)).toEqual(
      Array(6).fill('store'),
    );
    expect(find(other, 'Service', 'storefront').spec.ports[0].nodePort).toBe(31000);
    expect(podSpec(find(other, 'CronJob', 'orders-vacuum')).containers[0].env[0].valueFrom).toEqual({
      secretKeyRef: { name: 'pg', key: 'pw' },
    });
  });

  test('fails at synth on a node port outside the allocator range, naming the Service field', () => {
    expect(() => synthShop({ storefrontNodePort: 99999 })).toThrow(
      '[shop/Storefront/NodePortService] spec.ports[0].nodePort: provided port is not in the valid range.',
    );
  });
});
