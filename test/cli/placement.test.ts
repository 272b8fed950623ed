// The options of the scheduling pre-flight and Pod Security in the CLI, in-process (runCli), on
// test/fixtures/cli/placement: two nodes (nodes/two-nodes.yaml), a Pod pinned to the ssd node, a
// NodePort Service, a Deployment of two replicas and one that asks for more cpu than any node has.
import '@microsoft/jest-sarif';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CliIO, runCli } from '../../lib/cli/main';

const fixtures = path.join(__dirname, '..', 'fixtures', 'cli');

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    argv,
    cwd: fixtures,
    env: {},
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => stdin,
  };
  const status = await runCli(io);
  return { status, stdout, stderr };
}

const USAGE =
  "usage: pooh-pod-check [options] <file | folder | ->...\nTry 'pooh-pod-check --help' for more.\n";
const PLACEMENT = ['placement', '--nodes', 'nodes/two-nodes.yaml', '--pod-security', 'privileged'];
const PENDING_REASON =
  '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod..';

/** The pre-flight's problem for the report Deployment, at `requests:` of placement/report.yaml. */
const REPORT_UNSCHEDULABLE = {
  file: 'placement/report.yaml',
  line: 20,
  column: 13,
  severity: 'error',
  rule: 'pod-unschedulable',
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'report',
  field: 'spec.template.spec.containers[0].resources.requests',
  value: { cpu: '4' },
  message: `${PENDING_REASON} Nearest node: node-a (cpu: 4 requested, 2 free of 2 allocatable).`,
  fix: "Lower the Pod's cpu request (4 in total) to at most 2, what node-a has free, or add a node with more cpu.",
};

describe('exit codes of the new options', () => {
  test.each([
    ['--nodes: a Pod left Pending is an error', PLACEMENT, 1],
    [
      '--nodes: an inventory as kubectl get nodes -o json prints it',
      ['placement', '--nodes', 'nodes/two-nodes.json', '--pod-security', 'privileged'],
      1,
    ],
    ['--pod-security-version latest', ['clean', '--pod-security-version', 'latest'], 0],
    ['--pod-security-version v1.30', ['clean', '--pod-security-version', 'v1.30'], 0],
    ['--allow-literal-env', ['clean', '--allow-literal-env', 'TOKEN_LIMIT,API_TOKEN'], 0],
  ])('%s: %j exits %d', async (_case, argv, code) => {
    const { status, stderr } = await run(argv);

    expect({ status, stderr }).toEqual({ status: code, stderr: '' });
  });

  test.each([
    [
      'a Pod Security version that is not "latest" or "v1.N"',
      ['clean', '--pod-security-version', '1.28'],
      `pooh-pod-check: --pod-security-version must be "latest" or "v1.N", as the pod-security.kubernetes.io/enforce-version label (got "1.28")\n${USAGE}`,
    ],
    [
      'an empty env var name',
      ['clean', '--allow-literal-env', ''],
      `pooh-pod-check: --allow-literal-env must be a list of non-empty strings (got [""])\n${USAGE}`,
    ],
    [
      '--topology without --nodes',
      ['placement', '--topology', 'topology.md'],
      `pooh-pod-check: --topology needs --nodes: the diagram shows where the Pods land on the nodes\n${USAGE}`,
    ],
    [
      'an inventory that does not exist',
      ['placement', '--nodes', 'nodes/missing.yaml'],
      'pooh-pod-check: --nodes: nodes/missing.yaml: no such file or directory\n',
    ],
    [
      'an inventory with a quantity that does not parse',
      ['placement', '--nodes', 'nodes/bad-quantity.yaml'],
      `pooh-pod-check: --nodes: nodes/bad-quantity.yaml: items[0] (node "node-a"): status.allocatable[cpu]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (got "2 cores")\n`,
    ],
    [
      'an inventory of something else than Nodes',
      ['placement', '--nodes', 'nodes/not-nodes.yaml'],
      'pooh-pod-check: --nodes: nodes/not-nodes.yaml: the document: expected a v1 Node (apiVersion "v1", kind "Node"), got "v1"/"Pod"\n',
    ],
  ])('fails with 2 on %s', async (_case, argv, stderr) => {
    expect(await run(argv)).toEqual({ status: 2, stdout: '', stderr });
  });

  test('--allow-literal-env lets a credential-like env var hold a literal', async () => {
    const rules = async (...extra: string[]) =>
      JSON.parse((await run(['app', '-f', 'json', ...extra])).stdout).problems.map(
        (p: { rule: string }) => p.rule,
      );

    expect(await rules()).toContain('literal-credential');
    expect(await rules('--allow-literal-env', 'API_TOKEN')).not.toContain('literal-credential');
  });

  test('--pod-security-version checks at the version given', async () => {
    const messages = async (version: string) =>
      JSON.parse((await run(['app', '-f', 'json', '--pod-security-version', version])).stdout)
        .problems.filter((p: { rule: string }) => p.rule.startsWith('pod-security/'))
        .map((p: { message: string }) => /^violates PodSecurity "[^"]+"/.exec(p.message)?.[0]);

    expect(await messages('v1.25')).toEqual(['violates PodSecurity "restricted:v1.25"']);
    expect(await messages('latest')).toEqual(['violates PodSecurity "restricted:latest"']);
  });
});

describe('placement output', () => {
  test('text: the problems, then where each Pod lands, Pending Pods with the reason, then each node', async () => {
    expect(await run(PLACEMENT)).toEqual({
      status: 1,
      stdout: [
        'placement/report.yaml',
        '  Deployment shop/report',
        `    placement/report.yaml:20:13  error    pod-unschedulable  spec.template.spec.containers[0].resources.requests: ${PENDING_REASON} Nearest node: node-a (cpu: 4 requested, 2 free of 2 allocatable). (got {"cpu":"4"})`,
        "      fix: Lower the Pod's cpu request (4 in total) to at most 2, what node-a has free, or add a node with more cpu.",
        '',
        'Placement on 2 nodes: 3 Pods placed, 1 Pending',
        '  NODE     POD            KIND        CPU   MEMORY',
        '  node-a   shop/api-0     Deployment  250m  128Mi',
        '  node-a   shop/api-1     Deployment  250m  128Mi',
        '  node-b   shop/web       Pod         500m  256Mi',
        '  Pending  shop/report-0  Deployment  4     -',
        `           ${PENDING_REASON}`,
        '',
        '  NODE    PODS      CPU        MEMORY',
        '  node-a  2 of 110  500m of 2  256Mi of 4Gi',
        '  node-b  1 of 110  500m of 1  256Mi of 2Gi',
        '',
        '1 error and 0 warnings in 4 objects (2 files)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('text: no placement table without --nodes', async () => {
    const { stdout } = await run(['placement', '--pod-security', 'privileged']);

    expect(stdout).toBe('No problems in 4 objects (2 files)\n');
  });

  test('json: the placement member, the Placement of placePods', async () => {
    const { status, stdout } = await run([...PLACEMENT, '--format', 'json']);

    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      version: 1,
      tool: {
        name: 'pooh-pod-check',
        version: '0.1.0',
        informationUri: 'https://www.npmjs.com/package/pooh-pod-constructs',
      },
      summary: { files: 2, objects: 4, errors: 1, warnings: 0, skipped: 0 },
      problems: [REPORT_UNSCHEDULABLE],
      placement: {
        pods: [
          // Objects are counted in file order: report.yaml (0), then shop.yaml's Pod (1), Service (2), Deployment (3).
          {
            index: 1,
            kind: 'Pod',
            namespace: 'shop',
            name: 'web',
            replica: 0,
            pod: 'web',
            node: 'node-b',
            requests: { cpu: '500m', memory: '256Mi' },
          },
          {
            index: 3,
            kind: 'Deployment',
            namespace: 'shop',
            name: 'api',
            replica: 0,
            pod: 'api-0',
            node: 'node-a',
            requests: { cpu: '250m', memory: '128Mi' },
          },
          {
            index: 3,
            kind: 'Deployment',
            namespace: 'shop',
            name: 'api',
            replica: 1,
            pod: 'api-1',
            node: 'node-a',
            requests: { cpu: '250m', memory: '128Mi' },
          },
          {
            index: 0,
            kind: 'Deployment',
            namespace: 'shop',
            name: 'report',
            replica: 0,
            pod: 'report-0',
            node: null,
            requests: { cpu: '4' },
            reason: PENDING_REASON,
          },
        ],
        nodes: [
          {
            node: 'node-a',
            allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
            requested: { cpu: '500m', memory: '256Mi', pods: '2' },
            free: { cpu: '1500m', memory: '3840Mi', pods: '108' },
            pods: ['api-0', 'api-1'],
          },
          {
            node: 'node-b',
            allocatable: { cpu: '1', memory: '2Gi', pods: '110' },
            requested: { cpu: '500m', memory: '256Mi', pods: '1' },
            free: { cpu: '500m', memory: '1792Mi', pods: '109' },
            pods: ['web'],
          },
        ],
      },
    });
  });

  test('json: no placement member without --nodes', async () => {
    const { stdout } = await run(['placement', '--pod-security', 'privileged', '-f', 'json']);

    expect(Object.keys(JSON.parse(stdout))).toEqual(['version', 'tool', 'summary', 'problems']);
  });

  test('sarif: the pre-flight problem as a result at its line and column, and nothing else', async () => {
    const withNodes = JSON.parse((await run([...PLACEMENT, '-f', 'sarif'])).stdout);

    expect(withNodes).toBeValidSarifLog();
    expect(Object.keys(withNodes)).toEqual(['$schema', 'version', 'runs']);
    expect(withNodes.runs[0].results.map((r: any) => [r.ruleId, r.locations[0].physicalLocation])).toEqual([
      [
        'pod-unschedulable',
        {
          artifactLocation: { uri: 'placement/report.yaml', uriBaseId: '%SRCROOT%', index: 0 },
          region: { startLine: 20, startColumn: 13 },
        },
      ],
    ]);
  });
});

describe('pre-flight problems carry file, line and column', () => {
  const DB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      nodeSelector:
        disk: nvme
      containers:
        - name: db
          image: postgres:16.4
`;
  const agent = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: agent
      image: busybox:1.36
      ports:
        - containerPort: 9100
          hostPort: 9100
`;

  test.each([
    [
      'a nodeSelector no node matches',
      DB,
      ['<stdin>:12:7 pod-unschedulable spec.template.spec.nodeSelector'],
    ],
    [
      'three Pods binding one host port on two nodes',
      [agent('a1'), agent('a2'), agent('a3')].join('---\n'),
      ['<stdin>:35:11 pods-do-not-fit-together spec.containers[0].ports[0].hostPort'],
    ],
  ])('%s', async (_case, yaml, places) => {
    const { stdout } = await run(
      ['-', '--nodes', 'nodes/two-nodes.yaml', '--pod-security', 'privileged', '-f', 'json'],
      yaml,
    );

    expect(
      JSON.parse(stdout).problems.map((p: any) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.field}`),
    ).toEqual(places);
  });
});

describe('--topology', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-topology-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const DIAGRAM = [
    'flowchart LR',
    '  client([client outside the cluster<br/>curl node-ip:node-port])',
    '  subgraph cluster[Kubernetes cluster]',
    '    np0[NodePort on node-a]',
    '    np1[NodePort on node-b]',
    '    svc0[Service web<br/>type NodePort<br/>selector app=web]',
    '    subgraph n0[node-a]',
    '      subgraph p1[Pod api-0]',
    '        p1c0[api<br/>api]',
    '      end',
    '      subgraph p2[Pod api-1]',
    '        p2c0[api<br/>api]',
    '      end',
    '    end',
    '    subgraph n1[node-b · label disk=ssd]',
    '      subgraph p0[Pod web]',
    '        p0c0[web<br/>nginx :8080]',
    '      end',
    '    end',
    '    subgraph pending[Pending · no node takes them]',
    '      subgraph p3[Pod report-0]',
    '        p3c0[report<br/>report]',
    '      end',
    '    end',
    '  end',
    '  client --> np0 & np1',
    '  np0 -->|30080| svc0',
    '  np1 -->|30080| svc0',
    '  svc0 -->|80→8080| p0c0',
    '',
  ].join('\n');

  test.each([
    ['topology.md', `\`\`\`mermaid\n${DIAGRAM}\`\`\`\n`],
    ['topology.MD', `\`\`\`mermaid\n${DIAGRAM}\`\`\`\n`],
    ['topology.mmd', DIAGRAM],
  ])(
    'writes %s: the Mermaid diagram of nodes, Pods, containers, Services and node ports',
    async (name, text) => {
      const file = path.join(dir, name);

      const { status, stderr } = await run([...PLACEMENT, '--topology', file]);

      expect({ status, stderr }).toEqual({ status: 1, stderr: '' });
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
      // Written atomically: a temporary file beside it, renamed over it, nothing left behind.
      expect(fs.readdirSync(dir)).toEqual([name]);
    },
  );

  test('replaces an earlier diagram', async () => {
    const file = path.join(dir, 'topology.mmd');
    fs.writeFileSync(file, 'old');

    await run([...PLACEMENT, '--topology', file]);

    expect(fs.readFileSync(file, 'utf8')).toBe(DIAGRAM);
  });

  test('fails with 2 when the diagram cannot be written, naming the file', async () => {
    const { status, stdout, stderr } = await run([...PLACEMENT, '--topology', 'no/such/folder/topology.md']);

    expect({ status, stdout, stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: 'pooh-pod-check: cannot write no/such/folder/topology.md: ENOENT\n',
    });
  });
});
