import { isJsonObject } from './rules/json';

/** A manifest's kind, name and namespace, as far as it has them. */
export interface ObjectName {
  /** `kind`, or `''` when absent. */
  readonly kind: string;
  /** `metadata.name`, or `''` when absent. */
  readonly name: string;
  /** `metadata.namespace`, when set. */
  readonly namespace?: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The kind, name and namespace of a manifest; empty strings for what it lacks. */
export function objectName(manifest: unknown): ObjectName {
  if (!isJsonObject(manifest)) return { kind: '', name: '' };
  const metadata = isJsonObject(manifest.metadata) ? manifest.metadata : {};
  const namespace = text(metadata.namespace);
  return {
    kind: text(manifest.kind),
    name: text(metadata.name),
    ...(namespace === '' ? {} : { namespace }),
  };
}

/** `Kind/name` as kubectl prints it, e.g. `Service/web`; `Kind` alone when unnamed. */
export function formatObjectName(name: ObjectName): string {
  const kind = name.kind === '' ? 'object' : name.kind;
  return name.name === '' ? kind : `${kind}/${name.name}`;
}

/**
 * The names held by exactly one of the manifests. cdk8s records construct paths by
 * `metadata.name` only (`construct-metadata.json`), so a Pod and the Service named after it share
 * one entry, which then names the wrong construct for one of them: only a unique name can be
 * looked up safely.
 */
export function uniqueNames(manifests: readonly unknown[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const manifest of manifests) {
    const { name } = objectName(manifest);
    if (name === '') continue;
    if (seen.has(name)) shared.add(name);
    seen.add(name);
  }
  for (const name of shared) seen.delete(name);
  return seen;
}
