/*
 * Text helpers that reproduce upstream's message building (policy/helpers.go and the
 * `sets.String.List()` sort), so ForbiddenDetail strings come out byte-for-byte the same.
 */

/** Upstream `pluralize`: the singular form for exactly one item, else the plural. */
export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** Upstream `joinQuote`: `"a", "b"`. */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

/** Upstream `sets.NewString(...).List()`: unique and sorted by code unit, like Go's byte order for ASCII. */
export function sortedUnique(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

/** `container "a"` / `containers "a", "b"`. */
export function containerList(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

/** Upstream's "bad setters" phrase: `pod`, `containers "a", "b"` or `pod and container "a"`. */
export function setterList(podIsBad: boolean, containerNames: readonly string[]): string {
  const setters: string[] = [];
  if (podIsBad) setters.push('pod');
  if (containerNames.length > 0) setters.push(containerList(containerNames));
  return setters.join(' and ');
}
