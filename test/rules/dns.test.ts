import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { err, MSG, pod } from './fixtures';

const dns = (dnsConfig: unknown, dnsPolicy?: string) => pod({ dnsConfig, dnsPolicy });
const domains = (n: number, length = 5) =>
  Array.from({ length: n }, (_, i) => `${'d'.repeat(length - 2)}${String(i).padStart(2, '0')}`);

describe('DNS policy and config (upstream validateDNSPolicy, validatePodDNSConfig)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails an unknown dnsPolicy, listing values in upstream order',
      pod({ dnsPolicy: 'clusterfirst' }),
      [
        err(
          'pod-dns-policy-unsupported',
          'spec.dnsPolicy',
          'clusterfirst',
          'Unsupported value: supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
          'Set spec.dnsPolicy to ClusterFirst, ClusterFirstWithHostNet, Default or None, or remove it for ClusterFirst.',
        ),
      ],
    ],
    [
      'fails dnsPolicy None without dnsConfig',
      pod({ dnsPolicy: 'None' }),
      [
        err(
          'pod-dns-config-required',
          'spec.dnsConfig',
          undefined,
          'Required value: must provide `dnsConfig` when `dnsPolicy` is None',
          'Add spec.dnsConfig with at least one nameserver, or use another dnsPolicy.',
        ),
      ],
    ],
    [
      'fails dnsPolicy None without nameservers, and checks nothing else',
      dns({ searches: ['Bad_Domain'] }, 'None'),
      [
        err(
          'pod-dns-nameservers-required',
          'spec.dnsConfig.nameservers',
          undefined,
          'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
          'Add a nameserver IP to spec.dnsConfig.nameservers.',
        ),
      ],
    ],
    [
      'fails four nameservers and one that is not an IP',
      dns({ nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9', 'dns.google'] }),
      [
        err(
          'pod-dns-nameservers-too-many',
          'spec.dnsConfig.nameservers',
          ['1.1.1.1', '8.8.8.8', '9.9.9.9', 'dns.google'],
          'must not have more than 3 nameservers',
          'Keep at most 3 entries in spec.dnsConfig.nameservers.',
        ),
        err(
          'pod-dns-nameserver-invalid',
          'spec.dnsConfig.nameservers[3]',
          'dns.google',
          'must be valid IP address',
          'Use an IPv4 or IPv6 address such as 10.96.0.10.',
        ),
      ],
    ],
    [
      'fails 33 search domains',
      dns({ searches: domains(33) }),
      [
        err(
          'pod-dns-searches-too-many',
          'spec.dnsConfig.searches',
          domains(33),
          'must not have more than 32 search paths',
          'Keep at most 32 entries in spec.dnsConfig.searches.',
        ),
      ],
    ],
    [
      'fails a search list of 2049 characters with its spaces',
      dns({ searches: [...domains(7, 253), 'a'.repeat(271)] }),
      [
        err(
          'pod-dns-searches-too-long',
          'spec.dnsConfig.searches',
          [...domains(7, 253), 'a'.repeat(271)],
          'must not have more than 2048 characters (including spaces) in the search list',
          'Shorten spec.dnsConfig.searches to at most 2048 characters in all.',
        ),
        err(
          'pod-dns-search-invalid',
          'spec.dnsConfig.searches[7]',
          'a'.repeat(271),
          'must be no more than 253 characters',
          'Use a lower-case DNS domain such as svc.cluster.local.',
        ),
      ],
    ],
    [
      'fails an upper-case search domain, reporting it without its trailing dot',
      dns({ searches: ['Corp.example.com.'] }),
      [
        err(
          'pod-dns-search-invalid',
          'spec.dnsConfig.searches[0]',
          'Corp.example.com',
          MSG.dns1123Subdomain,
          'Use a lower-case DNS domain such as svc.cluster.local.',
        ),
      ],
    ],
    [
      'fails an option without a name',
      dns({ options: [{ name: 'ndots', value: '2' }, { value: '1' }] }),
      [
        err(
          'pod-dns-option-name-required',
          'spec.dnsConfig.options[1]',
          { value: '1' },
          'Required value: must not be empty',
          'Set spec.dnsConfig.options[1].name, e.g. ndots.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    expect(validatePod(manifest)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['no policy (defaulted to ClusterFirst)', pod()],
    ['an empty policy (defaulted to ClusterFirst)', pod({ dnsPolicy: '' })],
    ['policy None with a nameserver', dns({ nameservers: ['10.96.0.10'] }, 'None')],
    [
      'three IPv4 and IPv6 nameservers',
      dns({ nameservers: ['10.0.0.1', '2001:db8::53', '010.000.000.001'] }),
    ],
    ['32 search domains, one with a trailing dot', dns({ searches: [...domains(31), 'svc.cluster.local.'] })],
    [
      'a search list of exactly 2048 characters',
      dns({ searches: [...domains(7, 253), 'a'.repeat(253), 'b'.repeat(16)] }),
    ],
    ['options with names', dns({ options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] })],
    ['ClusterFirstWithHostNet', pod({ dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true })],
  ])('passes %s', (_, manifest) => {
    expect(validatePod(manifest)).toEqual([]);
  });
});
