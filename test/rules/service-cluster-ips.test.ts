import type { ValidationError } from '../../lib/rules/problem';
import { validateService } from '../../lib/rules/service';
import { err, service } from './fixtures';

const IPS_FIX =
  'Set spec.clusterIPs to [spec.clusterIP] (and a second IP of the other family for dual-stack), or omit both.';
const POLICY_FIX = 'Set spec.ipFamilyPolicy to PreferDualStack or RequireDualStack, or keep a single entry.';
const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

describe('Service cluster IPs and IP families (upstream ValidateServiceClusterIPsRelatedFields)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a headless NodePort Service',
      service({ type: 'NodePort', clusterIP: 'None' }),
      [
        err(
          'service-headless-type-forbidden',
          'spec.clusterIPs[0]',
          'None',
          "may not be set to 'None' for NodePort services",
          'Remove clusterIP: None, or set spec.type to ClusterIP for a headless Service.',
        ),
      ],
    ],
    [
      'fails a headless LoadBalancer given as clusterIPs',
      service({ type: 'LoadBalancer', clusterIPs: ['None'] }),
      [
        err(
          'service-headless-type-forbidden',
          'spec.clusterIPs[0]',
          'None',
          "may not be set to 'None' for LoadBalancer services",
          'Remove clusterIP: None, or set spec.type to ClusterIP for a headless Service.',
        ),
        err(
          'service-cluster-ips-mismatch',
          'spec.clusterIPs',
          ['None'],
          'must be empty when `clusterIP` is not specified',
          IPS_FIX,
        ),
      ],
    ],
    [
      'fails clusterIPs whose first entry is not clusterIP',
      service({ clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.21'] }),
      [
        err(
          'service-cluster-ips-mismatch',
          'spec.clusterIPs',
          ['10.96.0.21'],
          'first value must match `clusterIP`',
          IPS_FIX,
        ),
      ],
    ],
    [
      'fails a clusterIP that is not an IP',
      service({ clusterIP: '10.96.0.300' }),
      [
        err(
          'service-cluster-ip-invalid',
          'spec.clusterIPs[0]',
          '10.96.0.300',
          INVALID_IP,
          'Use an IP address from the cluster\'s Service range, "None", or omit it.',
        ),
      ],
    ],
    [
      'fails None next to another IP, and three IPs',
      service({ clusterIP: 'None', clusterIPs: ['None', '10.96.0.1', 'fd00::1'] }),
      [
        err(
          'service-cluster-ips-invalid',
          'spec.clusterIPs',
          ['None', '10.96.0.1', 'fd00::1'],
          "'None' must be the first and only value",
          'Use clusterIPs: [None] alone for a headless Service.',
        ),
        err(
          'service-cluster-ips-too-many',
          'spec.clusterIPs',
          ['None', '10.96.0.1', 'fd00::1'],
          'may only hold up to 2 values',
          'Keep at most one IPv4 and one IPv6 address in spec.clusterIPs.',
        ),
      ],
    ],
    [
      'fails two IPv4 cluster IPs',
      service({
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1', '10.96.0.2'],
        ipFamilyPolicy: 'RequireDualStack',
      }),
      [
        err(
          'service-cluster-ips-not-dual-stack',
          'spec.clusterIPs',
          ['10.96.0.1', '10.96.0.2'],
          'may specify no more than one IP for each IP family',
          'Give spec.clusterIPs one IPv4 and one IPv6 address, or a single address.',
        ),
      ],
    ],
    [
      'fails an IP of the wrong family',
      service({ clusterIP: '10.96.0.1', ipFamilies: ['IPv6'] }),
      [
        err(
          'service-cluster-ip-family-mismatch',
          'spec.clusterIPs[0]',
          '10.96.0.1',
          'expected an IPv6 value as indicated by `ipFamilies[0]`',
          'Make spec.clusterIPs[0] an IPv6 address, or change spec.ipFamilies[0].',
        ),
      ],
    ],
    [
      'fails an unknown and a repeated IP family, and an unknown policy',
      service({ ipFamilies: ['ipv4', 'ipv4'], ipFamilyPolicy: 'DualStack' }),
      [
        err(
          'service-ip-family-unsupported',
          'spec.ipFamilies[0]',
          'ipv4',
          'Unsupported value: supported values: "IPv4", "IPv6"',
          'Set spec.ipFamilies[0] to IPv4 or IPv6.',
        ),
        err(
          'service-ip-family-unsupported',
          'spec.ipFamilies[1]',
          'ipv4',
          'Unsupported value: supported values: "IPv4", "IPv6"',
          'Set spec.ipFamilies[1] to IPv4 or IPv6.',
        ),
        err(
          'service-ip-family-duplicate',
          'spec.ipFamilies[1]',
          'ipv4',
          'Duplicate value: "ipv4"',
          'Remove spec.ipFamilies[1]: list each IP family once.',
        ),
        err(
          'service-ip-family-policy-unsupported',
          'spec.ipFamilyPolicy',
          'DualStack',
          'Unsupported value: supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
          'Set spec.ipFamilyPolicy to SingleStack, PreferDualStack or RequireDualStack, or remove it.',
        ),
      ],
    ],
    [
      'fails two families without a policy (the registry defaults it to SingleStack)',
      service({ ipFamilies: ['IPv4', 'IPv6'] }),
      [
        err(
          'service-ip-family-policy-single-stack',
          'spec.ipFamilyPolicy',
          'SingleStack',
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
          POLICY_FIX,
        ),
      ],
    ],
    [
      'fails two cluster IPs with SingleStack',
      service({
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1', 'fd00::1'],
        ipFamilyPolicy: 'SingleStack',
      }),
      [
        err(
          'service-ip-family-policy-single-stack',
          'spec.ipFamilyPolicy',
          'SingleStack',
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
          POLICY_FIX,
        ),
      ],
    ],
    [
      'fails IP fields on an ExternalName Service',
      service({
        type: 'ExternalName',
        externalName: 'db.example.com',
        clusterIP: '10.96.0.5',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
      }),
      [
        err(
          'service-external-name-ip-field-forbidden',
          'spec.clusterIPs',
          ['10.96.0.5'],
          'Forbidden: may not be set for ExternalName services',
          'Remove spec.clusterIPs and spec.clusterIP: an ExternalName Service is a DNS alias without a cluster IP.',
        ),
        err(
          'service-external-name-ip-field-forbidden',
          'spec.ipFamilies',
          ['IPv4'],
          'Forbidden: may not be set for ExternalName services',
          'Remove spec.ipFamilies: an ExternalName Service is a DNS alias without a cluster IP.',
        ),
        err(
          'service-external-name-ip-field-forbidden',
          'spec.ipFamilyPolicy',
          'SingleStack',
          'Forbidden: may not be set for ExternalName services',
          'Remove spec.ipFamilyPolicy: an ExternalName Service is a DNS alias without a cluster IP.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validateService(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['no cluster IP (allocated)', service()],
    ['an empty clusterIP', service({ clusterIP: '' })],
    ['a chosen IPv4 clusterIP (clusterIPs filled from it)', service({ clusterIP: '10.96.0.20' })],
    [
      'clusterIP and clusterIPs in sync',
      service({ clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], ipFamilies: ['IPv4'] }),
    ],
    ['a headless ClusterIP Service', service({ clusterIP: 'None' })],
    [
      'a dual-stack Service',
      service({
        clusterIP: 'fd00::20',
        clusterIPs: ['fd00::20', '10.96.0.20'],
        ipFamilies: ['IPv6', 'IPv4'],
        ipFamilyPolicy: 'PreferDualStack',
      }),
    ],
    [
      'two families on a selectorless headless Service (defaulted to RequireDualStack)',
      service({ clusterIP: 'None', selector: undefined, ipFamilies: ['IPv4', 'IPv6'] }),
    ],
    [
      'an ExternalName Service with clusterIP ""',
      service({ type: 'ExternalName', externalName: 'db.example.com', clusterIP: '' }),
    ],
  ])('passes %s', (_, manifest) => {
    expect(validateService(manifest)).toEqual([]);
  });
});
