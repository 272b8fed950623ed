import { validateLifecycle, validateProbes } from '../../lib/rules/probes';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG } from './fixtures';

type Json = Record<string, unknown>;

const C = 'spec.containers[0]';
const L = `${C}.livenessProbe`;
const PORT_FIX = (field: string) =>
  `Set ${field} to a port number between 1 and 65535 or to the name of a container port.`;

function check(container: Json): ValidationError[] {
  const out: ValidationError[] = [];
  validateLifecycle(container, C, out);
  validateProbes(container, C, out);
  return out;
}

describe('probes and lifecycle hooks', () => {
  test.each<[string, Json, ValidationError[]]>([
    [
      'fails a probe without a handler',
      { livenessProbe: { periodSeconds: 5 } },
      [
        err(
          'probe-handler-required',
          L,
          undefined,
          'Required value: must specify a handler type',
          `Give ${L} one of exec, httpGet, tcpSocket, grpc.`,
        ),
      ],
    ],
    [
      'fails a probe with two handlers, at the second',
      { livenessProbe: { exec: { command: ['true'] }, httpGet: { port: 80 } } },
      [
        err(
          'probe-handler-multiple',
          `${L}.httpGet`,
          undefined,
          'Forbidden: may not specify more than 1 handler type',
          `Keep one of exec, httpGet, tcpSocket, grpc in ${L}.`,
        ),
      ],
    ],
    [
      'fails an exec action without a command',
      { livenessProbe: { exec: { command: [] } } },
      [
        err(
          'probe-exec-command-required',
          `${L}.exec.command`,
          [],
          'Required value',
          `Set ${L}.exec.command, e.g. ["cat", "/tmp/healthy"].`,
        ),
      ],
    ],
    [
      'fails ports out of range, missing, or named badly, and an unknown scheme',
      {
        livenessProbe: { httpGet: { port: 70000, scheme: 'ftp' } },
        readinessProbe: { tcpSocket: { port: 'Http' } },
        startupProbe: { grpc: {} },
      },
      [
        err('probe-port-invalid', `${L}.httpGet.port`, 70000, MSG.portRange, PORT_FIX(`${L}.httpGet.port`)),
        err(
          'probe-http-scheme-unsupported',
          `${L}.httpGet.scheme`,
          'ftp',
          'Unsupported value: supported values: "HTTP", "HTTPS"',
          `Set ${L}.httpGet.scheme to HTTP or HTTPS.`,
        ),
        err(
          'probe-port-invalid',
          `${C}.readinessProbe.tcpSocket.port`,
          'Http',
          'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
          PORT_FIX(`${C}.readinessProbe.tcpSocket.port`),
        ),
        err(
          'probe-port-invalid',
          `${C}.startupProbe.grpc.port`,
          0,
          MSG.portRange,
          PORT_FIX(`${C}.startupProbe.grpc.port`),
        ),
      ],
    ],
    [
      "fails a bad header name, at upstream's index-less path",
      { livenessProbe: { httpGet: { port: 80, httpHeaders: [{ name: 'X Probe', value: '1' }] } } },
      [
        err(
          'probe-http-header-invalid',
          `${L}.httpGet.httpHeaders`,
          'X Probe',
          "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
          'Rename the header to letters, digits and \'-\', e.g. "X-Probe".',
        ),
      ],
    ],
    [
      'fails negative timings, a zero termination grace period and a liveness probe that needs two successes',
      {
        livenessProbe: {
          tcpSocket: { port: 80 },
          periodSeconds: -1,
          successThreshold: 2,
          terminationGracePeriodSeconds: 0,
        },
      },
      [
        err(
          'probe-field-negative',
          `${L}.periodSeconds`,
          -1,
          'must be greater than or equal to 0',
          `Set ${L}.periodSeconds to a positive number, or remove it for the default.`,
        ),
        err(
          'probe-termination-grace-period-invalid',
          `${L}.terminationGracePeriodSeconds`,
          0,
          'must be greater than 0',
          `Set ${L}.terminationGracePeriodSeconds to at least 1, or remove it.`,
        ),
        err(
          'probe-success-threshold-invalid',
          `${L}.successThreshold`,
          2,
          'must be 1',
          `Set ${L}.successThreshold to 1, or remove it.`,
        ),
      ],
    ],
    [
      'fails a startup probe that needs several successes, and a readiness probe with a termination grace period',
      {
        startupProbe: { tcpSocket: { port: 80 }, successThreshold: 3 },
        readinessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 10 },
      },
      [
        err(
          'probe-readiness-termination-grace-period-forbidden',
          `${C}.readinessProbe.terminationGracePeriodSeconds`,
          10,
          'must not be set for readinessProbes',
          `Remove ${C}.readinessProbe.terminationGracePeriodSeconds; a failed readiness probe never restarts the container.`,
        ),
        err(
          'probe-success-threshold-invalid',
          `${C}.startupProbe.successThreshold`,
          3,
          'must be 1',
          `Set ${C}.startupProbe.successThreshold to 1, or remove it.`,
        ),
      ],
    ],
    [
      'fails lifecycle hooks without an action (grpc is not a hook action)',
      { lifecycle: { preStop: {}, postStart: { grpc: { port: 80 } } } },
      [
        err(
          'probe-handler-required',
          `${C}.lifecycle.postStart`,
          undefined,
          'Required value: must specify a handler type',
          `Give ${C}.lifecycle.postStart one of exec, httpGet, tcpSocket.`,
        ),
        err(
          'probe-handler-required',
          `${C}.lifecycle.preStop`,
          undefined,
          'Required value: must specify a handler type',
          `Give ${C}.lifecycle.preStop one of exec, httpGet, tcpSocket.`,
        ),
      ],
    ],
  ])('%s', (_name, container, expected) => {
    expect(check(container)).toEqual(expected);
  });

  test.each<[string, Json]>([
    ['a named tcpSocket port', { livenessProbe: { tcpSocket: { port: 'http' } } }],
    [
      'an httpGet probe relying on the default path and scheme',
      { readinessProbe: { httpGet: { port: 8080 }, successThreshold: 3 } },
    ],
    [
      'an HTTPS probe with headers',
      {
        startupProbe: {
          httpGet: {
            port: 443,
            scheme: 'HTTPS',
            path: '/healthz',
            httpHeaders: [{ name: 'X-Probe', value: '1' }],
          },
        },
      },
    ],
    [
      'a gRPC probe with zero thresholds, which take their defaults',
      { livenessProbe: { grpc: { port: 9090 }, successThreshold: 0, periodSeconds: 0 } },
    ],
    [
      'lifecycle hooks',
      {
        lifecycle: {
          postStart: { exec: { command: ['true'] } },
          preStop: { httpGet: { port: 80, path: '/stop' } },
        },
      },
    ],
  ])('passes %s', (_name, container) => {
    expect(check(container)).toEqual([]);
  });
});
