import { nodePorts } from '../../../lib/scheduling/filters/node-ports';
import { container, node, pod, state } from '../fixtures';

const REASON = "node(s) didn't have free ports for the requested pod ports";
const withPort = (port: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
  pod({ containers: [container({}, { ports: [port] })], ...spec });

describe('NodePorts', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'the same port, protocol and wildcard IP',
      { containerPort: 80, hostPort: 8080 },
      { containerPort: 81, hostPort: 8080 },
    ],
    [
      'a wildcard IP against a specific one',
      { containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' },
      { containerPort: 80, hostPort: 8080 },
    ],
    [
      'a specific IP against the wildcard',
      { containerPort: 80, hostPort: 8080 },
      { containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' },
    ],
    [
      'the same specific IP',
      { containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' },
      { containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' },
    ],
    [
      'an explicit 0.0.0.0 against an unset IP',
      { containerPort: 80, hostPort: 53, protocol: 'UDP', hostIP: '0.0.0.0' },
      { containerPort: 53, hostPort: 53, protocol: 'UDP' },
    ],
    [
      'TCP written out against the TCP default',
      { containerPort: 80, hostPort: 8080, protocol: 'TCP' },
      { containerPort: 80, hostPort: 8080 },
    ],
  ])('fails %s', (_, taken, wanted) => {
    expect(nodePorts(withPort(wanted), state(node('n1'), withPort(taken)))).toEqual({
      plugin: 'NodePorts',
      code: 'Unschedulable',
      reasons: [REASON],
    });
  });

  test('fails a hostNetwork Pod whose containerPort becomes its hostPort', () => {
    const taken = withPort({ containerPort: 80, hostPort: 80 });
    expect(
      nodePorts(withPort({ containerPort: 80 }, { hostNetwork: true }), state(node('n1'), taken))?.reasons,
    ).toEqual([REASON]);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['another port', { containerPort: 80, hostPort: 8080 }, { containerPort: 80, hostPort: 8081 }],
    [
      'another protocol',
      { containerPort: 53, hostPort: 53, protocol: 'UDP' },
      { containerPort: 53, hostPort: 53 },
    ],
    [
      'two different specific IPs',
      { containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' },
      { containerPort: 80, hostPort: 8080, hostIP: '10.0.0.2' },
    ],
    ['containerPorts without hostPort', { containerPort: 80 }, { containerPort: 80 }],
  ])('passes %s', (_, taken, wanted) => {
    expect(nodePorts(withPort(wanted), state(node('n1'), withPort(taken)))).toBeUndefined();
  });

  test('ignores init containers, as upstream does', () => {
    const init = pod({
      containers: [container()],
      initContainers: [container({}, { ports: [{ containerPort: 80, hostPort: 80 }] })],
    });
    expect(nodePorts(init, state(node('n1'), withPort({ containerPort: 80, hostPort: 80 })))).toBeUndefined();
  });
});
