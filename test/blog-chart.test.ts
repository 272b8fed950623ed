import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing } from 'cdk8s';
import { parse } from 'yaml';
import {
  BlogChart,
  configureChecks,
  loadNodeInventory,
  MYSQL_IMAGE,
  NGINX_IMAGE,
  placePods,
  readNodeInventory,
} from '../lib';
import { expectSchemaValid } from './support/schema';

type Manifest = Record<string, any>;

function synthBlog(props = {}): { pod: Manifest; service: Manifest; all: Manifest[] } {
  const all = Testing.synth(new BlogChart(Testing.app(), 'blog', props)) as Manifest[];
  return {
    pod: all.find(m => m.kind === 'Pod') as Manifest,
    service: all.find(m => m.kind === 'Service') as Manifest,
    all,
  };
}

function container(pod: Manifest, name: string): Manifest {
  return pod.spec.containers.find((c: Manifest) => c.name === name);
}

describe('BlogChart', () => {
  test('synthesizes exactly the blog Pod and its Service', () => {
    const { all } = synthBlog();

    expect(all.map(m => `${m.apiVersion} ${m.kind} ${m.metadata.name}`)).toEqual([
      'v1 Pod pooh-db-nginx-pod',
      'v1 Service pooh-pod-service',
    ]);
    expect(all).toMatchSnapshot();
  });

  test('every object validates against the Kubernetes schema', () => {
    expect(() => expectSchemaValid(synthBlog().all)).not.toThrow();
  });

  describe('the Pod, as blog-spec.md lists it', () => {
    const { pod } = synthBlog();

    test('name and label', () => {
      expect(pod.metadata.name).toBe('pooh-db-nginx-pod');
      expect(pod.metadata.labels.app).toBe('pooh-db-nginx-app');
    });

    test('two containers in the blog order, images pinned to a version', () => {
      expect(pod.spec.containers.map((c: Manifest) => c.name)).toEqual([
        'pooh-db-container',
        'pooh-nginx-container',
      ]);
      expect(container(pod, 'pooh-db-container').image).toBe(MYSQL_IMAGE);
      expect(container(pod, 'pooh-nginx-container').image).toBe(NGINX_IMAGE);
      expect(MYSQL_IMAGE).toMatch(/^mysql:\d+\.\d+\.\d+$/);
      expect(NGINX_IMAGE).toMatch(/^nginx:\d+\.\d+\.\d+$/);
    });

    test('mysql on 3306, nginx on 80', () => {
      expect(container(pod, 'pooh-db-container').ports).toEqual([{ containerPort: 3306 }]);
      expect(container(pod, 'pooh-nginx-container').ports).toEqual([{ containerPort: 80 }]);
    });

    test('mysql gets its root password from a Secret, never a literal', () => {
      expect(container(pod, 'pooh-db-container').env).toEqual([
        {
          name: 'MYSQL_ROOT_PASSWORD',
          valueFrom: { secretKeyRef: { name: 'pooh-db-secret', key: 'mysql-root-password' } },
        },
      ]);
      expect(container(pod, 'pooh-nginx-container').env).toBeUndefined();
    });

    test('pinned to worker-node2 with nodeSelector', () => {
      expect(pod.spec.nodeSelector).toEqual({ hostname: 'worker-node2' });
      expect(pod.spec.affinity).toBeUndefined();
    });
  });

  describe('the Pod can start with the stock images', () => {
    const { pod } = synthBlog();
    const mounts = (name: string) =>
      container(pod, name).volumeMounts.map((m: Manifest) => [
        m.mountPath,
        pod.spec.volumes.find((v: Manifest) => v.name === m.name),
      ]);

    test.each([
      ['pooh-db-container', 999],
      ['pooh-nginx-container', 101],
    ])('%s runs as its image user %i, unprivileged, read-only root', (name, uid) => {
      expect(container(pod, name).securityContext).toEqual({
        runAsUser: uid,
        runAsGroup: uid,
        runAsNonRoot: true,
        privileged: false,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
    });

    test('every path mysql writes is an emptyDir', () => {
      expect(mounts('pooh-db-container')).toEqual([
        ['/var/lib/mysql', { name: 'mysql-data', emptyDir: {} }],
        ['/var/run/mysqld', { name: 'mysql-run', emptyDir: {} }],
        ['/tmp', { name: 'mysql-tmp', emptyDir: {} }],
      ]);
    });

    test('every path nginx writes is an emptyDir', () => {
      expect(mounts('pooh-nginx-container')).toEqual([
        ['/var/cache/nginx', { name: 'nginx-cache', emptyDir: {} }],
        ['/var/run', { name: 'nginx-run', emptyDir: {} }],
        ['/tmp', { name: 'nginx-tmp', emptyDir: {} }],
      ]);
    });

    test('nginx binds port 80 without root through the unprivileged-port sysctl', () => {
      expect(pod.spec.securityContext.sysctls).toEqual([
        { name: 'net.ipv4.ip_unprivileged_port_start', value: '0' },
      ]);
      expect(pod.spec.hostNetwork).toBe(false);
    });

    test('mysql has five minutes to initialise before its startup probe gives up', () => {
      const probe = container(pod, 'pooh-db-container').startupProbe;
      expect(probe).toEqual({ tcpSocket: { port: 3306 }, failureThreshold: 30, periodSeconds: 10 });
    });

    test('resources fit a small node and pinned images are not pulled on every start', () => {
      for (const c of pod.spec.containers) {
        expect(c.imagePullPolicy).toBe('IfNotPresent');
        expect(Number.parseInt(c.resources.requests.cpu, 10)).toBeLessThanOrEqual(250);
      }
    });
  });

  describe('the Service, as kubectl expose --type=NodePort makes it', () => {
    const { pod, service } = synthBlog();

    test('named pooh-pod-service, of type NodePort', () => {
      expect(service.apiVersion).toBe('v1');
      expect(service.metadata.name).toBe('pooh-pod-service');
      expect(service.spec.type).toBe('NodePort');
    });

    test('selects the Pod by its label and carries it', () => {
      expect(service.spec.selector).toEqual({ app: 'pooh-db-nginx-app' });
      expect(service.metadata.labels).toEqual({ app: 'pooh-db-nginx-app' });
      for (const [key, value] of Object.entries(service.spec.selector)) {
        expect(pod.metadata.labels[key]).toBe(value);
      }
    });

    test('one named port per container port, node ports left to the cluster', () => {
      expect(service.spec.ports).toEqual([
        { name: 'port-1', port: 3306, targetPort: 3306, protocol: 'TCP' },
        { name: 'port-2', port: 80, targetPort: 80, protocol: 'TCP' },
      ]);
    });
  });

  test('takes another Secret name and key', () => {
    const { pod } = synthBlog({ dbSecretName: 'db-credentials', dbSecretKey: 'root' });

    expect(container(pod, 'pooh-db-container').env[0].valueFrom.secretKeyRef).toEqual({
      name: 'db-credentials',
      key: 'root',
    });
  });

  test('synthesizes byte-identical YAML twice', () => {
    const yaml = () => {
      const app = new App({ outdir: 'unused' });
      new BlogChart(app, 'blog');
      return app.synthYaml();
    };

    expect(yaml()).toBe(yaml());
  });
});

describe('BlogChart, pre-flighted against the blog cluster (examples/blog-cluster.nodes.yaml)', () => {
  const inventoryFile = path.join(__dirname, '..', 'examples', 'blog-cluster.nodes.yaml');

  /** The inventory as kubectl printed it, optionally without worker-node2's hostname label. */
  function nodes(labelled: boolean) {
    const list = parse(fs.readFileSync(inventoryFile, 'utf8'));
    if (!labelled) {
      const node = list.items.find((n: Manifest) => n.metadata.name === 'worker-node2');
      delete node.metadata.labels.hostname;
    }
    return readNodeInventory(list);
  }

  function synthWith(labelled: boolean): Manifest[] {
    const app = Testing.app();
    configureChecks(app, { nodes: nodes(labelled) });
    return Testing.synth(new BlogChart(app, 'blog')) as Manifest[];
  }

  test('lands on worker-node2, the only node carrying hostname=worker-node2', () => {
    expect(synthWith(true)).toHaveLength(2);
    const placement = placePods(synthWith(true), loadNodeInventory(inventoryFile));
    expect(placement.pods.map(p => [p.pod, p.node])).toEqual([['pooh-db-nginx-pod', 'worker-node2']]);
  });

  test('fails when worker-node2 lacks the label, with the scheduler summary, the nearest node and the fix', () => {
    expect(() => synthWith(false)).toThrow(
      '[blog/Pod] spec.nodeSelector: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.. Nearest node: worker-node2 (missing label hostname=worker-node2). (got {"hostname":"worker-node2"}). Fix: Label a node: kubectl label nodes worker-node2 hostname=worker-node2, or change spec.nodeSelector.',
    );
  });
});
