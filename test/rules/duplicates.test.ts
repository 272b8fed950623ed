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
