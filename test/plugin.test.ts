// The plugin against cdk8s-cli's own ValidationContext and report (the classes `cdk8s synth`
// hands a plugin), over manifest files in a temp folder. test/plugin-cdk8s.test.ts runs it inside
// a real `cdk8s synth`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Validation } from 'cdk8s-cli/plugins';
import { ValidationContext } from 'cdk8s-cli/plugins';
import { PoohPodValidation, type PoohPodValidationProps } from '../lib';

// Compile-time: what the package declares fits cdk8s-cli's plugin contract.
const _contract: Validation = new PoohPodValidation();
void _contract;

const POD_TWO_CONTAINERS_ON_80 = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers:
    - { name: a, image: "nginx:1.27.3", ports: [{ containerPort: 80 }] }
    - { name: b, image: "nginx:1.27.3", ports: [{ containerPort: 80 }] }
`;

const SERVICE_NODE_PORT_99999 = `apiVersion: v1
kind: Service
metadata:
  name: web-svc
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, nodePort: 99999 }]
`;

const POD_DEPRECATED_SELECTOR = `apiVersion: v1
kind: Pod
metadata:
  name: old
spec:
  nodeSelector: { beta.kubernetes.io/os: linux }
  containers:
    - { name: a, image: "nginx:1.27.3" }
`;

const GOOD_POD = `apiVersion: v1
kind: Pod
metadata:
  name: fine
spec:
  containers:
    - { name: a, image: "nginx:1.27.3", ports: [{ containerPort: 8080 }] }
`;

const NODE_PORT_MESSAGE =
  "error: provided port is not in the valid range. The range of valid ports is 30000-32767 (the node port allocator's range, set by kube-apiserver --service-node-port-range) (got 99999)";

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Writes the files, runs the plugin as `cdk8s synth` does, returns the report as JSON. */
async function validate(
  files: Record<string, string>,
  props: PoohPodValidationProps = { podSecurity: 'privileged' },
  metadata: Record<string, { path: string }> = {},
) {
  const manifests = Object.entries(files).map(([name, text]) => {
    const file = path.join(work, name);
    fs.writeFileSync(file, text);
    return file;
  });
  const context = new ValidationContext(manifests, 'pooh-pod-constructs', '0.1.0', metadata, false);
  await new PoohPodValidation(props).validate(context);
  return { report: context.report.toJson(), success: context.report.success };
}

describe('PoohPodValidation', () => {
  test('fails with one violation per problem: rule id, severity and message, fix, field path, file, object', async () => {
    const { report, success } = await validate({
      'app.k8s.yaml': `${POD_TWO_CONTAINERS_ON_80}---\n${SERVICE_NODE_PORT_99999}`,
    });

    expect(success).toBe(false);
    const file = path.join(work, 'app.k8s.yaml');
    expect(report.violations).toEqual([
      {
        ruleName: 'pod-container-port-conflict',
        recommendation:
          'error: containers "a" and "b" both listen on port 80/TCP; containers of a Pod share one network namespace, so only one of them can bind it (got 80)',
        fix: 'Move one of the two containers to a different port, or run them in separate Pods.',
        violatingConstructs: [
          {
            resourceName: 'web',
            locations: ['spec.containers[1].ports[0].containerPort'],
            manifestPath: file,
            constructPath: undefined,
          },
        ],
      },
      {
        ruleName: 'service-node-port-out-of-range',
        recommendation: NODE_PORT_MESSAGE,
        fix: 'Pick a nodePort between 30000 and 32767, or omit it to let the cluster allocate one.',
        violatingConstructs: [
          {
            resourceName: 'web-svc',
            locations: ['spec.ports[0].nodePort'],
            manifestPath: file,
            constructPath: undefined,
          },
        ],
      },
    ]);
    expect(report.summary).toEqual({
      status: 'failure',
      plugin: 'pooh-pod-constructs',
      version: '0.1.0',
      metadata: {
        Errors: '2',
        Warnings: '0',
        'Pod Security': 'privileged',
        'Pod Security Version': 'v1.28 and latest',
        'Node Port Range': '30000-32767',
      },
    });
  });

  test('fails naming the construct path cdk8s recorded for the object', async () => {
    const { report } = await validate({ 'svc.k8s.yaml': SERVICE_NODE_PORT_99999 }, undefined, {
      'web-svc': { path: 'shop/Web/Service' },
    });

    expect(report.violations.map(v => v.violatingConstructs[0].constructPath)).toEqual(['shop/Web/Service']);
  });

  test('fails without a construct path when two objects share the name cdk8s records paths by', async () => {
    const service = SERVICE_NODE_PORT_99999.replace('name: web-svc', 'name: web');
    const { report } = await validate(
      { 'app.k8s.yaml': `${POD_TWO_CONTAINERS_ON_80}---\n${service}` },
      undefined,
      {
        web: { path: 'shop/Web/Service' },
      },
    );

    expect(report.violations.map(v => v.violatingConstructs[0])).toEqual([
      expect.objectContaining({ resourceName: 'Pod/web', constructPath: undefined }),
      expect.objectContaining({ resourceName: 'Service/web', constructPath: undefined }),
    ]);
  });

  test('reads every file and every document, and names each file', async () => {
    const { report } = await validate({
      'a.k8s.yaml': `---\n${POD_TWO_CONTAINERS_ON_80}---\n`,
      'b.k8s.yaml': SERVICE_NODE_PORT_99999,
    });

    expect(report.violations.map(v => [v.ruleName, v.violatingConstructs[0].manifestPath])).toEqual([
      ['pod-container-port-conflict', path.join(work, 'a.k8s.yaml')],
      ['service-node-port-out-of-range', path.join(work, 'b.k8s.yaml')],
    ]);
  });

  test('passes with warnings listed', async () => {
    const { report, success } = await validate({ 'old.k8s.yaml': POD_DEPRECATED_SELECTOR });

    expect(success).toBe(true);
    expect(report.violations).toEqual([
      expect.objectContaining({
        ruleName: 'node-selector-label-deprecated',
        recommendation: 'warning: deprecated since v1.14; use "kubernetes.io/os" instead (got "linux")',
        fix: 'Replace nodeSelector key "beta.kubernetes.io/os" with "kubernetes.io/os".',
      }),
    ]);
    expect(report.summary.metadata).toMatchObject({ Errors: '0', Warnings: '1' });
  });

  test('passes with nothing listed when a suppressed warning is the only problem', async () => {
    const { report, success } = await validate(
      { 'old.k8s.yaml': POD_DEPRECATED_SELECTOR },
      { podSecurity: 'privileged', suppress: ['node-selector-label-deprecated'] },
    );

    expect(success).toBe(true);
    expect(report.violations).toEqual([]);
  });

  test('passes a good app, and an app without objects', async () => {
    const good = await validate({ 'fine.k8s.yaml': GOOD_POD });
    const empty = await validate({ 'empty.k8s.yaml': '' });

    expect([good.success, empty.success]).toEqual([true, true]);
    expect([good.report.violations, empty.report.violations]).toEqual([[], []]);
  });

  test('ignores objects the checks do not know, such as a Kustomization', async () => {
    const kustomization =
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n';

    const { success, report } = await validate({ 'kustomization.yaml': kustomization });

    expect(success).toBe(true);
    expect(report.violations).toEqual([]);
  });

  test('fails on a document that is not valid YAML, and still checks the others', async () => {
    const { report, success } = await validate({
      'bad.k8s.yaml': 'kind: Pod\nmetadata: { name: [unclosed\n',
      'svc.k8s.yaml': SERVICE_NODE_PORT_99999,
    });

    expect(success).toBe(false);
    // Read as pooh-pod-check reads it: every syntax error of the document, at its position.
    const bad = {
      fix: 'Correct the YAML at this position: kubectl cannot read this document either',
      violatingConstructs: [
        {
          resourceName: '',
          locations: [],
          manifestPath: path.join(work, 'bad.k8s.yaml'),
          constructPath: undefined,
        },
      ],
    };
    expect(report.violations.slice(0, 2)).toEqual([
      {
        ruleName: 'yaml-syntax-error',
        recommendation:
          'error: the file is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 3, column 1)',
        ...bad,
      },
      {
        ruleName: 'yaml-syntax-error',
        recommendation:
          'error: the file is not valid YAML: Flow map in block collection must be sufficiently indented and end with a } (line 3, column 1)',
        ...bad,
      },
    ]);
    expect(report.violations.map(v => [v.ruleName, v.violatingConstructs[0].manifestPath])[2]).toEqual([
      'service-node-port-out-of-range',
      path.join(work, 'svc.k8s.yaml'),
    ]);
    expect(report.summary.metadata).toMatchObject({ Errors: '3', Warnings: '0' });
  });

  test('reads YAML as kubectl does (YAML 1.1), and the items of a kind: List as objects', async () => {
    // `on` is a boolean in YAML 1.1 (a string in YAML 1.2): hostNetwork true fails baseline Pod Security.
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      ...SERVICE_NODE_PORT_99999.trimEnd()
        .split('\n')
        .map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`)),
      '',
    ].join('\n');
    const pod = GOOD_POD.replace('spec:\n', 'spec:\n  hostNetwork: on\n');

    const { report } = await validate(
      { 'list.k8s.yaml': list, 'pod.k8s.yaml': pod },
      { podSecurity: 'baseline' },
    );

    expect(report.violations.map(v => [v.ruleName, v.violatingConstructs[0].locations[0]])).toEqual([
      ['service-node-port-out-of-range', 'spec.ports[0].nodePort'],
      ['pod-security/hostNamespaces', 'spec.hostNetwork'],
      // Under hostNetwork the API server defaults hostPort to the containerPort.
      ['pod-security/hostPorts', 'spec.containers[0].ports[0].hostPort'],
    ]);
  });

  describe('properties', () => {
    test('podSecurity defaults to restricted, and fails a Pod that does not meet it', async () => {
      const { report, success } = await validate({ 'fine.k8s.yaml': GOOD_POD }, {});

      expect(success).toBe(false);
      expect(report.violations.map(v => v.ruleName)).toEqual([
        'pod-security/allowPrivilegeEscalation',
        'pod-security/capabilities_restricted',
        'pod-security/runAsNonRoot',
        'pod-security/seccompProfile_restricted',
      ]);
      expect(report.violations[0]).toEqual({
        ruleName: 'pod-security/allowPrivilegeEscalation',
        recommendation:
          'error: violates PodSecurity "restricted:v1.28": allowPrivilegeEscalation != false (container "a" must set securityContext.allowPrivilegeEscalation=false)',
        fix: expect.any(String),
        violatingConstructs: [
          expect.objectContaining({
            locations: ['spec.containers[0].securityContext.allowPrivilegeEscalation'],
          }),
        ],
      });
      expect(report.summary.metadata).toMatchObject({ 'Pod Security': 'restricted' });
    });

    test('podSecurityVersion checks at the version a namespace label pins', async () => {
      const { report } = await validate({ 'fine.k8s.yaml': GOOD_POD }, { podSecurityVersion: 'v1.25' });

      expect(report.violations[0].recommendation).toBe(
        'error: violates PodSecurity "restricted:v1.25": allowPrivilegeEscalation != false (container "a" must set securityContext.allowPrivilegeEscalation=false)',
      );
      expect(report.summary.metadata).toMatchObject({ 'Pod Security Version': 'v1.25' });
    });

    test('nodePortRange as "MIN-MAX" or { min, max } widens the allowed node ports', async () => {
      const asText = await validate(
        { 'svc.k8s.yaml': SERVICE_NODE_PORT_99999.replace('99999', '40000') },
        { nodePortRange: '30000-40000' },
      );
      const asObject = await validate(
        { 'svc.k8s.yaml': SERVICE_NODE_PORT_99999.replace('99999', '40001') },
        { nodePortRange: { min: 30000, max: 40000 } },
      );

      expect(asText.success).toBe(true);
      expect(asText.report.summary.metadata).toMatchObject({ 'Node Port Range': '30000-40000' });
      expect(asObject.success).toBe(false);
      expect(asObject.report.violations[0].recommendation).toBe(
        "error: provided port is not in the valid range. The range of valid ports is 30000-40000 (the node port allocator's range, set by kube-apiserver --service-node-port-range) (got 40001)",
      );
    });

    test('nodes runs the scheduling pre-flight against the inventory file', async () => {
      const pod = GOOD_POD.replace('spec:\n', 'spec:\n  nodeSelector: { disk: ssd }\n');
      const nodes = path.join(__dirname, '..', 'examples', 'blog-cluster.nodes.yaml');

      const { report, success } = await validate(
        { 'pod.k8s.yaml': pod },
        { podSecurity: 'privileged', nodes },
      );

      expect(success).toBe(false);
      expect(report.violations).toEqual([
        {
          ruleName: 'pod-unschedulable',
          recommendation:
            'error: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.. Nearest node: worker-node1 (missing label disk=ssd). (got {"disk":"ssd"})',
          fix: 'Label a node: kubectl label nodes worker-node1 disk=ssd, or change spec.nodeSelector.',
          violatingConstructs: [
            {
              resourceName: 'fine',
              locations: ['spec.nodeSelector'],
              manifestPath: path.join(work, 'pod.k8s.yaml'),
              constructPath: undefined,
            },
          ],
        },
      ]);
      expect(report.summary.metadata).toMatchObject({ Nodes: 'control-plane, worker-node1, worker-node2' });
    });

    test('allowLiteralEnv lets a credential-like env var hold a literal', async () => {
      const pod = GOOD_POD.replace(
        'ports: [{ containerPort: 8080 }]',
        'env: [{ name: TOKEN_LIMIT, value: "5" }]',
      );

      const denied = await validate({ 'pod.k8s.yaml': pod });
      const allowed = await validate(
        { 'pod.k8s.yaml': pod },
        { podSecurity: 'privileged', allowLiteralEnv: ['TOKEN_LIMIT'] },
      );

      expect(denied.report.violations.map(v => v.ruleName)).toEqual(['literal-credential']);
      expect(allowed.report.violations).toEqual([]);
    });

    test.each([
      [
        { podsecurity: 'baseline' },
        'pooh-pod-constructs validation plugin properties: unknown option "podsecurity"; known options: podSecurity, podSecurityVersion, nodePortRange, suppress, allowLiteralEnv, nodes',
      ],
      [
        { podSecurity: 'strict' },
        'pooh-pod-constructs validation plugin properties: podSecurity must be one of "privileged", "baseline", "restricted" (got "strict")',
      ],
      [
        { podSecurityVersion: '1.28' },
        'pooh-pod-constructs validation plugin properties: podSecurityVersion must be "latest" or "v1.N", as the pod-security.kubernetes.io/enforce-version label (got "1.28")',
      ],
      [
        { nodePortRange: '40000-30000' },
        'pooh-pod-constructs validation plugin properties: nodePortRange must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "40000-30000")',
      ],
      [
        { suppress: 'node-selector-label-deprecated' },
        'pooh-pod-constructs validation plugin properties: suppress must be a list of non-empty strings (got "node-selector-label-deprecated")',
      ],
    ])('fails to load with %j', (props, message) => {
      expect(() => new PoohPodValidation(props as PoohPodValidationProps)).toThrow(message);
    });
  });
});
