import { ApiObject, Chart, type ChartProps, Cron, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { checkAll } from './checks';
import { exposeViaNodePort } from './node-port';
import { pinToNodes } from './pinning';
import { restrictedUser } from './restricted';

/**
 * Properties for `ShopChart`.
 */
export interface ShopChartProps extends ChartProps {
  /**
   * The namespace of every object; the chart also creates it, enforcing Pod Security `restricted`.
   * @default 'shop'
   */
  readonly namespace?: string;

  /**
   * Name of the Secret that holds the orders database's password. Create it first:
   * `kubectl -n shop create secret generic orders-db-secret --from-literal=password=...`
   * @default 'orders-db-secret'
   */
  readonly dbSecretName?: string;

  /**
   * Key of the password in that Secret.
   * @default 'password'
   */
  readonly dbSecretKey?: string;

  /**
   * The node port every node opens for the storefront.
   * @default 30080
   */
  readonly storefrontNodePort?: number;
}

/** Pinned images: the same manifest always runs the same software. */
export const STOREFRONT_IMAGE = 'nginxinc/nginx-unprivileged:1.27.3';
export const POSTGRES_IMAGE = 'postgres:16.4';
export const BLACKBOX_IMAGE = 'prom/blackbox-exporter:v0.25.0';

/** The uid each image's service user has: nginx-unprivileged's `nginx`, postgres's `postgres`, blackbox's `nobody`. */
const NGINX_USER = 101;
const POSTGRES_USER = 999;
const NOBODY = 65534;

/** Where the postgres image keeps its data; a subfolder, since a fresh volume's root holds `lost+found`. */
const PGDATA = '/var/lib/postgresql/data/pgdata';

/**
 * A small shop: the pod-bearing workloads beside the blog's bare Pod, made with plain cdk8s-plus
 * and this package's functions, every object checked at synth (`checkAll`, Pod Security
 * `restricted`).
 * - `storefront`: a Deployment of two nginx replicas, pinned to amd64 Linux nodes, exposed on a
 *   node port;
 * - `orders-db`: a one-replica postgres StatefulSet with its headless Service and a 5 GiB volume
 *   per replica;
 * - `probe-agent`: a DaemonSet of blackbox exporters, one per node, to probe the shop from every node;
 * - `orders-vacuum`: a CronJob that vacuums and analyzes the orders database every night.
 */
export class ShopChart extends Chart {
  /** The storefront Deployment. */
  public readonly storefront: kplus.Deployment;
  /** The storefront's NodePort Service, `storefront`. */
  public readonly storefrontService: kplus.Service;
  /** The orders database StatefulSet. */
  public readonly ordersDb: kplus.StatefulSet;
  /** The probe agents, one per node. */
  public readonly probeAgent: kplus.DaemonSet;
  /** The nightly database maintenance. */
  public readonly vacuum: kplus.CronJob;

  constructor(scope: Construct, id: string, props: ShopChartProps = {}) {
    const namespace = props.namespace ?? 'shop';
    super(scope, id, { ...props, namespace });
    checkAll(this, { podSecurity: 'restricted' });

    const ns = new kplus.Namespace(this, 'Namespace', {
      metadata: { name: namespace, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    });
    // A Namespace is cluster-scoped: drop the chart's namespace cdk8s writes into every object.
    ApiObject.of(ns).addJsonPatch(JsonPatch.remove('/metadata/namespace'));

    const dbPassword = kplus.EnvValue.fromSecretValue({
      secret: kplus.Secret.fromSecretName(this, 'DbSecret', props.dbSecretName ?? 'orders-db-secret'),
      key: props.dbSecretKey ?? 'password',
    });

    this.storefront = this.makeStorefront();
    this.storefrontService = exposeViaNodePort(this.storefront, {
      ports: [{ port: 80, targetPort: 8080, name: 'http', nodePort: props.storefrontNodePort ?? 30080 }],
    });
    this.ordersDb = this.makeOrdersDb(dbPassword);
    this.probeAgent = this.makeProbeAgent();
    this.vacuum = this.makeVacuum(dbPassword);
  }

  private makeStorefront(): kplus.Deployment {
    const storefront = new kplus.Deployment(this, 'Storefront', {
      metadata: { name: 'storefront', labels: { app: 'storefront' } },
      podMetadata: { labels: { app: 'storefront' } },
      select: false,
      replicas: 2,
      securityContext: { user: NGINX_USER, group: NGINX_USER, ensureNonRoot: true },
      containers: [
        {
          name: 'nginx',
          image: STOREFRONT_IMAGE,
          // nginx-unprivileged listens on 8080: no root, no capability needed.
          portNumber: 8080,
          securityContext: restrictedUser(NGINX_USER),
          readiness: kplus.Probe.fromHttpGet('/', { port: 8080 }),
          resources: {
            cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) },
            memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
          },
          // A pinned tag never changes, so the node's cached copy is the right one.
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        },
      ],
    });
    storefront.select(kplus.LabelSelector.of({ labels: { app: 'storefront' } }));
    // The image writes its pid file and temp files to /tmp; the root filesystem stays read-only.
    storefront.containers[0].mount('/tmp', kplus.Volume.fromEmptyDir(this, 'StorefrontTmp', 'tmp'));
    // The image is built for amd64 Linux only.
    pinToNodes(storefront, { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' });
    return storefront;
  }

  private makeOrdersDb(password: kplus.EnvValue): kplus.StatefulSet {
    const ordersDb = new kplus.StatefulSet(this, 'OrdersDb', {
      metadata: { name: 'orders-db', labels: { app: 'orders-db' } },
      podMetadata: { labels: { app: 'orders-db' } },
      select: false,
      replicas: 1,
      // The headless Service gives the replica its stable DNS name, orders-db-0.orders-db.
      service: new kplus.Service(this, 'OrdersDbService', {
        metadata: { name: 'orders-db', labels: { app: 'orders-db' } },
        clusterIP: 'None',
        ports: [{ port: 5432, name: 'postgres' }],
      }),
      // fsGroup makes the volume writable for the postgres user.
      securityContext: {
        user: POSTGRES_USER,
        group: POSTGRES_USER,
        fsGroup: POSTGRES_USER,
        ensureNonRoot: true,
      },
      containers: [
        {
          name: 'postgres',
          image: POSTGRES_IMAGE,
          ports: [{ number: 5432, name: 'postgres' }],
          envVariables: {
            POSTGRES_PASSWORD: password,
            POSTGRES_DB: kplus.EnvValue.fromValue('orders'),
            PGDATA: kplus.EnvValue.fromValue(PGDATA),
          },
          securityContext: restrictedUser(POSTGRES_USER),
          // The first start runs initdb: allow it two and a half minutes.
          startup: kplus.Probe.fromTcpSocket({
            port: 5432,
            failureThreshold: 30,
            periodSeconds: Duration.seconds(5),
          }),
          readiness: kplus.Probe.fromCommand(['pg_isready', '--username', 'postgres']),
          resources: {
            cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
            memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) },
          },
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        },
      ],
    });
    ordersDb.select(kplus.LabelSelector.of({ labels: { app: 'orders-db' } }));
    const postgres = ordersDb.containers[0];
    postgres.mount('/var/run/postgresql', kplus.Volume.fromEmptyDir(this, 'OrdersDbRun', 'run'));
    postgres.mount('/tmp', kplus.Volume.fromEmptyDir(this, 'OrdersDbTmp', 'tmp'));
    // cdk8s-plus-28 has no volumeClaimTemplates, so add the template and its mount on the L1 object.
    ApiObject.of(ordersDb).addJsonPatch(
      JsonPatch.add('/spec/volumeClaimTemplates', [
        {
          metadata: { name: 'data' },
          // The L1 object maps patched values through its props types: a quantity is a k8s.Quantity.
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: k8s.Quantity.fromString('5Gi') } },
          },
        },
      ]),
      JsonPatch.add('/spec/template/spec/containers/0/volumeMounts/-', {
        name: 'data',
        mountPath: '/var/lib/postgresql/data',
      }),
    );
    return ordersDb;
  }

  private makeProbeAgent(): kplus.DaemonSet {
    const agent = new kplus.DaemonSet(this, 'ProbeAgent', {
      metadata: { name: 'probe-agent', labels: { app: 'probe-agent' } },
      podMetadata: { labels: { app: 'probe-agent' } },
      select: false,
      securityContext: { user: NOBODY, group: NOBODY, ensureNonRoot: true },
      containers: [
        {
          name: 'blackbox-exporter',
          image: BLACKBOX_IMAGE,
          ports: [{ number: 9115, name: 'metrics' }],
          securityContext: restrictedUser(NOBODY),
          readiness: kplus.Probe.fromHttpGet('/-/healthy', { port: 9115 }),
          resources: {
            cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(100) },
            memory: { request: Size.mebibytes(16), limit: Size.mebibytes(64) },
          },
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        },
      ],
    });
    agent.select(kplus.LabelSelector.of({ labels: { app: 'probe-agent' } }));
    return agent;
  }

  private makeVacuum(password: kplus.EnvValue): kplus.CronJob {
    return new kplus.CronJob(this, 'Vacuum', {
      metadata: { name: 'orders-vacuum', labels: { app: 'orders-vacuum' } },
      schedule: Cron.schedule({ minute: '30', hour: '3' }),
      timeZone: 'Etc/UTC',
      concurrencyPolicy: kplus.ConcurrencyPolicy.FORBID,
      // cdk8s-plus's default (10 s) skips the night's run whenever the controller is a little late.
      startingDeadline: Duration.minutes(5),
      backoffLimit: 2,
      securityContext: { user: POSTGRES_USER, group: POSTGRES_USER, ensureNonRoot: true },
      containers: [
        {
          name: 'vacuumdb',
          image: POSTGRES_IMAGE,
          command: ['vacuumdb', '--all', '--analyze', '--host', 'orders-db', '--username', 'postgres'],
          envVariables: { PGPASSWORD: password },
          securityContext: restrictedUser(POSTGRES_USER),
          resources: {
            cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
            memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) },
          },
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        },
      ],
    });
  }
}
