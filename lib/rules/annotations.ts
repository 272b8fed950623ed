import { tooLong } from './field-errors';
import type { JsonObject } from './json';
import { isUnset, readStringMap } from './json';
import { isQualifiedName } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/** Upstream `TotalAnnotationSizeLimitB`: keys and values of one object's annotations, in bytes. */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/**
 * Upstream `ValidateAnnotations` (apimachinery pkg/api/validation/objectmeta.go): every key is a
 * qualified name once lower-cased, and keys plus values total at most 256 KiB. Problems point at the
 * map (`metadata.annotations`), as upstream reports them. Returns the entries read.
 */
export function validateAnnotations(
  owner: JsonObject,
  field: string,
  out: ValidationError[],
): readonly [string, string][] {
  if (isUnset(owner, 'annotations')) return [];
  const entries = readStringMap(owner, 'annotations', field, out);
  let bytes = 0;
  for (const [key, value] of entries) {
    bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
    const found = isQualifiedName(key.toLowerCase());
    if (found.length > 0) {
      out.push(
        error(
          'annotation-key-invalid',
          field,
          key,
          reasons(found),
          `Rename annotation ${JSON.stringify(key)} to an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
        ),
      );
    }
  }
  if (bytes > MAX_ANNOTATIONS_BYTES) {
    out.push(
      error(
        'annotations-too-long',
        field,
        '',
        tooLong(MAX_ANNOTATIONS_BYTES),
        `Shrink ${field} to at most ${MAX_ANNOTATIONS_BYTES} bytes of keys and values (now ${bytes}); keep large data in a ConfigMap.`,
      ),
    );
  }
  return entries;
}
