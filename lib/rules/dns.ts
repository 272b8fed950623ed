import { required } from './field-errors';
import { parseIP } from './ip';
import type { JsonObject } from './json';
import { OBJECT, read, readField, readObjects, STRING } from './json';
import { readStrings } from './json-lists';
import { isDns1123Subdomain } from './names';
import type { ValidationError } from './problem';
import { error, reasons, unsupported } from './report';

/** DNS policies the API server accepts, in upstream's order. */
export const DNS_POLICIES: readonly string[] = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

// Upstream's libc-derived limits; 32 and 2048 since ExpandedDNSConfig went GA in 1.28.
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_LIST_CHARS = 2048;

/** Upstream `validateDNSPolicy`: an unset or empty policy is defaulted to ClusterFirst first. */
function readDnsPolicy(spec: JsonObject, specPath: string, out: ValidationError[]): string {
  const field = `${specPath}.dnsPolicy`;
  const policy = read(spec, 'dnsPolicy', field, STRING, out) || 'ClusterFirst';
  if (!DNS_POLICIES.includes(policy)) {
    out.push(
      error(
        'pod-dns-policy-unsupported',
        field,
        policy,
        unsupported(DNS_POLICIES, 'as-given'),
        `Set ${field} to ClusterFirst, ClusterFirstWithHostNet, Default or None, or remove it for ClusterFirst.`,
      ),
    );
  }
  return policy;
}

function validateSearches(config: JsonObject, path: string, out: ValidationError[]): void {
  const field = `${path}.searches`;
  const searches = readStrings(config, 'searches', field, out);
  if (searches.length === 0) return;
  const list = searches.map(search => search.value);
  if (list.length > MAX_SEARCH_PATHS) {
    out.push(
      error(
        'pod-dns-searches-too-many',
        field,
        list,
        `must not have more than ${MAX_SEARCH_PATHS} search paths`,
        `Keep at most ${MAX_SEARCH_PATHS} entries in ${field}.`,
      ),
    );
  }
  // Upstream counts bytes of the list joined with single spaces.
  if (Buffer.byteLength(list.join(' '), 'utf8') > MAX_SEARCH_LIST_CHARS) {
    out.push(
      error(
        'pod-dns-searches-too-long',
        field,
        list,
        `must not have more than ${MAX_SEARCH_LIST_CHARS} characters (including spaces) in the search list`,
        `Shorten ${field} to at most ${MAX_SEARCH_LIST_CHARS} characters in all.`,
      ),
    );
  }
  for (const { index, value } of searches) {
    // A trailing dot marks a fully qualified domain and is allowed.
    const domain = value.endsWith('.') ? value.slice(0, -1) : value;
    const found = isDns1123Subdomain(domain);
    if (found.length > 0) {
      out.push(
        error(
          'pod-dns-search-invalid',
          `${field}[${index}]`,
          domain,
          reasons(found),
          'Use a lower-case DNS domain such as svc.cluster.local.',
        ),
      );
    }
  }
}

function validateNameservers(config: JsonObject, path: string, out: ValidationError[]): void {
  const field = `${path}.nameservers`;
  const nameservers = readStrings(config, 'nameservers', field, out);
  if (nameservers.length > MAX_NAMESERVERS) {
    out.push(
      error(
        'pod-dns-nameservers-too-many',
        field,
        nameservers.map(ns => ns.value),
        `must not have more than ${MAX_NAMESERVERS} nameservers`,
        `Keep at most ${MAX_NAMESERVERS} entries in ${field}.`,
      ),
    );
  }
  for (const { index, value } of nameservers) {
    if (parseIP(value) === undefined) {
      out.push(
        error(
          'pod-dns-nameserver-invalid',
          `${field}[${index}]`,
          value,
          'must be valid IP address',
          'Use an IPv4 or IPv6 address such as 10.96.0.10.',
        ),
      );
    }
  }
}

/**
 * Upstream `validateDNSPolicy` and `validatePodDNSConfig` (pkg/apis/core/validation): the policy,
 * and `dnsConfig` (required with nameservers when the policy is None; at most 3 nameservers, all IPs;
 * at most 32 search domains and 2048 characters; named options).
 */
export function validatePodDns(spec: JsonObject, specPath: string, out: ValidationError[]): void {
  const policy = readDnsPolicy(spec, specPath, out);
  const path = `${specPath}.dnsConfig`;
  const config = read(spec, 'dnsConfig', path, OBJECT, out);
  if (policy === 'None') {
    if (config === undefined) {
      out.push(
        error(
          'pod-dns-config-required',
          path,
          undefined,
          required('must provide `dnsConfig` when `dnsPolicy` is None'),
          `Add ${path} with at least one nameserver, or use another dnsPolicy.`,
        ),
      );
      return;
    }
    if (!Array.isArray(config.nameservers) || config.nameservers.length === 0) {
      out.push(
        error(
          'pod-dns-nameservers-required',
          `${path}.nameservers`,
          config.nameservers,
          required('must provide at least one DNS nameserver when `dnsPolicy` is None'),
          `Add a nameserver IP to ${path}.nameservers.`,
        ),
      );
      return;
    }
  }
  if (config === undefined) return;
  validateNameservers(config, path, out);
  validateSearches(config, path, out);
  for (const { path: optionPath, item } of readObjects(config, 'options', `${path}.options`, out)) {
    if (!readField(item, 'name', optionPath, STRING, out)) {
      out.push(
        error(
          'pod-dns-option-name-required',
          optionPath,
          item,
          required('must not be empty'),
          `Set ${optionPath}.name, e.g. ndots.`,
        ),
      );
    }
  }
}
