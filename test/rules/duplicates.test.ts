import fc from 'fast-check';
import { duplicates } from '../../lib/rules/duplicates';

test('pairs each repeat with the first item of its key', () => {
  expect(duplicates(['a1', 'b1', 'a2', 'a3', 'c'], s => (s === 'c' ? undefined : s[0]))).toEqual([
    ['a1', 'a2'],
    ['a1', 'a3'],
  ]);
});

test('property: reports n - distinct keys repeats', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 2 })), items => {
      expect(duplicates(items, s => s)).toHaveLength(items.length - new Set(items).size);
    }),
    { numRuns: 200 },
  );
});

test('property: short and long lists give the same pairs, in the same order, as one Map of first items', () => {
  const keyOf = (s: string): string | undefined => (s.startsWith('#') ? undefined : s[0]);
  const viaMap = (items: readonly string[]): [string, string][] => {
    const firsts = new Map<string, string>();
    const pairs: [string, string][] = [];
    for (const item of items) {
      const key = keyOf(item);
      if (key === undefined) continue;
      const first = firsts.get(key);
      if (first !== undefined) pairs.push([first, item]);
      else firsts.set(key, item);
    }
    return pairs;
  };
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 2 }), { maxLength: 20 }), items => {
      // Tagged with their position, so equal items stay tellable apart.
      const tagged = items.map((item, i) => `${item}#${i}`);
      expect(duplicates(tagged, keyOf)).toEqual(viaMap(tagged));
    }),
    { numRuns: 300 },
  );
});
