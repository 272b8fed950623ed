// A tiny loopback "API server" that answers only Kubernetes API discovery, so that
// `kubectl expose ... --dry-run=client` can run offline (kubectl needs discovery to map
// the input file's kind to a resource; nothing is ever created).
//
// Served: /api (APIVersions), /apis (APIGroupList: apps and batch), /api/v1 (pods, services,
// secrets, namespaces, nodes), /apis/apps/v1 (deployments, statefulsets, daemonsets, replicasets)
// and /apis/batch/v1 (jobs, cronjobs), and the objects given to `startDiscoveryStub({ objects })`
// by GET at their path (e.g. /api/v1/nodes/worker-node2, for `kubectl label nodes --dry-run=client`,
// which reads the node first). Everything else gets a 404 Status, including:
//  - /version: the Google Cloud SDK kubectl is a "dispatcher" that asks /version first and, if
//    the server reports another minor version, re-executes a bundled kubectl.1.NN instead.
//    A 404 keeps it on its built-in client, i.e. the one `kubectl version --client` reports.
//  - /openapi/*: not requested by `expose --dry-run=client`.
//
// Usage as a module: `const stub = await startDiscoveryStub(); ...; await stub.close();`
// Standalone (for debugging): `node scripts/kubectl-discovery-stub.js` prints the URL; Ctrl-C stops it.
const http = require('node:http');

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** An APIResourceList: [plural, Kind, shortNames, namespaced (default true)]. */
function resourceList(groupVersion, resources) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: resources.map(([name, kind, shortNames, namespaced = true]) => ({
      name,
      singularName: kind.toLowerCase(),
      namespaced,
      kind,
      verbs: VERBS,
      ...(shortNames.length > 0 ? { shortNames } : {}),
      ...(namespaced ? { categories: ['all'] } : {}),
    })),
  };
}

const CORE_V1_RESOURCES = resourceList('v1', [
  ['pods', 'Pod', ['po']],
  ['services', 'Service', ['svc']],
  // `kubectl create secret` in the README's deploy steps.
  ['secrets', 'Secret', []],
  // `kubectl apply -f dist/` creates the shop chart's Namespace.
  ['namespaces', 'Namespace', ['ns'], false],
  // `kubectl label nodes` in the README's deploy steps.
  ['nodes', 'Node', ['no'], false],
]);

const APPS_V1_RESOURCES = resourceList('apps/v1', [
  ['deployments', 'Deployment', ['deploy']],
  ['statefulsets', 'StatefulSet', ['sts']],
  ['daemonsets', 'DaemonSet', ['ds']],
  ['replicasets', 'ReplicaSet', ['rs']],
]);

const BATCH_V1_RESOURCES = resourceList('batch/v1', [
  ['jobs', 'Job', []],
  ['cronjobs', 'CronJob', ['cj']],
]);

/** An APIGroup with one version, as /apis lists it. */
function group(name) {
  const version = { groupVersion: `${name}/v1`, version: 'v1' };
  return { name, versions: [version], preferredVersion: version };
}

/** Builds the discovery documents; `/api` advertises the stub's own address. */
function discoveryDocuments(address) {
  return {
    '/api': {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: address }],
    },
    '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [group('apps'), group('batch')] },
    '/api/v1': CORE_V1_RESOURCES,
    '/apis/apps/v1': APPS_V1_RESOURCES,
    '/apis/batch/v1': BATCH_V1_RESOURCES,
  };
}

const NOT_FOUND = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'the server could not find the requested resource',
  reason: 'NotFound',
  details: {},
  code: 404,
};

/** The API path of a cluster-scoped or namespaced v1 object, e.g. /api/v1/nodes/worker-node2. */
function objectPath(object) {
  const plural = `${object.kind.toLowerCase()}s`;
  const namespace = object.metadata.namespace;
  return namespace === undefined
    ? `/api/v1/${plural}/${object.metadata.name}`
    : `/api/v1/namespaces/${namespace}/${plural}/${object.metadata.name}`;
}

/**
 * Starts the stub on 127.0.0.1 with an OS-assigned port; `objects` (core v1 objects such as
 * Nodes) are served at their API path. Resolves to { url, requests, close } where `requests`
 * lists "METHOD path -> status" lines and `close()` resolves once the server and all its
 * connections are closed.
 */
function startDiscoveryStub({ objects = [] } = {}) {
  const requests = [];
  let documents = {};
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url || '/', 'http://stub').pathname;
    const body = req.method === 'GET' ? documents[pathname] : undefined;
    const status = body ? 200 : 404;
    requests.push(`${req.method} ${req.url} -> ${status}`);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body || NOT_FOUND));
  });
  server.requestTimeout = 5000;
  server.headersTimeout = 5000;
  server.keepAliveTimeout = 1000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { address, port } = server.address();
      documents = discoveryDocuments(`${address}:${port}`);
      for (const object of objects) documents[objectPath(object)] = object;
      let closing;
      const close = () => {
        if (!closing) {
          closing = new Promise(done => {
            server.close(() => done());
            server.closeAllConnections();
          });
        }
        return closing;
      };
      resolve({ url: `http://${address}:${port}`, port, requests, close });
    });
  });
}

module.exports = { startDiscoveryStub };

if (require.main === module) {
  startDiscoveryStub().then(
    stub => {
      console.log(stub.url);
      const stop = () => {
        console.error(stub.requests.join('\n'));
        stub.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    error => {
      console.error(`kubectl-discovery-stub: ${error.message}`);
      process.exit(1);
    },
  );
}
