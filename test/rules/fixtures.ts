import type { ValidationError } from '../../lib/rules/problem';

/** Upstream messages, written out in full so the tests pin the exact wording the API server uses. */
export const MSG = {
  dns1123Label:
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  dns1123Subdomain:
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  dns1035Label:
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  qualifiedNamePart:
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  labelValue:
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  envVarName:
    "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
  portRange: 'must be between 1 and 65535, inclusive',
  protocols: 'Unsupported value: supported values: "SCTP", "TCP", "UDP"',
} as const;

type Json = Record<string, unknown>;

/** An expected error, written out field by field (not built with the code under test). */
export const err = (
  rule: string,
  field: string,
  value: unknown,
  message: string,
  fix: string,
): ValidationError => ({
  rule,
  severity: 'error',
  field,
  value,
  message,
  fix,
});

/** An expected warning, written out field by field. */
export const warn = (
  rule: string,
  field: string,
  value: unknown,
  message: string,
  fix: string,
): ValidationError => ({ ...err(rule, field, value, message, fix), severity: 'warning' });

/**
 * An expected `field-type-invalid` error: `noun` is what the field holds (`a list`), `described`
 * what it got (`a string`).
 */
export const typeError = (field: string, value: unknown, noun: string, described: string): ValidationError =>
  err(
    'field-type-invalid',
    field,
    value,
    `must be ${noun}; the API server cannot decode ${described} into this field`,
    `Set ${field} to ${noun}, or remove it.`,
  );

/** A valid v1 Pod with one container; `spec` and `metadata` entries replace the defaults. */
export function pod(spec: Json = {}, metadata: Json = {}): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', ...metadata },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec },
  };
}

/** A valid v1 Pod whose only container has the given fields on top of a name and image. */
export function podWith(container: Json, spec: Json = {}): Json {
  return pod({ containers: [{ name: 'app', image: 'nginx:1.25', ...container }], ...spec });
}

/** A valid v1 ClusterIP Service on port 80; `spec` and `metadata` entries replace the defaults. */
export function service(spec: Json = {}, metadata: Json = {}): Json {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', ...metadata },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  };
}

/** A string of `n` copies of `c`. */
export const repeat = (c: string, n: number): string => c.repeat(n);
