import { formatFitError, preemptionMessage } from '../../lib/scheduling/fit-error';
import type { FilterStatus } from '../../lib/scheduling/status';

const taint: FilterStatus = {
  plugin: 'TaintToleration',
  code: 'UnschedulableAndUnresolvable',
  reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
};
const affinity: FilterStatus = {
  plugin: 'NodeAffinity',
  code: 'UnschedulableAndUnresolvable',
  reasons: ["node(s) didn't match Pod's node affinity/selector"],
};
const fitFailure = (...reasons: string[]): FilterStatus => ({
  plugin: 'NodeResourcesFit',
  code: 'Unschedulable',
  reasons,
});
const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('formatFitError', () => {
  test('counts each reason over the nodes and sorts the "<count> <reason>" strings', () => {
    expect(formatFitError(3, [affinity, taint, affinity])).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector.",
    );
  });

  test('counts every reason of a node that gave several', () => {
    expect(
      formatFitError(2, [
        fitFailure('Insufficient cpu', 'Insufficient memory'),
        fitFailure('Insufficient cpu'),
      ]),
    ).toBe('0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.');
  });

  test('sorts as strings, as Go does: "10 ..." before "2 ..."', () => {
    expect(formatFitError(12, [...repeat(10, affinity), ...repeat(2, taint)])).toBe(
      "0/12 nodes are available: 10 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
    );
  });

  test('sorts upper-case reasons before lower-case ones at the same count', () => {
    expect(formatFitError(2, [fitFailure('Too many pods'), affinity])).toBe(
      "0/2 nodes are available: 1 Too many pods, 1 node(s) didn't match Pod's node affinity/selector.",
    );
  });

  test('gives only the PreFilter message when a PreFilter failed', () => {
    expect(formatFitError(3, [affinity], 'pod affinity terms conflict')).toBe(
      '0/3 nodes are available: pod affinity terms conflict.',
    );
  });

  test('appends the PostFilter message with its own period', () => {
    expect(
      formatFitError(
        1,
        [affinity],
        '',
        'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
      ),
    ).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..",
    );
  });

  test('keeps the colon when no node gave a reason', () => {
    expect(formatFitError(0, [])).toBe('0/0 nodes are available:');
  });
});

describe('preemptionMessage', () => {
  const plain = { preemptNever: false, hasPriority: false };

  test('finds preemption not helpful on nodes that failed unresolvably', () => {
    expect(preemptionMessage(plain, [taint, affinity, affinity])).toBe(
      'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  test('finds no victims on nodes that failed on resources or ports, or were not evaluated', () => {
    expect(preemptionMessage(plain, [taint, fitFailure('Insufficient cpu'), undefined])).toBe(
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  test('finds every node not helpful after a PreFilter failure', () => {
    const conflict: FilterStatus = {
      plugin: 'NodeAffinity',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['pod affinity terms conflict'],
    };
    expect(preemptionMessage(plain, [undefined, undefined], conflict)).toBe(
      'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  test('says a Pod with preemptionPolicy Never is not eligible', () => {
    expect(
      preemptionMessage({ preemptNever: true, hasPriority: false }, [fitFailure('Insufficient cpu')]),
    ).toBe('preemption: not eligible due to preemptionPolicy=Never.');
  });

  test('says nothing for a Pod with a priority when preemption could help: the victims are unknown here', () => {
    expect(
      preemptionMessage({ preemptNever: false, hasPriority: true }, [fitFailure('Insufficient cpu')]),
    ).toBe('');
  });

  test('still answers for a Pod with a priority when no node can be helped', () => {
    expect(preemptionMessage({ preemptNever: false, hasPriority: true }, [affinity])).toBe(
      'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });
});
