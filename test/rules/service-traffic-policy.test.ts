import type { ValidationError } from '../../lib/rules/problem';
import { validateService } from '../../lib/rules/service';
import { err, MSG, service } from './fixtures';

const HCNP_FIX =
  'Remove spec.healthCheckNodePort, or use type LoadBalancer with externalTrafficPolicy Local.';

describe('Service traffic policies (upstream validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails externalTrafficPolicy on an ExternalName Service',
      service({ type: 'ExternalName', externalName: 'db.example.com', externalTrafficPolicy: 'Cluster' }),
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
      'fails healthCheckNodePort on a NodePort Service',
      service({ type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 }),
      [
        err(
          'service-health-check-node-port-forbidden',
          'spec.healthCheckNodePort',
          30100,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
          HCNP_FIX,
        ),
      ],
    ],
    [
      'fails healthCheckNodePort on a LoadBalancer with the default Cluster policy',
      service({ type: 'LoadBalancer', healthCheckNodePort: 30100 }),
      [
        err(
          'service-health-check-node-port-forbidden',
          'spec.healthCheckNodePort',
          30100,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
          HCNP_FIX,
        ),
      ],
    ],
    [
      'fails a healthCheckNodePort out of the port range',
      service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 70000 }),
      [
        err(
          'service-health-check-node-port-invalid',
          'spec.healthCheckNodePort',
          70000,
          MSG.portRange,
          'Set spec.healthCheckNodePort to a port between 1 and 65535, or omit it to let the cluster allocate one.',
        ),
      ],
    ],
    [
      'fails an unknown internalTrafficPolicy',
      service({ internalTrafficPolicy: 'Node' }),
      [
        err(
          'service-internal-traffic-policy-unsupported',
          'spec.internalTrafficPolicy',
          'Node',
          'Unsupported value: supported values: "Cluster", "Local"',
          'Set spec.internalTrafficPolicy to Cluster or Local, or remove it for Cluster.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validateService(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a NodePort Service without policy (defaulted to Cluster)', service({ type: 'NodePort' })],
    ['an empty externalTrafficPolicy on a ClusterIP Service', service({ externalTrafficPolicy: '' })],
    [
      'a LoadBalancer with Local and a health check port',
      service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 }),
    ],
    ['internalTrafficPolicy Local', service({ internalTrafficPolicy: 'Local' })],
    [
      'internalTrafficPolicy on an ExternalName Service',
      service({ type: 'ExternalName', externalName: 'db.example.com', internalTrafficPolicy: 'Cluster' }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validateService(manifest)).toEqual([]);
  });
});
