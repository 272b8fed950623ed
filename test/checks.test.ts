import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { checkAll, configureChecks, MultiContainerPod, NodePinnedPod } from '../lib';

type Manifest = Record<string, any>;

const web = { name: 'web', image: 'nginx:1.27.3', portNumber: 8080 };

function synthError(chart: Chart): string {
  try {
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the synth to fail');
}

describe('synth-time checks on this package constructs', () => {
  test('fails with every problem of the app at once, each with construct path, field, value and fix', () => {
    // GIVEN a Pod with a bad env name, a port clash, a literal password and a privileged container
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', {
      metadata: { labels: { app: 'x' } },
      containers: [
        {
          name: 'a',
          image: 'nginx:1.27.3',
          portNumber: 80,
          envVariables: {
            '1BAD': kplus.EnvValue.fromValue('x'),
            DB_PASSWORD: kplus.EnvValue.fromValue('hunter2'),
          },
        },
        { name: 'b', image: 'nginx:1.27.3', portNumber: 80, securityContext: { privileged: true } },
      ],
    });
    // AND a Service whose nodePort is out of range
    pod.exposeViaNodePort({ ports: [{ port: 80, nodePort: 99999 }] });

    // WHEN synthesized THEN every problem is listed
    expect(synthError(chart)).toBe(
      [
        'Validation failed with the following errors:',
        `  [test/Pod] spec.containers[0].env[0].name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*') (got "1BAD"). Fix: Rename the variable to letters, digits, '_', '-' or '.', not starting with a digit or '..'.`,
        '  [test/Pod] spec.containers[1].ports[0].containerPort: containers "a" and "b" both listen on port 80/TCP; containers of a Pod share one network namespace, so only one of them can bind it (got 80). Fix: Move one of the two containers to a different port, or run them in separate Pods.',
        `  [test/Pod] spec.containers[0].env[1].value: env var "DB_PASSWORD" of container "a" looks like a credential, and its literal value would be stored in plain text in the manifest (got "<redacted, 7 chars>"). Fix: use valueFrom.secretKeyRef (kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(scope, 'Id', 'my-secret'), key: 'db-password' })), or list "DB_PASSWORD" in allowLiteralEnv if it is not a secret`,
        '  [test/Pod] spec.containers[1].securityContext.privileged: violates PodSecurity "restricted:v1.28": privileged (container "b" must not set securityContext.privileged=true). Fix: Remove securityContext.privileged or set it to false, and add only the specific capabilities the container needs.',
        "  [test/Pod/NodePortService] spec.ports[0].nodePort: provided port is not in the valid range. The range of valid ports is 30000-32767 (the node port allocator's range, set by kube-apiserver --service-node-port-range) (got 99999). Fix: Pick a nodePort between 30000 and 32767, or omit it to let the cluster allocate one.",
      ].join('\n'),
    );
  });

  test('a clean Pod and Service synthesize with all checks on', () => {
    const chart = Testing.chart();
    new NodePinnedPod(chart, 'Pod', { containers: [web], nodeSelector: { hostname: 'a' } }).exposeViaNodePort(
      {
        ports: [{ port: 8080, nodePort: 30000 }],
      },
    );

    expect(Testing.synth(chart)).toHaveLength(2);
  });

  test('fails when two Services of the app claim one nodePort, reported once, on the second Service', () => {
    const app = Testing.app();
    for (const id of ['one', 'two']) {
      const chart = new Chart(app, id, { namespace: id });
      new MultiContainerPod(chart, 'Pod', { containers: [web] }).exposeViaNodePort({
        name: id,
        ports: [{ port: 8080, nodePort: 30080 }],
      });
    }

    expect(() => app.synthYaml()).toThrow(
      'Validation failed with the following errors:\n' +
        '  [two/Pod/NodePortService-two] spec.ports[0].nodePort: provided port is already allocated: nodePort 30080/TCP is claimed by Service "one/one" (spec.ports[0]) and Service "two/two"; node ports are cluster-wide, so only one Service can hold it (got 30080). Fix: Give Service "two/two" a different nodePort, or omit it to let the cluster allocate one.',
    );
  });

  test('the nodePort range is configurable per chart, for clusters that change the flag', () => {
    const chart = Testing.chart();
    configureChecks(chart, { nodePortRange: { min: 20000, max: 22767 } });
    new MultiContainerPod(chart, 'Pod', { containers: [web] }).exposeViaNodePort({
      ports: [{ port: 8080, nodePort: 20000 }],
    });

    expect(Testing.synth(chart)).toHaveLength(2);
  });

  test('fails with the configured nodePort range in the message', () => {
    const chart = Testing.chart();
    configureChecks(chart, { nodePortRange: { min: 20000, max: 22767 } });
    new MultiContainerPod(chart, 'Pod', { containers: [web] }).exposeViaNodePort({
      ports: [{ port: 8080, nodePort: 30000 }],
    });

    expect(synthError(chart)).toContain('The range of valid ports is 20000-22767');
  });

  describe('Pod Security level', () => {
    const privileged = { ...web, securityContext: { privileged: true, allowPrivilegeEscalation: true } };

    test('fails a Pod that breaks the default level, restricted', () => {
      const chart = Testing.chart();
      new MultiContainerPod(chart, 'Pod', {
        containers: [{ ...web, securityContext: { ensureNonRoot: false } }],
      });

      expect(synthError(chart)).toBe(
        'Validation failed with the following errors:\n' +
          '  [test/Pod] spec.containers[0].securityContext.runAsNonRoot: violates PodSecurity "restricted:v1.28": runAsNonRoot != true (container "web" must not set securityContext.runAsNonRoot=false). Fix: Set securityContext.runAsNonRoot to true (never false) and run the image as a non-root user.',
      );
    });

    test('a prop lowers the level for one Pod', () => {
      const chart = Testing.chart();
      new MultiContainerPod(chart, 'Pod', { containers: [privileged], podSecurity: 'privileged' });

      expect(Testing.synth(chart)).toHaveLength(1);
    });

    test('configureChecks sets the level for a whole chart; the Pod prop wins over it', () => {
      const chart = Testing.chart();
      configureChecks(chart, { podSecurity: 'privileged' });
      new MultiContainerPod(chart, 'Loose', { containers: [privileged] });
      new MultiContainerPod(chart, 'Strict', { containers: [privileged], podSecurity: 'baseline' });

      expect(synthError(chart)).toBe(
        'Validation failed with the following errors:\n' +
          '  [test/Strict] spec.containers[0].securityContext.privileged: violates PodSecurity "baseline:v1.28": privileged (container "web" must not set securityContext.privileged=true). Fix: Remove securityContext.privileged or set it to false, and add only the specific capabilities the container needs.',
      );
    });
  });

  test('a Pod that sets only allowLiteralEnv keeps the level of its chart', () => {
    const chart = Testing.chart();
    configureChecks(chart, { podSecurity: 'privileged' });
    new MultiContainerPod(chart, 'Pod', {
      containers: [{ ...web, securityContext: { privileged: true } }],
      allowLiteralEnv: ['TOKEN_LIMIT'],
    });

    expect(Testing.synth(chart)).toHaveLength(1);
  });

  describe('literal credentials', () => {
    const withToken = { ...web, envVariables: { GITHUB_TOKEN: kplus.EnvValue.fromValue('ghp_abc') } };

    test('fails on a credential-like env var with a literal value, never echoing it', () => {
      const chart = Testing.chart();
      new MultiContainerPod(chart, 'Pod', { containers: [withToken] });

      const message = synthError(chart);

      expect(message).toContain(
        'spec.containers[0].env[0].value: env var "GITHUB_TOKEN" of container "web" looks like a credential',
      );
      expect(message).not.toContain('ghp_abc');
    });

    test('allowLiteralEnv lets a named env var through', () => {
      const chart = Testing.chart();
      new MultiContainerPod(chart, 'Pod', { containers: [withToken], allowLiteralEnv: ['GITHUB_TOKEN'] });

      expect(Testing.synth(chart)).toHaveLength(1);
    });
  });

  describe('warnings', () => {
    let stderr: jest.SpyInstance;
    beforeEach(() => {
      stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    });
    afterEach(() => stderr.mockRestore());

    test('a deprecated node label is a warning: printed, synth goes on', () => {
      const chart = Testing.chart();
      new NodePinnedPod(chart, 'Pod', {
        containers: [web],
        nodeSelector: { 'beta.kubernetes.io/os': 'linux' },
      });

      expect(Testing.synth(chart)).toHaveLength(1);
      expect(stderr.mock.calls.map(c => String(c[0]))).toEqual([
        expect.stringMatching(
          /^warning: \[test\/Pod\/Resource\] spec\.nodeSelector\[beta\.kubernetes\.io\/os\]: .*kubernetes\.io\/os.* \(rule node-selector-label-deprecated\)\n$/,
        ),
      ]);
    });

    test('a warning is printed once per app synth, however many charts the app has', () => {
      const app = new App({ outdir: 'unused' });
      new NodePinnedPod(new Chart(app, 'one'), 'Pod', {
        containers: [web],
        nodeSelector: { 'beta.kubernetes.io/os': 'linux' },
      });
      new Chart(app, 'two');

      app.synthYaml();

      expect(stderr).toHaveBeenCalledTimes(1);
    });

    test('suppress silences a warning by its rule id', () => {
      const chart = Testing.chart();
      configureChecks(chart, { suppress: ['node-selector-label-deprecated'] });
      new NodePinnedPod(chart, 'Pod', {
        containers: [web],
        nodeSelector: { 'beta.kubernetes.io/os': 'linux' },
      });

      Testing.synth(chart);

      expect(stderr).not.toHaveBeenCalled();
    });
  });

  test('renders each checked object once per synth: the checks reuse what cdk8s writes', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web] });
    pod.exposeViaNodePort();
    const render = jest.spyOn(pod as unknown as { _toKube(): unknown }, '_toKube');

    Testing.synth(chart);
    Testing.synth(chart);

    expect(render).toHaveBeenCalledTimes(2);
  });

  test('renders and checks each object once per app synth, however many charts the app has', () => {
    // cdk8s validates the whole app once, then again for every chart it serializes
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'checks-')) });
    const pods = ['a', 'b', 'c'].map(id => {
      const pod = new MultiContainerPod(new Chart(app, id), 'Pod', { containers: [web] });
      pod.exposeViaNodePort();
      return pod;
    });
    const renders = pods.map(pod => jest.spyOn(pod as unknown as { _toKube(): unknown }, '_toKube'));

    app.synthYaml();
    app.synth();

    expect(renders.map(r => r.mock.calls.length)).toEqual([2, 2, 2]);
    fs.rmSync(app.outdir, { recursive: true, force: true });
  });

  test('toJson() outside a synth still renders the current state', () => {
    const chart = Testing.chart();
    const pod = new MultiContainerPod(chart, 'Pod', { containers: [web] });
    Testing.synth(chart);

    pod.addContainer({ name: 'late', image: 'busybox:1.37' });

    expect((ApiObject.of(pod).toJson() as Manifest).spec.containers.map((c: Manifest) => c.name)).toEqual([
      'web',
      'late',
    ]);
  });
});

describe('checkAll: the same checks for plain cdk8s-plus objects', () => {
  function plainApp(): Chart {
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'Plain', {
      containers: [
        { name: 'a', image: 'nginx:1.27.3', portNumber: 80 },
        { name: 'b', image: 'nginx:1.27.3', portNumber: 81 },
      ],
    });
    new kplus.Service(chart, 'Svc', { selector: pod, ports: [{ port: 80 }, { port: 81 }] });
    return chart;
  }

  test('without it, cdk8s-plus synthesizes a Service the API server would reject', () => {
    const svc = (Testing.synth(plainApp()) as Manifest[]).find(m => m.kind === 'Service') as Manifest;

    expect(svc.spec.ports.map((p: Manifest) => p.name)).toEqual([undefined, undefined]);
  });

  test('fails on every plain object problem, naming the object', () => {
    const chart = plainApp();
    checkAll(chart, { podSecurity: 'baseline' });

    expect(synthError(chart)).toBe(
      [
        'Validation failed with the following errors:',
        '  [test] test/Svc/Resource: spec.ports[0].name: Required value: every port of a Service with more than one port needs a name. Fix: Set spec.ports[0].name, e.g. "http".',
        '  [test] test/Svc/Resource: spec.ports[1].name: Required value: every port of a Service with more than one port needs a name. Fix: Set spec.ports[1].name, e.g. "http".',
      ].join('\n'),
    );
  });

  test('applies Pod Security restricted by default to plain Pods', () => {
    const chart = Testing.chart();
    new kplus.Pod(chart, 'Plain', { containers: [{ name: 'a', image: 'nginx:1.27.3' }] });
    checkAll(chart);

    expect(synthError(chart)).toContain(
      '[test] test/Plain/Resource: spec.containers[0].securityContext.capabilities.drop: violates PodSecurity "restricted:v1.28": unrestricted capabilities',
    );
  });

  test('does not report this package objects twice', () => {
    const chart = Testing.chart();
    new MultiContainerPod(chart, 'Pod', { containers: [{ ...web, securityContext: { privileged: true } }] });
    checkAll(chart);

    expect(synthError(chart).match(/privileged \(container "web"/g)).toHaveLength(1);
  });

  test('checks objects added after the call', () => {
    const app = new App({ outdir: 'unused' });
    const chart = new Chart(app, 'late');
    checkAll(chart);
    new kplus.Service(chart, 'Svc', { ports: [{ port: 70000 }] });

    expect(() => app.synthYaml()).toThrow('spec.ports[0].port');
  });
});

describe('Pod Security versions', () => {
  const base = { name: 'web', image: 'nginx:1.27.3', portNumber: 8080 };
  // net.ipv4.tcp_keepalive_time is allowed from policy v1.29 on; a 1.28 cluster refuses it.
  const keepalive = { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '600' }] };
  // A probe's host field is forbidden from policy v1.34 on.
  const hostProbe = { ...base, liveness: kplus.Probe.fromHttpGet('/healthz', { port: 8080 }) };

  function errorsOf(build: (chart: Chart) => void): string {
    const chart = Testing.chart();
    build(chart);
    try {
      Testing.synth(chart);
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  }

  test('fails by default on what v1.28 refuses though latest allows it, labelled v1.28', () => {
    const message = errorsOf(
      chart => new MultiContainerPod(chart, 'Pod', { containers: [base], securityContext: keepalive }),
    );

    expect(message).toContain(
      'spec.securityContext.sysctls[0].name: violates PodSecurity "restricted:v1.28": forbidden sysctls (net.ipv4.tcp_keepalive_time)',
    );
  });

  test('fails by default on what latest refuses though v1.28 allows it, labelled latest', () => {
    const message = errorsOf(chart => {
      const pod = new MultiContainerPod(chart, 'Pod', { containers: [hostProbe] });
      ApiObject.of(pod).addJsonPatch(
        JsonPatch.add('/spec/containers/0/livenessProbe/httpGet/host', '10.0.0.1'),
      );
    });

    expect(message).toContain('violates PodSecurity "restricted:latest": probe or lifecycle host');
    expect(message).not.toContain('restricted:v1.28');
  });

  test('a pinned podSecurityVersion judges by that version only, per Pod or per chart', () => {
    expect(
      errorsOf(
        chart =>
          new MultiContainerPod(chart, 'Pod', {
            containers: [base],
            securityContext: keepalive,
            podSecurityVersion: 'v1.29',
          }),
      ),
    ).toBe('');
    expect(
      errorsOf(chart => {
        configureChecks(chart, { podSecurityVersion: 'latest' });
        new MultiContainerPod(chart, 'Pod', { containers: [base], securityContext: keepalive });
      }),
    ).toBe('');
  });
});
