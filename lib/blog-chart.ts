import { Chart, type ChartProps, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { NodePinnedPod } from './node-pinned-pod';
import { restrictedUser } from './restricted';

/**
 * Properties for `BlogChart`.
 */
export interface BlogChartProps extends ChartProps {
  /**
   * Name of the Secret that holds MySQL's root password. Create it before the Pod:
   * `kubectl create secret generic pooh-db-secret --from-literal=mysql-root-password=...`
   * @default 'pooh-db-secret'
   */
  readonly dbSecretName?: string;

  /**
   * Key of the root password in that Secret.
   * @default 'mysql-root-password'
   */
  readonly dbSecretKey?: string;
}

/** Pinned images: the same manifest always runs the same software. */
export const MYSQL_IMAGE = 'mysql:8.4.3';
export const NGINX_IMAGE = 'nginx:1.27.3';

/** The uid/gid each stock image creates for its service user (`mysql` and `nginx`). */
const MYSQL_USER = 999;
const NGINX_USER = 101;

/**
 * The blog's Pod (mysql + nginx, pinned to `worker-node2`) and its NodePort Service.
 *
 * Every setting that differs from the cdk8s-plus defaults is there so the stock images
 * start as a non-root user with a read-only root filesystem; the README explains each.
 */
export class BlogChart extends Chart {
  /** The blog's Pod, `pooh-db-nginx-pod`. */
  public readonly pod: NodePinnedPod;
  /** The NodePort Service `pooh-pod-service`. */
  public readonly service: kplus.Service;

  constructor(scope: Construct, id: string, props: BlogChartProps = {}) {
    super(scope, id, props);

    const rootPassword = kplus.EnvValue.fromSecretValue({
      secret: kplus.Secret.fromSecretName(this, 'DbSecret', props.dbSecretName ?? 'pooh-db-secret'),
      key: props.dbSecretKey ?? 'mysql-root-password',
    });

    this.pod = new NodePinnedPod(this, 'Pod', {
      metadata: { name: 'pooh-db-nginx-pod', labels: { app: 'pooh-db-nginx-app' } },
      nodeSelector: { hostname: 'worker-node2' },
      // Stated, not just defaulted: the blog Pod must run in a namespace that enforces `restricted`.
      podSecurity: 'restricted',
      securityContext: {
        // Lets nginx bind port 80 without root or capabilities; a "safe" sysctl the kubelet allows by default.
        sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
      },
      containers: [
        {
          name: 'pooh-db-container',
          image: MYSQL_IMAGE,
          portNumber: 3306,
          envVariables: { MYSQL_ROOT_PASSWORD: rootPassword },
          securityContext: restrictedUser(MYSQL_USER),
          // The first start initialises the data directory with networking off: allow it 5 minutes.
          startup: kplus.Probe.fromTcpSocket({
            port: 3306,
            failureThreshold: 30,
            periodSeconds: Duration.seconds(10),
          }),
          // mysqld idles near 400 MiB; the cdk8s-plus default (1 CPU request each) would not fit a small node.
          resources: {
            cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
            memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
          },
          // A pinned tag never changes, so the node's cached copy is the right one.
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        },
        {
          name: 'pooh-nginx-container',
          image: NGINX_IMAGE,
          portNumber: 80,
          securityContext: restrictedUser(NGINX_USER),
          resources: {
            cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(250) },
            memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) },
          },
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        },
      ],
    });

    // The root filesystem stays read-only; these are the only paths each image writes.
    const writable: [string, string, string][] = [
      ['mysql-data', '/var/lib/mysql', 'pooh-db-container'],
      ['mysql-run', '/var/run/mysqld', 'pooh-db-container'],
      ['mysql-tmp', '/tmp', 'pooh-db-container'],
      ['nginx-cache', '/var/cache/nginx', 'pooh-nginx-container'],
      ['nginx-run', '/var/run', 'pooh-nginx-container'],
      ['nginx-tmp', '/tmp', 'pooh-nginx-container'],
    ];
    for (const [name, path, container] of writable) {
      this.pod.addSharedVolume({ name, path, containers: [container] });
    }

    this.service = this.pod.exposeViaNodePort({ name: 'pooh-pod-service' });
  }
}
