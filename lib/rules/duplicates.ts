/**
 * Pairs every item whose key was already seen with the first item that had that key, in one O(n) pass.
 * Items whose key is `undefined` take no part (e.g. unnamed ports).
 */
export function duplicates<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
): [first: T, repeat: T][] {
  const firsts = new Map<string, T>();
  return items.flatMap((item): [T, T][] => {
    const key = keyOf(item);
    if (key === undefined) return [];
    const first = firsts.get(key);
    if (first !== undefined) return [[first, item]];
    firsts.set(key, item);
    return [];
  });
}
