import { nodeUnschedulable } from '../../../lib/scheduling/filters/node-unschedulable';
import { node, pod, state } from '../fixtures';

const REASON = 'node(s) were unschedulable';

describe('NodeUnschedulable', () => {
  test('fails on a cordoned node with "node(s) were unschedulable"', () => {
    const status = nodeUnschedulable(pod({}), state(node('n1', { unschedulable: true })));
    expect(status).toEqual({
      plugin: 'NodeUnschedulable',
      code: 'UnschedulableAndUnresolvable',
      reasons: [REASON],
    });
  });

  test.each<[string, Record<string, unknown>[]]>([
    [
      'the exact taint',
      [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
    ],
    ['the key with any effect', [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' }]],
    ['every taint', [{ operator: 'Exists' }]],
    [
      'the key with an empty value (Equal)',
      [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    ],
  ])('passes a cordoned node for a Pod tolerating %s', (_, tolerations) => {
    expect(
      nodeUnschedulable(pod({ tolerations }), state(node('n1', { unschedulable: true }))),
    ).toBeUndefined();
  });

  test.each<[string, Record<string, unknown>[]]>([
    [
      'NoExecute only',
      [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }],
    ],
    ['another key', [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }]],
    ['a value', [{ key: 'node.kubernetes.io/unschedulable', value: 'true', effect: 'NoSchedule' }]],
  ])('fails a cordoned node for a Pod tolerating %s', (_, tolerations) => {
    expect(
      nodeUnschedulable(pod({ tolerations }), state(node('n1', { unschedulable: true })))?.reasons,
    ).toEqual([REASON]);
  });

  test('passes a node that is not cordoned', () => {
    expect(nodeUnschedulable(pod({}), state(node('n1')))).toBeUndefined();
    expect(nodeUnschedulable(pod({}), state(node('n1', { unschedulable: false })))).toBeUndefined();
  });
});
