import type { JsonObject } from './json';
import { read, STRING } from './json';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/** Port protocols the API server accepts (case-sensitive). */
export const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

/** The protocol the API server fills in when a port has none. */
export const DEFAULT_PROTOCOL = 'TCP';

/**
 * Reads a port's `protocol`, defaulting to TCP as the API server does, and reports unsupported values.
 * Returns the protocol as written (even if unsupported) so conflict checks still compare like with like.
 */
export function readProtocol(port: JsonObject, path: string, rule: string, out: ValidationError[]): string {
  const field = `${path}.protocol`;
  // Defaulting turns an empty protocol into TCP before validation runs.
  const protocol = read(port, 'protocol', field, STRING, out) || DEFAULT_PROTOCOL;
  if (!PROTOCOLS.includes(protocol)) {
    out.push(
      error(
        rule,
        field,
        protocol,
        unsupported(PROTOCOLS),
        `Set ${field} to TCP, UDP or SCTP (upper case), or omit it for TCP.`,
      ),
    );
  }
  return protocol;
}
