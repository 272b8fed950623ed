import type { JsonObject } from './json';
import { INTEGER, isJsonObject, read, STRING } from './json';
import type { ValidationError } from './problem';
import { error, unsupported } from './report';

/** `spec.sessionAffinity` values, sorted as upstream lists them. */
export const SESSION_AFFINITIES: readonly string[] = ['ClientIP', 'None'];

/** Upstream `MaxClientIPServiceAffinitySeconds`: one day. */
const MAX_TIMEOUT_SECONDS = 86400;

/**
 * Upstream `ValidateService`'s session affinity rules and `validateAffinityTimeout`, after v1
 * defaulting: an empty affinity is None, whose `sessionAffinityConfig` defaulting drops; ClientIP
 * without a timeout gets 10800 s. So only the value and an explicit timeout (1 to 86400) can fail.
 */
export function validateSessionAffinity(spec: JsonObject, out: ValidationError[]): void {
  const field = 'spec.sessionAffinity';
  const affinity = read(spec, 'sessionAffinity', field, STRING, out) || 'None';
  if (!SESSION_AFFINITIES.includes(affinity)) {
    out.push(
      error(
        'service-session-affinity-unsupported',
        field,
        affinity,
        unsupported(SESSION_AFFINITIES),
        `Set ${field} to ClientIP or None, or remove it for None.`,
      ),
    );
    return;
  }
  if (affinity !== 'ClientIP') return;
  const config = spec.sessionAffinityConfig;
  const clientIP = isJsonObject(config) ? config.clientIP : undefined;
  if (!isJsonObject(clientIP)) return;
  const timeoutField = 'spec.sessionAffinityConfig.clientIP.timeoutSeconds';
  const timeout = read(clientIP, 'timeoutSeconds', timeoutField, INTEGER, out);
  if (timeout !== undefined && (timeout <= 0 || timeout > MAX_TIMEOUT_SECONDS)) {
    out.push(
      error(
        'service-session-affinity-timeout-invalid',
        timeoutField,
        timeout,
        `must be greater than 0 and less than ${MAX_TIMEOUT_SECONDS}`,
        `Set ${timeoutField} to 1-${MAX_TIMEOUT_SECONDS} seconds, or remove it for 10800 (3 hours).`,
      ),
    );
  }
}
