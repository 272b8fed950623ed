import { validateAnnotations } from './annotations';
import type { JsonObject } from './json';
import { isUnset, OBJECT, read, STRING } from './json';
import { validateLabels } from './labels';
import { isDns1123Label, isDns1123Subdomain } from './names';
import type { ValidationError } from './problem';
import { error, reasons } from './report';

/** How a kind's `metadata.name` is checked. */
export interface NameFormat {
  /** Returns the reasons a name is invalid (empty when valid). */
  readonly check: (name: string) => string[];
  /** Imperative fix sentence for an invalid name. */
  readonly fix: string;
}

/**
 * Upstream `ValidateObjectMeta` for the parts a rendered manifest controls: name, generateName,
 * namespace, labels and annotations (keys and total size).
 */
export function validateObjectMeta(obj: JsonObject, format: NameFormat): ValidationError[] {
  const out: ValidationError[] = [];
  const meta = read(obj, 'metadata', 'metadata', OBJECT, out) ?? {};
  const name = read(meta, 'name', 'metadata.name', STRING, out);
  // With generateName the server makes the name up, so an absent name is fine then.
  const generateName = read(meta, 'generateName', 'metadata.generateName', STRING, out) ?? '';
  const generated = generateName !== '';
  validateGenerateName(generateName, format, out);
  // `isBlank(meta, 'name')`, asking again only when no string was read.
  const blank = name === '' || (name === undefined && isUnset(meta, 'name'));
  if (blank && !generated) {
    out.push(
      error(
        'metadata-name-required',
        'metadata.name',
        name,
        'Required value: name or generateName is required',
        'Set metadata.name.',
      ),
    );
  }
  const nameReasons = name ? format.check(name) : [];
  if (nameReasons.length > 0) {
    out.push(error('metadata-name-invalid', 'metadata.name', name, reasons(nameReasons), format.fix));
  }
  const namespace = read(meta, 'namespace', 'metadata.namespace', STRING, out) ?? '';
  // An empty namespace means "the client's current namespace", which is valid.
  const namespaceReasons = namespace === '' ? [] : isDns1123Label(namespace);
  if (namespaceReasons.length > 0) {
    out.push(
      error(
        'metadata-namespace-invalid',
        'metadata.namespace',
        namespace,
        reasons(namespaceReasons),
        'Use a namespace of at most 63 lower-case alphanumerics or "-" that starts and ends alphanumeric.',
      ),
    );
  }
  validateAnnotations(meta, 'metadata.annotations', out);
  if (meta.labels != null) out.push(...validateLabels(meta, 'labels', 'metadata.labels'));
  return out;
}

/**
 * Upstream `maskTrailingDash`: a generateName may end in '-', since a suffix follows. Upstream
 * replaces the last two characters with "a" (not just the dash), and so does this.
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** Upstream `ValidateObjectMetaAccessor` on `generateName`: the name rule, allowing a trailing '-'. */
function validateGenerateName(generateName: string, format: NameFormat, out: ValidationError[]): void {
  if (generateName === '') return;
  const found = format.check(maskTrailingDash(generateName));
  if (found.length > 0) {
    out.push(
      error(
        'metadata-generate-name-invalid',
        'metadata.generateName',
        generateName,
        reasons(found),
        format.fix,
      ),
    );
  }
}

/** Names that are DNS-1123 subdomains (upstream `NameIsDNSSubdomain`): Pods, Deployments, Jobs, … */
export const SUBDOMAIN_NAME_FORMAT: NameFormat = {
  check: isDns1123Subdomain,
  fix: "Use at most 253 lower-case alphanumerics, '-' or '.', starting and ending alphanumeric.",
};

/** Names that are DNS-1123 labels (upstream `NameIsDNSLabel`): StatefulSets, whose Pods use them as hostnames. */
export const LABEL_NAME_FORMAT: NameFormat = {
  check: isDns1123Label,
  fix: 'Use at most 63 lower-case alphanumerics or "-" (no dots) that start and end alphanumeric.',
};
