import fc from 'fast-check';
import { validateApp, validateAppByManifest } from '../../lib/rules/app';
import type { ValidationError } from '../../lib/rules/problem';
import { pod, service } from './fixtures';

const nodePortService = (
  name: string,
  nodePort: number,
  extra: Record<string, unknown> = {},
  namespace?: string,
) => service({ type: 'NodePort', ports: [{ port: 80, nodePort, ...extra }] }, { name, namespace });
const webPod = (
  ports: unknown[],
  labels: Record<string, string> = { app: 'web' },
  name = 'web',
  namespace?: string,
) => pod({ containers: [{ name: 'app', image: 'nginx', ports }] }, { name, labels, namespace });

describe('validateApp', () => {
  test.each<[string, unknown[], ValidationError[]]>([
    [
      'fails two Services on one nodePort',
      [nodePortService('a', 30080), nodePortService('b', 30080, {}, 'shop')],
      [
        {
          rule: 'service-node-port-conflict',
          severity: 'error',
          field: 'spec.ports[0].nodePort',
          value: 30080,
          message:
            'provided port is already allocated: nodePort 30080/TCP is claimed by Service "default/a" (spec.ports[0]) and Service "shop/b"; node ports are cluster-wide, so only one Service can hold it',
          fix: 'Give Service "shop/b" a different nodePort, or omit it to let the cluster allocate one.',
        },
      ],
    ],
    [
      "fails a LoadBalancer on a NodePort Service's UDP nodePort",
      [
        nodePortService('dns', 30053, { protocol: 'UDP' }),
        service(
          { type: 'LoadBalancer', ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }] },
          { name: 'lb' },
        ),
      ],
      [
        {
          rule: 'service-node-port-conflict',
          severity: 'error',
          field: 'spec.ports[0].nodePort',
          value: 30053,
          message:
            'provided port is already allocated: nodePort 30053/UDP is claimed by Service "default/dns" (spec.ports[0]) and Service "default/lb"; node ports are cluster-wide, so only one Service can hold it',
          fix: 'Give Service "default/lb" a different nodePort, or omit it to let the cluster allocate one.',
        },
      ],
    ],
    [
      'fails a numeric targetPort no selected Pod declares',
      [webPod([{ containerPort: 8080 }]), service({ ports: [{ port: 80, targetPort: 9090 }] })],
      [
        {
          rule: 'service-target-port-not-exposed',
          severity: 'error',
          field: 'spec.ports[0].targetPort',
          value: 9090,
          message:
            'no container of the Pods Service "default/web" selects (default/web) declares containerPort 9090 with protocol TCP; traffic sent to the Service most likely hits a closed port',
          fix: 'Set spec.ports[0].targetPort to a port the selected Pods declare, or add containerPort 9090 (TCP) to their container.',
        },
      ],
    ],
    [
      'fails a defaulted targetPort (= port) no selected Pod declares',
      [webPod([{ containerPort: 8080 }]), service({ ports: [{ port: 80 }] })],
      [
        {
          rule: 'service-target-port-not-exposed',
          severity: 'error',
          field: 'spec.ports[0].targetPort',
          value: 80,
          message:
            'no container of the Pods Service "default/web" selects (default/web) declares containerPort 80 with protocol TCP; traffic sent to the Service most likely hits a closed port',
          fix: 'Set spec.ports[0].targetPort to a port the selected Pods declare, or add containerPort 80 (TCP) to their container.',
        },
      ],
    ],
    [
      'fails a port declared on TCP only, targeted on UDP',
      [webPod([{ containerPort: 53 }]), service({ ports: [{ port: 53, protocol: 'UDP' }] })],
      [
        {
          rule: 'service-target-port-not-exposed',
          severity: 'error',
          field: 'spec.ports[0].targetPort',
          value: 53,
          message:
            'no container of the Pods Service "default/web" selects (default/web) declares containerPort 53 with protocol UDP; traffic sent to the Service most likely hits a closed port',
          fix: 'Set spec.ports[0].targetPort to a port the selected Pods declare, or add containerPort 53 (UDP) to their container.',
        },
      ],
    ],
    [
      'fails a named targetPort no selected Pod names',
      [
        webPod([{ containerPort: 8080, name: 'web' }], { app: 'web' }, 'web-1'),
        webPod([{ containerPort: 8080, name: 'web' }], { app: 'web' }, 'web-2'),
        webPod([{ containerPort: 8080, name: 'web' }], { app: 'web' }, 'web-3'),
        webPod([{ containerPort: 8080, name: 'web' }], { app: 'web' }, 'web-4'),
        service({ ports: [{ port: 80, targetPort: 'http' }] }),
      ],
      [
        {
          rule: 'service-target-port-not-exposed',
          severity: 'error',
          field: 'spec.ports[0].targetPort',
          value: 'http',
          message:
            'no container of the Pods Service "default/web" selects (default/web-1, default/web-2, default/web-3 and 1 more) has a port named "http" with protocol TCP; the endpoints controller cannot resolve the name, so the Service gets no endpoints',
          fix: 'Name a container port "http" (TCP) in the selected Pods, or set spec.ports[0].targetPort to a port they expose.',
        },
      ],
    ],
  ])('%s', (_, manifests, expected) => {
    expect(validateApp(manifests)).toEqual(expected);
  });

  test.each<[string, unknown[]]>([
    [
      'one nodePort shared by TCP and UDP Services',
      [nodePortService('a', 30053), nodePortService('b', 30053, { protocol: 'UDP' })],
    ],
    [
      'a nodePort repeated inside one Service (validateManifest reports it)',
      [
        service({
          type: 'NodePort',
          ports: [
            { name: 'a', port: 80, nodePort: 30080 },
            { name: 'b', port: 81, nodePort: 30080 },
          ],
        }),
      ],
    ],
    [
      'a ClusterIP Service with a nodePort (validateManifest reports it)',
      [nodePortService('a', 30080), service({ ports: [{ port: 80, nodePort: 30080 }] }, { name: 'b' })],
    ],
    [
      'a targetPort some selected Pod declares',
      [
        webPod([{ containerPort: 8080 }], { app: 'web', v: '1' }, 'web-1'),
        webPod([], { app: 'web', v: '2' }, 'web-2'),
        service({ ports: [{ port: 80, targetPort: 8080 }] }),
      ],
    ],
    [
      'a named targetPort',
      [
        webPod([{ containerPort: 8080, name: 'http' }]),
        service({ ports: [{ port: 80, targetPort: 'http' }] }),
      ],
    ],
    [
      'a Service selecting no Pod of the set',
      [webPod([{ containerPort: 8080 }]), service({ selector: { app: 'api' } })],
    ],
    [
      'a Service selecting a Pod label it lacks',
      [webPod([{ containerPort: 8080 }]), service({ selector: { app: 'web', tier: 'x' } })],
    ],
    ['a Pod in another namespace', [webPod([], { app: 'web' }, 'web', 'other'), service()]],
    ['a Service without a selector', [webPod([]), service({ selector: undefined })]],
    ['an ExternalName Service', [webPod([]), service({ type: 'ExternalName', externalName: 'example.com' })]],
    [
      'a sidecar exposing the targetPort',
      [
        pod(
          {
            initContainers: [
              { name: 'proxy', image: 'envoy', restartPolicy: 'Always', ports: [{ containerPort: 80 }] },
            ],
          },
          { labels: { app: 'web' } },
        ),
        service(),
      ],
    ],
    [
      'objects other than Pods and Services, and junk',
      [null, 'x', { apiVersion: 'apps/v1', kind: 'Deployment' }, service({ spec: 3 })],
    ],
  ])('passes %s', (_, manifests) => {
    expect(validateApp(manifests)).toEqual([]);
  });

  test('suppress has no effect on errors', () => {
    const manifests = [nodePortService('a', 30080), nodePortService('b', 30080)];
    expect(validateApp(manifests, { suppress: ['service-node-port-conflict'] })).toHaveLength(1);
  });

  test('property: Services on distinct nodePorts never conflict', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 30000, max: 32767 }), { maxLength: 20 }),
        ports => validateApp(ports.map((port, i) => nodePortService(`s${i}`, port))).length === 0,
      ),
      { numRuns: 100 },
    );
  });

  // Its cost is measured by `npm run bench` (checks alone over pre-rendered manifests), not timed here.
  test('finds nothing wrong in a large app of 5,000 Pod + Service pairs', () => {
    const pods = Array.from({ length: 5000 }, (_, i) =>
      webPod([{ containerPort: 8080 }], { app: `app${i}`, tier: 'web' }, `web-${i}`),
    );
    const services = Array.from({ length: 5000 }, (_, i) =>
      service(
        { selector: { app: `app${i}`, tier: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
        { name: `svc-${i}` },
      ),
    );
    expect(validateApp([...pods, ...services])).toEqual([]);
  });
});

describe('validateAppByManifest', () => {
  test('files each problem under the Service it belongs to', () => {
    const manifests = [
      webPod([{ containerPort: 80 }]),
      nodePortService('a', 30080),
      service({ ports: [{ port: 80, targetPort: 9090 }] }, { name: 'lost' }),
      nodePortService('b', 30080),
    ];

    const byManifest = validateAppByManifest(manifests);

    expect(byManifest.map(problems => problems.map(p => p.rule))).toEqual([
      [],
      [],
      ['service-target-port-not-exposed'],
      ['service-node-port-conflict'],
    ]);
    expect(byManifest.flat()).toEqual(expect.arrayContaining(validateApp(manifests)));
    expect(byManifest.flat()).toHaveLength(validateApp(manifests).length);
  });
});
