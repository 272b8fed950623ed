import type { JsonObject } from './json';
import { isJsonObject } from './json';
import type { RuleOptions } from './options';
import { applySuppression } from './options';
import { validatePod } from './pod';
import type { ValidationError } from './problem';
import { validateService } from './service';

/** Kinds these rules know, with their validators. */
const VALIDATORS: Readonly<Record<string, (obj: JsonObject, options: RuleOptions) => ValidationError[]>> = {
  Pod: validatePod,
  Service: validateService,
};

/** The kind of a core (`apiVersion: v1`) object these rules check, or undefined for anything else. */
export function checkedKind(obj: unknown): 'Pod' | 'Service' | undefined {
  if (!isJsonObject(obj) || obj.apiVersion !== 'v1') return undefined;
  return obj.kind === 'Pod' || obj.kind === 'Service' ? obj.kind : undefined;
}

/**
 * Checks one rendered manifest (`ApiObject.toJson()`) the way the Kubernetes 1.28 API server would.
 * Dispatches on `apiVersion: v1` Pod and Service; any other object yields `[]`.
 * Never throws: malformed fields are reported as `field-type-invalid`.
 */
export function validateManifest(obj: unknown, options: RuleOptions = {}): ValidationError[] {
  const kind = checkedKind(obj);
  if (kind === undefined || !isJsonObject(obj)) return [];
  return applySuppression(VALIDATORS[kind]?.(obj, options) ?? [], options);
}
