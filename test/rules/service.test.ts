import fc from 'fast-check';
import type { ValidationError } from '../../lib/rules/problem';
import { validateService } from '../../lib/rules/service';
import { err, MSG, repeat, service } from './fixtures';

const NAME_FIX =
  "Use at most 63 lower-case alphanumerics or '-', starting with a letter and ending alphanumeric.";
const rangeError = (field: string, nodePort: number, min = 30000, max = 32767) =>
  err(
    'service-node-port-out-of-range',
    field,
    nodePort,
    `provided port is not in the valid range. The range of valid ports is ${min}-${max} (the node port allocator's range, set by kube-apiserver --service-node-port-range)`,
    `Pick a nodePort between ${min} and ${max}, or omit it to let the cluster allocate one.`,
  );

describe('validateService', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a name starting with a digit',
      service({}, { name: '1web' }),
      [err('metadata-name-invalid', 'metadata.name', '1web', MSG.dns1035Label, NAME_FIX)],
    ],
    [
      'fails a dotted name',
      service({}, { name: 'web.api' }),
      [err('metadata-name-invalid', 'metadata.name', 'web.api', MSG.dns1035Label, NAME_FIX)],
    ],
    [
      'fails a 64-char name',
      service({}, { name: repeat('s', 64) }),
      [
        err(
          'metadata-name-invalid',
          'metadata.name',
          repeat('s', 64),
          'must be no more than 63 characters',
          NAME_FIX,
        ),
      ],
    ],
    [
      'fails a missing name',
      service({}, { name: undefined }),
      [
        err(
          'metadata-name-required',
          'metadata.name',
          undefined,
          'Required value: name or generateName is required',
          'Set metadata.name.',
        ),
      ],
    ],
    [
      'fails no ports',
      service({ ports: [] }),
      [
        err(
          'service-ports-required',
          'spec.ports',
          [],
          'Required value: a Service needs at least one port unless it is headless (clusterIP: None) or of type ExternalName',
          'Add a port to spec.ports.',
        ),
      ],
    ],
    [
      'fails a missing spec',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } },
      [
        err(
          'service-ports-required',
          'spec.ports',
          undefined,
          'Required value: a Service needs at least one port unless it is headless (clusterIP: None) or of type ExternalName',
          'Add a port to spec.ports.',
        ),
      ],
    ],
    [
      'fails an unnamed port among two',
      service({ ports: [{ port: 80, name: 'http' }, { port: 443 }] }),
      [
        err(
          'service-port-name-required',
          'spec.ports[1].name',
          undefined,
          'Required value: every port of a Service with more than one port needs a name',
          'Set spec.ports[1].name, e.g. "http".',
        ),
      ],
    ],
    [
      'fails a port name with dots',
      service({ ports: [{ port: 80, name: 'web.http' }] }),
      [
        err(
          'service-port-name-invalid',
          'spec.ports[0].name',
          'web.http',
          'must not contain dots',
          "Use at most 63 lower-case alphanumerics or '-' (no dots) that start and end alphanumeric.",
        ),
      ],
    ],
    [
      'fails a port name used twice',
      service({
        ports: [
          { port: 80, name: 'http' },
          { port: 81, name: 'http' },
        ],
      }),
      [
        err(
          'service-port-name-duplicate',
          'spec.ports[1].name',
          'http',
          'Duplicate value: port name "http" is already used by spec.ports[0]',
          'Give each port of the Service its own name.',
        ),
      ],
    ],
    [
      'fails port 0',
      service({ ports: [{ port: 0 }] }),
      [
        err(
          'service-port-invalid',
          'spec.ports[0].port',
          0,
          MSG.portRange,
          'Set spec.ports[0].port to a port between 1 and 65535.',
        ),
      ],
    ],
    [
      'fails a missing port',
      service({ ports: [{ targetPort: 8080 }] }),
      [
        err(
          'service-port-invalid',
          'spec.ports[0].port',
          undefined,
          MSG.portRange,
          'Set spec.ports[0].port to a port between 1 and 65535.',
        ),
      ],
    ],
    [
      'fails port 70000',
      service({ ports: [{ port: 70000 }] }),
      [
        err(
          'service-port-invalid',
          'spec.ports[0].port',
          70000,
          MSG.portRange,
          'Set spec.ports[0].port to a port between 1 and 65535.',
        ),
      ],
    ],
    [
      'fails one port + protocol twice',
      service({
        ports: [
          { port: 80, name: 'a' },
          { port: 80, name: 'b' },
        ],
      }),
      [
        err(
          'service-port-duplicate',
          'spec.ports[1]',
          { port: 80, name: 'b' },
          'Duplicate value: port 80/TCP is already exposed by spec.ports[0]',
          'Remove the repeated port, or change its port or protocol.',
        ),
      ],
    ],
    [
      'fails targetPort 70000',
      service({ ports: [{ port: 80, targetPort: 70000 }] }),
      [
        err(
          'service-target-port-invalid',
          'spec.ports[0].targetPort',
          70000,
          MSG.portRange,
          'Set spec.ports[0].targetPort to a port number between 1 and 65535 or to the name of a container port.',
        ),
      ],
    ],
    [
      'fails a numeric string targetPort (read as a name)',
      service({ ports: [{ port: 80, targetPort: '8080' }] }),
      [
        err(
          'service-target-port-invalid',
          'spec.ports[0].targetPort',
          '8080',
          'must contain at least one letter (a-z)',
          'Set spec.ports[0].targetPort to a port number between 1 and 65535 or to the name of a container port.',
        ),
      ],
    ],
    [
      'fails a targetPort name over 15 characters',
      service({ ports: [{ port: 80, targetPort: 'http-alternative' }] }),
      [
        err(
          'service-target-port-invalid',
          'spec.ports[0].targetPort',
          'http-alternative',
          'must be no more than 15 characters',
          'Set spec.ports[0].targetPort to a port number between 1 and 65535 or to the name of a container port.',
        ),
      ],
    ],
    [
      'fails an explicit targetPort of the wrong type next to an invalid port',
      service({ ports: [{ port: 0, targetPort: 0.5 }] }),
      [
        err(
          'service-port-invalid',
          'spec.ports[0].port',
          0,
          MSG.portRange,
          'Set spec.ports[0].port to a port between 1 and 65535.',
        ),
        err(
          'field-type-invalid',
          'spec.ports[0].targetPort',
          0.5,
          'must be an integer or a string; the API server cannot decode a number into this field',
          'Set spec.ports[0].targetPort to an integer or a string, or remove it.',
        ),
      ],
    ],
    [
      'fails an explicit invalid targetPort equal to an invalid port on both fields',
      service({ ports: [{ port: 70000, targetPort: 70000 }] }),
      [
        err(
          'service-port-invalid',
          'spec.ports[0].port',
          70000,
          MSG.portRange,
          'Set spec.ports[0].port to a port between 1 and 65535.',
        ),
        err(
          'service-target-port-invalid',
          'spec.ports[0].targetPort',
          70000,
          MSG.portRange,
          'Set spec.ports[0].targetPort to a port number between 1 and 65535 or to the name of a container port.',
        ),
      ],
    ],
    [
      'fails a boolean targetPort',
      service({ ports: [{ port: 80, targetPort: true }] }),
      [
        err(
          'field-type-invalid',
          'spec.ports[0].targetPort',
          true,
          'must be an integer or a string; the API server cannot decode a boolean into this field',
          'Set spec.ports[0].targetPort to an integer or a string, or remove it.',
        ),
      ],
    ],
    [
      'fails protocol HTTP',
      service({ ports: [{ port: 80, protocol: 'HTTP' }] }),
      [
        err(
          'service-port-protocol-unsupported',
          'spec.ports[0].protocol',
          'HTTP',
          MSG.protocols,
          'Set spec.ports[0].protocol to TCP, UDP or SCTP (upper case), or omit it for TCP.',
        ),
      ],
    ],
    [
      'fails type Nodeport',
      service({ type: 'Nodeport' }),
      [
        err(
          'service-type-unsupported',
          'spec.type',
          'Nodeport',
          'Unsupported value: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
          'Set spec.type to ClusterIP, NodePort, LoadBalancer or ExternalName, or omit it for ClusterIP.',
        ),
      ],
    ],
    [
      'fails a nodePort on a ClusterIP Service',
      service({ ports: [{ port: 80, nodePort: 30080 }] }),
      [
        err(
          'service-node-port-forbidden',
          'spec.ports[0].nodePort',
          30080,
          "Forbidden: may not be used when `type` is 'ClusterIP'",
          'Remove spec.ports[0].nodePort, or set spec.type to NodePort or LoadBalancer.',
        ),
      ],
    ],
    [
      'fails nodePort 29999',
      service({ type: 'NodePort', ports: [{ port: 80, nodePort: 29999 }] }),
      [rangeError('spec.ports[0].nodePort', 29999)],
    ],
    [
      'fails nodePort 32768 on a LoadBalancer',
      service({ type: 'LoadBalancer', ports: [{ port: 80, nodePort: 32768 }] }),
      [rangeError('spec.ports[0].nodePort', 32768)],
    ],
    [
      'fails one nodePort + protocol twice',
      service({
        type: 'NodePort',
        ports: [
          { name: 'a', port: 80, nodePort: 30080 },
          { name: 'b', port: 81, nodePort: 30080 },
        ],
      }),
      [
        err(
          'service-node-port-duplicate',
          'spec.ports[1].nodePort',
          30080,
          'Duplicate value: nodePort 30080/TCP is already used by spec.ports[0]; ports may share a nodePort number only with different protocols (e.g. TCP and UDP)',
          'Give each port + protocol its own nodePort, or omit nodePort to let the cluster allocate one.',
        ),
      ],
    ],
    [
      'fails externalTrafficPolicy on a ClusterIP Service',
      service({ externalTrafficPolicy: 'Local' }),
      [
        err(
          'service-external-traffic-policy-forbidden',
          'spec.externalTrafficPolicy',
          'Local',
          "may only be set when `type` is 'NodePort' or 'LoadBalancer'",
          'Remove spec.externalTrafficPolicy, or set spec.type to NodePort or LoadBalancer.',
        ),
      ],
    ],
    [
      // 1.28 refuses it even with externalIPs; kubernetes#119150 allowed that in 1.29.
      'fails externalTrafficPolicy on a ClusterIP Service with externalIPs',
      service({ externalIPs: ['203.0.113.10'], externalTrafficPolicy: 'Cluster' }),
      [
        err(
          'service-external-traffic-policy-forbidden',
          'spec.externalTrafficPolicy',
          'Cluster',
          "may only be set when `type` is 'NodePort' or 'LoadBalancer'",
          'Remove spec.externalTrafficPolicy, or set spec.type to NodePort or LoadBalancer.',
        ),
      ],
    ],
    [
      'fails externalTrafficPolicy local',
      service({ type: 'NodePort', externalTrafficPolicy: 'local' }),
      [
        err(
          'service-external-traffic-policy-unsupported',
          'spec.externalTrafficPolicy',
          'local',
          'Unsupported value: supported values: "Cluster", "Local"',
          'Set spec.externalTrafficPolicy to Cluster or Local.',
        ),
      ],
    ],
    [
      'fails an invalid selector value',
      service({ selector: { app: 'web app' } }),
      [
        err(
          'label-value-invalid',
          'spec.selector',
          'web app',
          MSG.labelValue,
          "Change the value of \"app\" to at most 63 alphanumerics, '-', '_' or '.' that start and end alphanumeric, or to \"\".",
        ),
      ],
    ],
    [
      'fails ports given as an object',
      service({ ports: { port: 80 } }),
      [
        err(
          'field-type-invalid',
          'spec.ports',
          { port: 80 },
          'must be a list; the API server cannot decode an object into this field',
          'Set spec.ports to a list, or remove it.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validateService(manifest)).toEqual(expected);
  });

  test('fails a nodePort outside a configured range', () => {
    const manifest = service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30000 }] });
    expect(validateService(manifest, { nodePortRange: { min: 31000, max: 31999 } })).toEqual([
      rangeError('spec.ports[0].nodePort', 30000, 31000, 31999),
    ]);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a 63-char name', service({}, { name: repeat('s', 63) })],
    [
      'port 53 on TCP and UDP (named ports)',
      service({
        ports: [
          { name: 'dns-tcp', port: 53 },
          { name: 'dns-udp', port: 53, protocol: 'UDP' },
        ],
      }),
    ],
    [
      'nodePort 30000 and 32767',
      service({
        type: 'NodePort',
        ports: [
          { name: 'low', port: 80, nodePort: 30000 },
          { name: 'high', port: 81, nodePort: 32767 },
        ],
      }),
    ],
    [
      'one nodePort shared by TCP and UDP',
      service({
        type: 'NodePort',
        ports: [
          { name: 'dns-tcp', port: 53, nodePort: 30053 },
          { name: 'dns-udp', port: 53, protocol: 'UDP', nodePort: 30053 },
        ],
      }),
    ],
    ['a 20-char port name', service({ ports: [{ name: repeat('p', 20), port: 80 }] })],
    ['a single unnamed port', service({ ports: [{ port: 80, targetPort: 8080 }] })],
    ['a named targetPort', service({ ports: [{ port: 80, targetPort: 'http' }] })],
    ['targetPort 0 (defaults to port)', service({ ports: [{ port: 80, targetPort: 0 }] })],
    ['a headless Service without ports', service({ clusterIP: 'None', ports: undefined })],
    [
      'an ExternalName Service without ports',
      service({ type: 'ExternalName', externalName: 'db.example.com', ports: undefined }),
    ],
    [
      'nodePort 0 (allocated by the cluster)',
      service({ type: 'NodePort', ports: [{ port: 80, nodePort: 0 }] }),
    ],
    [
      'externalTrafficPolicy Local on a LoadBalancer',
      service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' }),
    ],
    ['externalIPs on a ClusterIP Service', service({ externalIPs: ['203.0.113.10'] })],
    ['no selector', service({ selector: undefined })],
  ])('passes %s', (_, manifest) => {
    expect(validateService(manifest)).toEqual([]);
  });

  test('property: random nodePorts outside the range are rejected', () => {
    const outside = fc.oneof(fc.integer({ min: 1, max: 29999 }), fc.integer({ min: 32768, max: 65535 }));
    fc.assert(
      fc.property(outside, nodePort =>
        validateService(service({ type: 'NodePort', ports: [{ port: 80, nodePort }] })).some(
          e => e.rule === 'service-node-port-out-of-range',
        ),
      ),
      { numRuns: 200 },
    );
  });

  test('property: random nodePorts inside the range are accepted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30000, max: 32767 }),
        nodePort =>
          validateService(service({ type: 'NodePort', ports: [{ port: 80, nodePort }] })).length === 0,
      ),
      { numRuns: 200 },
    );
  });

  test('property: random invalid Service names are rejected', () => {
    const bad = fc.oneof(
      fc.stringMatching(/^[0-9][a-z0-9]{0,10}$/),
      fc.stringMatching(/^[a-z]{1,10}[._A-Z][a-z]{1,10}$/),
      fc.stringMatching(/^[a-z]{64,80}$/),
    );
    fc.assert(
      fc.property(bad, name =>
        validateService(service({}, { name })).some(e => e.rule === 'metadata-name-invalid'),
      ),
      { numRuns: 200 },
    );
  });

  test('property: random valid Service names and ports are accepted', () => {
    const name = fc.stringMatching(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
    const ports = fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(name, ports, (n, numbers) => {
        const list = numbers.map(port => ({ name: `p${port}`, port, targetPort: port }));
        return validateService(service({ ports: list }, { name: n })).length === 0;
      }),
      { numRuns: 200 },
    );
  });
});
