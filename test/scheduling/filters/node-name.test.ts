import { nodeName } from '../../../lib/scheduling/filters/node-name';
import { node, pod, state } from '../fixtures';

describe('NodeName', () => {
  test('fails another node with the upstream reason', () => {
    expect(nodeName(pod({ nodeName: 'n2' }), state(node('n1')))).toEqual({
      plugin: 'NodeName',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match the requested node name"],
    });
  });

  test.each<[string, Record<string, unknown>]>([
    ['the named node', { nodeName: 'n1' }],
    ['any node when nodeName is unset', {}],
    ['any node when nodeName is empty', { nodeName: '' }],
  ])('passes %s', (_, spec) => {
    expect(nodeName(pod(spec), state(node('n1')))).toBeUndefined();
  });
});
