import { taintToleration, toleratesTaint } from '../../../lib/scheduling/filters/taint-toleration';
import type { Toleration } from '../../../lib/scheduling/pod-view';
import { node, pod, state } from '../fixtures';

const CONTROL_PLANE = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
const tol = (t: Partial<Toleration>): Toleration => ({ key: '', operator: '', value: '', effect: '', ...t });

describe('TaintToleration', () => {
  test.each<[string, Record<string, unknown>[], Record<string, unknown>[], string]>([
    [
      'a NoSchedule taint without value',
      [CONTROL_PLANE],
      [],
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    ],
    [
      'a NoExecute taint with value',
      [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }],
      [],
      'node(s) had untolerated taint {dedicated: gpu}',
    ],
    [
      'the first untolerated taint only',
      [
        { key: 'a', value: '1', effect: 'NoSchedule' },
        { key: 'b', value: '2', effect: 'NoSchedule' },
      ],
      [{ key: 'a', operator: 'Equal', value: '1' }],
      'node(s) had untolerated taint {b: 2}',
    ],
    [
      'a toleration for another value',
      [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      [{ key: 'dedicated', value: 'db' }],
      'node(s) had untolerated taint {dedicated: gpu}',
    ],
    [
      'a toleration for another effect',
      [CONTROL_PLANE],
      [{ key: CONTROL_PLANE.key, operator: 'Exists', effect: 'NoExecute' }],
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    ],
    [
      'an unknown operator',
      [CONTROL_PLANE],
      [{ key: CONTROL_PLANE.key, operator: 'Matches' }],
      'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    ],
  ])('fails %s', (_, taints, tolerations, reason) => {
    expect(taintToleration(pod({ tolerations }), state(node('n1', { taints })))).toEqual({
      plugin: 'TaintToleration',
      code: 'UnschedulableAndUnresolvable',
      reasons: [reason],
    });
  });

  test.each<[string, Record<string, unknown>[], Record<string, unknown>[]]>([
    ['no taint', [], []],
    ['PreferNoSchedule, which only weighs in scoring', [{ key: 'x', effect: 'PreferNoSchedule' }], []],
    [
      'Exists with the key',
      [CONTROL_PLANE],
      [{ key: CONTROL_PLANE.key, operator: 'Exists', effect: 'NoSchedule' }],
    ],
    [
      'Exists with an empty key: every taint',
      [CONTROL_PLANE, { key: 'x', value: 'y', effect: 'NoExecute' }],
      [{ operator: 'Exists' }],
    ],
    [
      'an empty effect: every effect',
      [{ key: 'x', value: 'y', effect: 'NoExecute' }],
      [{ key: 'x', operator: 'Equal', value: 'y' }],
    ],
    [
      'an empty operator means Equal',
      [{ key: 'x', value: 'y', effect: 'NoSchedule' }],
      [{ key: 'x', value: 'y', effect: 'NoSchedule' }],
    ],
  ])('passes %s', (_, taints, tolerations) => {
    expect(taintToleration(pod({ tolerations }), state(node('n1', { taints })))).toBeUndefined();
  });

  test.each<[string, Toleration, boolean]>([
    ['an empty key matches every key, Equal still compares the value', tol({ value: 'v' }), true],
    ['an empty key with Equal and another value', tol({ value: 'w' }), false],
    ['Exists ignores the value', tol({ key: 'k', operator: 'Exists', value: 'other' }), true],
    ['Equal compares the value', tol({ key: 'k', operator: 'Equal', value: 'v' }), true],
    ['a different effect never matches', tol({ key: 'k', operator: 'Exists', effect: 'NoExecute' }), false],
  ])('toleratesTaint: %s', (_, toleration, expected) => {
    expect(toleratesTaint(toleration, { key: 'k', value: 'v', effect: 'NoSchedule' })).toBe(expected);
  });
});
