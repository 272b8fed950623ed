#!/usr/bin/env node
// The floor of the cold-synth benchmark: the blog's Pod and NodePort Service (the same spec as
// dist/blog.k8s.yaml) built from raw L1 objects, in plain JavaScript: no compile step, no CLI,
// no cdk8s-plus L2 constructs, no checks. Writes blog.k8s.yaml with `app.synth()`.
// Usage: node scripts/bench/floor-app.js [outdir=$CDK8S_OUTDIR or dist]
const { App, Chart } = require('cdk8s');
const { k8s } = require('cdk8s-plus-28');

function restrictedUser(uid) {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsGroup: uid,
    runAsNonRoot: true,
    runAsUser: uid,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

const app = new App(process.argv[2] ? { outdir: process.argv[2] } : {});
const chart = new Chart(app, 'blog');

new k8s.KubePod(chart, 'Pod', {
  metadata: {
    name: 'pooh-db-nginx-pod',
    labels: { app: 'pooh-db-nginx-app', 'cdk8s.io/metadata.addr': 'blog-Pod-c80b13b0' },
  },
  spec: {
    automountServiceAccountToken: false,
    containers: [
      {
        name: 'pooh-db-container',
        image: 'mysql:8.4.3',
        imagePullPolicy: 'IfNotPresent',
        env: [
          {
            name: 'MYSQL_ROOT_PASSWORD',
            valueFrom: { secretKeyRef: { name: 'pooh-db-secret', key: 'mysql-root-password' } },
          },
        ],
        ports: [{ containerPort: 3306 }],
        resources: {
          limits: { cpu: k8s.Quantity.fromString('1000m'), memory: k8s.Quantity.fromString('1024Mi') },
          requests: { cpu: k8s.Quantity.fromString('250m'), memory: k8s.Quantity.fromString('512Mi') },
        },
        securityContext: restrictedUser(999),
        startupProbe: {
          failureThreshold: 30,
          periodSeconds: 10,
          tcpSocket: { port: k8s.IntOrString.fromNumber(3306) },
        },
        volumeMounts: [
          { mountPath: '/var/lib/mysql', name: 'mysql-data' },
          { mountPath: '/var/run/mysqld', name: 'mysql-run' },
          { mountPath: '/tmp', name: 'mysql-tmp' },
        ],
      },
      {
        name: 'pooh-nginx-container',
        image: 'nginx:1.27.3',
        imagePullPolicy: 'IfNotPresent',
        ports: [{ containerPort: 80 }],
        resources: {
          limits: { cpu: k8s.Quantity.fromString('250m'), memory: k8s.Quantity.fromString('128Mi') },
          requests: { cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('32Mi') },
        },
        securityContext: restrictedUser(101),
        startupProbe: { failureThreshold: 3, tcpSocket: { port: k8s.IntOrString.fromNumber(80) } },
        volumeMounts: [
          { mountPath: '/var/cache/nginx', name: 'nginx-cache' },
          { mountPath: '/var/run', name: 'nginx-run' },
          { mountPath: '/tmp', name: 'nginx-tmp' },
        ],
      },
    ],
    dnsPolicy: 'ClusterFirst',
    hostNetwork: false,
    nodeSelector: { hostname: 'worker-node2' },
    restartPolicy: 'Always',
    securityContext: {
      fsGroupChangePolicy: 'Always',
      runAsNonRoot: true,
      sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
    },
    setHostnameAsFqdn: false,
    terminationGracePeriodSeconds: 30,
    volumes: ['mysql-data', 'mysql-run', 'mysql-tmp', 'nginx-cache', 'nginx-run', 'nginx-tmp'].map(name => ({
      name,
      emptyDir: {},
    })),
  },
});

new k8s.KubeService(chart, 'Service', {
  metadata: { name: 'pooh-pod-service', labels: { app: 'pooh-db-nginx-app' } },
  spec: {
    externalIPs: [],
    ports: [
      { name: 'port-1', port: 3306, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(3306) },
      { name: 'port-2', port: 80, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(80) },
    ],
    selector: { app: 'pooh-db-nginx-app' },
    type: 'NodePort',
  },
});

app.synth();
