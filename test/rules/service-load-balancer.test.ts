import type { ValidationError } from '../../lib/rules/problem';
import { validateService } from '../../lib/rules/service';
import { err, MSG, service } from './fixtures';

const LB_ONLY = "Forbidden: may only be used when `type` is 'LoadBalancer'";
const RANGES = 'must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ';
const ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const lb = (spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) =>
  service({ type: 'LoadBalancer', ...spec }, metadata);

describe('LoadBalancer-only Service fields (upstream ValidateService)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails exposing the kubelet port on a LoadBalancer',
      lb({ ports: [{ port: 10250 }] }),
      [
        err(
          'service-kubelet-port-forbidden',
          'spec.ports[0]',
          10250,
          'may not expose port 10250 externally since it is used by kubelet',
          "Expose another port in spec.ports[0].port; 10250 is the kubelet's API on every node.",
        ),
      ],
    ],
    [
      'fails source ranges on a NodePort Service, at the path upstream spells',
      service({ type: 'NodePort', loadBalancerSourceRanges: ['10.0.0.0/8'] }),
      [
        err(
          'service-source-ranges-forbidden',
          'spec.LoadBalancerSourceRanges',
          '[10.0.0.0/8]',
          LB_ONLY,
          'Remove spec.LoadBalancerSourceRanges, or set spec.type to LoadBalancer.',
        ),
      ],
    ],
    [
      'fails a source range that is not a CIDR',
      lb({ loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.1.1'] }),
      [
        err(
          'service-source-ranges-invalid',
          'spec.LoadBalancerSourceRanges',
          '[10.0.0.0/8 192.168.1.1]',
          RANGES,
          'List CIDR ranges such as 203.0.113.0/24 or 2001:db8::/32.',
        ),
      ],
    ],
    [
      'fails a source-ranges annotation with a bad range',
      lb({}, { annotations: { [ANNOTATION]: '10.0.0.0/8, 300.0.0.0/8' } }),
      [
        err(
          'service-source-ranges-invalid',
          `metadata.annotations[${ANNOTATION}]`,
          '10.0.0.0/8, 300.0.0.0/8',
          RANGES,
          'List CIDR ranges such as 203.0.113.0/24 or 2001:db8::/32.',
        ),
      ],
    ],
    [
      'fails allocateLoadBalancerNodePorts and loadBalancerClass on a ClusterIP Service',
      service({ allocateLoadBalancerNodePorts: false, loadBalancerClass: 'example.com/lb' }),
      [
        err(
          'service-allocate-node-ports-forbidden',
          'spec.allocateLoadBalancerNodePorts',
          false,
          LB_ONLY,
          'Remove spec.allocateLoadBalancerNodePorts, or set spec.type to LoadBalancer.',
        ),
        err(
          'service-load-balancer-class-forbidden',
          'spec.loadBalancerClass',
          'example.com/lb',
          LB_ONLY,
          'Remove spec.loadBalancerClass, or set spec.type to LoadBalancer.',
        ),
      ],
    ],
    [
      'fails a loadBalancerClass that is not a qualified name',
      lb({ loadBalancerClass: 'internal lb' }),
      [
        err(
          'service-load-balancer-class-invalid',
          'spec.loadBalancerClass',
          'internal lb',
          MSG.qualifiedNamePart,
          'Set spec.loadBalancerClass to a qualified name such as example.com/internal-lb.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validateService(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    [
      'a LoadBalancer with ranges, a class and no node ports',
      lb({
        loadBalancerSourceRanges: ['203.0.113.0/24', ' 2001:db8::/32 '],
        loadBalancerClass: 'example.com/internal',
        allocateLoadBalancerNodePorts: false,
      }),
    ],
    ['an empty source-ranges annotation (means 0.0.0.0/0)', lb({}, { annotations: { [ANNOTATION]: ' ' } })],
    ['port 10250 on a ClusterIP Service', service({ ports: [{ port: 10250 }] })],
  ])('passes %s', (_, manifest) => {
    expect(validateService(manifest)).toEqual([]);
  });
});
