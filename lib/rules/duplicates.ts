/** Up to this many items, repeats are found by comparing keys: no Map to allocate for the usual short list. */
const SCAN_LIMIT = 8;

/**
 * Pairs every item whose key was already seen with the first item that had that key, in one O(n) pass.
 * Items whose key is `undefined` take no part (e.g. unnamed ports).
 */
export function duplicates<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
): [first: T, repeat: T][] {
  const pairs: [T, T][] = [];
  // Most lists checked hold zero or one item: nothing can repeat.
  if (items.length < 2) return pairs;
  if (items.length <= SCAN_LIMIT) {
    // The same pairs as the Map below: each repeat with the earliest item of its key.
    const keys = new Array<string | undefined>(items.length);
    for (let i = 0; i < items.length; i++) {
      const key = keyOf(items[i]);
      keys[i] = key;
      if (key === undefined) continue;
      const first = keys.indexOf(key);
      if (first < i) pairs.push([items[first], items[i]]);
    }
    return pairs;
  }
  const firsts = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const first = firsts.get(key);
    if (first !== undefined) pairs.push([first, item]);
    else firsts.set(key, item);
  }
  return pairs;
}
