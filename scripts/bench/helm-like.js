// Writes Helm-like multi-document YAML (what `helm template` prints) for the CLI benchmark:
//   node scripts/bench/helm-like.js <dir> <objects> [objects-per-file]
// Each release is a `# Source:`-headed Service, Deployment and test-hook Pod, with the labels,
// probes, resources and securityContext that charts carry. One release in four leaves its
// securityContext out (as many charts do), so the checks find Pod Security problems to locate.
const fs = require('node:fs');
const path = require('node:path');

function service(r) {
  const nodePort = r.index % 5 === 0;
  return `# Source: ${r.chart}/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: ${r.name}
  namespace: ${r.namespace}
  labels:
${labels(r, 4)}
spec:
  type: ${nodePort ? 'NodePort' : 'ClusterIP'}
  ports:
    - port: 80
      targetPort: http
      protocol: TCP
      name: http${nodePort ? `\n      nodePort: ${30000 + (r.index % 2768)}` : ''}
  selector:
    app.kubernetes.io/name: ${r.chart}
    app.kubernetes.io/instance: ${r.name}
`;
}

function labels(r, indent) {
  const pad = ' '.repeat(indent);
  return [
    `helm.sh/chart: ${r.chart}-1.4.2`,
    `app.kubernetes.io/name: ${r.chart}`,
    `app.kubernetes.io/instance: ${r.name}`,
    'app.kubernetes.io/version: "1.27.3"',
    'app.kubernetes.io/managed-by: Helm',
  ]
    .map(line => pad + line)
    .join('\n');
}

function securityContext(r, indent) {
  if (r.index % 4 === 3) return '';
  const pad = ' '.repeat(indent);
  return `\n${pad}securityContext:
${pad}  allowPrivilegeEscalation: false
${pad}  capabilities:
${pad}    drop:
${pad}    - ALL
${pad}  readOnlyRootFilesystem: true
${pad}  runAsNonRoot: true
${pad}  runAsUser: 1000
${pad}  seccompProfile:
${pad}    type: RuntimeDefault`;
}

function deployment(r) {
  return `# Source: ${r.chart}/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${r.name}
  namespace: ${r.namespace}
  labels:
${labels(r, 4)}
spec:
  replicas: 2
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app.kubernetes.io/name: ${r.chart}
      app.kubernetes.io/instance: ${r.name}
  template:
    metadata:
      annotations:
        checksum/config: 3f1e0c2b9a7d4e5f6a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f
      labels:
${labels(r, 8)}
    spec:
      serviceAccountName: ${r.name}
      containers:
        - name: ${r.chart}
          image: "registry.example.com/${r.chart}:1.27.3"
          imagePullPolicy: IfNotPresent${securityContext(r, 10)}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          env:
            - name: LOG_LEVEL
              value: "info"
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${r.name}-db
                  key: password
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          resources:
            limits:
              cpu: 500m
              memory: 256Mi
            requests:
              cpu: 100m
              memory: 128Mi
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
`;
}

function testPod(r) {
  return `# Source: ${r.chart}/templates/tests/test-connection.yaml
apiVersion: v1
kind: Pod
metadata:
  name: "${r.name}-test-connection"
  namespace: ${r.namespace}
  labels:
${labels(r, 4)}
  annotations:
    "helm.sh/hook": test
spec:
  containers:
    - name: wget
      image: busybox:1.36
      command: ['wget']
      args: ['${r.name}:80']${securityContext(r, 6)}
  restartPolicy: Never
`;
}

const KINDS = [service, deployment, testPod];

/** The YAML of `count` objects, as `helm template` prints them: `---` between documents. */
function helmLike(first, count) {
  const docs = [];
  for (let n = first; n < first + count; n++) {
    const index = Math.floor(n / KINDS.length);
    const release = {
      index,
      name: `web-${index}`,
      chart: `chart${index % 7}`,
      namespace: `team-${index % 13}`,
    };
    docs.push(KINDS[n % KINDS.length](release));
  }
  return `---\n${docs.join('---\n')}`;
}

/** Writes `objects` objects into `dir`, `perFile` per file; returns the file paths. */
function writeHelmLike(dir, objects, perFile = 100) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let first = 0, i = 0; first < objects; first += perFile, i++) {
    const file = path.join(dir, `release-${String(i).padStart(4, '0')}.yaml`);
    fs.writeFileSync(file, helmLike(first, Math.min(perFile, objects - first)));
    files.push(file);
  }
  return files;
}

module.exports = { helmLike, writeHelmLike };

if (require.main === module) {
  const [dir, objects, perFile] = process.argv.slice(2);
  if (!dir || !objects) {
    process.stderr.write('usage: node scripts/bench/helm-like.js <dir> <objects> [objects-per-file]\n');
    process.exit(2);
  }
  writeHelmLike(dir, Number(objects), perFile ? Number(perFile) : undefined);
}
