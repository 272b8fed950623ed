import * as path from 'node:path';
import * as fc from 'fast-check';
import { CHECKS_OPTION_NAMES, parseChecksOptions } from '../../lib/engine';

const SOURCE = 'cdk8s.yaml properties';

describe('parseChecksOptions', () => {
  test('reads every option', () => {
    expect(
      parseChecksOptions(
        {
          podSecurity: 'baseline',
          podSecurityVersion: 'v1.30',
          nodePortRange: '30000-40000',
          suppress: ['node-selector-label-deprecated'],
          allowLiteralEnv: ['TOKEN_LIMIT'],
        },
        SOURCE,
      ),
    ).toEqual({
      podSecurity: 'baseline',
      podSecurityVersion: 'v1.30',
      nodePortRange: { min: 30000, max: 40000 },
      suppress: ['node-selector-label-deprecated'],
      allowLiteralEnv: ['TOKEN_LIMIT'],
    });
  });

  test.each([
    [undefined, {}],
    [null, {}],
    [{}, {}],
    [{ podSecurity: undefined }, {}],
    [{ nodePortRange: { min: 1, max: 65535 } }, { nodePortRange: { min: 1, max: 65535 } }],
    [{ nodePortRange: ' 30000-30000 ' }, { nodePortRange: { min: 30000, max: 30000 } }],
    [{ suppress: [] }, { suppress: [] }],
    [{ podSecurityVersion: 'latest' }, { podSecurityVersion: 'latest' }],
    [{ podSecurityVersion: 'v1.0' }, { podSecurityVersion: 'v1.0' }],
    // A version newer than the package knows is read as upstream reads the label: as the newest.
    [{ podSecurityVersion: 'v1.99' }, { podSecurityVersion: 'v1.99' }],
  ])('reads %j as %j', (input, expected) => {
    expect(parseChecksOptions(input, SOURCE)).toEqual(expected);
  });

  test.each([
    [
      'an unknown option',
      { podsecurity: 'baseline' },
      'cdk8s.yaml properties: unknown option "podsecurity"; known options: podSecurity, podSecurityVersion, nodePortRange, suppress, allowLiteralEnv, nodes',
    ],
    [
      'input that is not a mapping',
      ['podSecurity'],
      'cdk8s.yaml properties must be a mapping of option names to values (got ["podSecurity"])',
    ],
    [
      'a Pod Security level that does not exist',
      { podSecurity: 'Restricted' },
      'cdk8s.yaml properties: podSecurity must be one of "privileged", "baseline", "restricted" (got "Restricted")',
    ],
    [
      'a Pod Security version without the v',
      { podSecurityVersion: '1.28' },
      'cdk8s.yaml properties: podSecurityVersion must be "latest" or "v1.N", as the pod-security.kubernetes.io/enforce-version label (got "1.28")',
    ],
    [
      'a Pod Security version with a leading zero, which upstream rejects',
      { podSecurityVersion: 'v1.028' },
      'cdk8s.yaml properties: podSecurityVersion must be "latest" or "v1.N", as the pod-security.kubernetes.io/enforce-version label (got "v1.028")',
    ],
    [
      'a Pod Security version as a number',
      { podSecurityVersion: 1.28 },
      'cdk8s.yaml properties: podSecurityVersion must be "latest" or "v1.N", as the pod-security.kubernetes.io/enforce-version label (got 1.28)',
    ],
    [
      'a range with MIN above MAX',
      { nodePortRange: '32767-30000' },
      'cdk8s.yaml properties: nodePortRange must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "32767-30000")',
    ],
    [
      'a range beyond 65535',
      { nodePortRange: { min: 30000, max: 70000 } },
      'cdk8s.yaml properties: nodePortRange must be { min, max } with 1 <= MIN <= MAX <= 65535 (got {"min":30000,"max":70000})',
    ],
    [
      'a range given as a number',
      { nodePortRange: 30000 },
      'cdk8s.yaml properties: nodePortRange must be "MIN-MAX" or { min, max } with 1 <= MIN <= MAX <= 65535 (got 30000)',
    ],
    [
      'a range from port 0',
      { nodePortRange: '0-100' },
      'cdk8s.yaml properties: nodePortRange must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "0-100")',
    ],
    [
      'a range in kube-apiserver\'s "BASE+SIZE" form',
      { nodePortRange: '30000+2767' },
      'cdk8s.yaml properties: nodePortRange must be "MIN-MAX" with 1 <= MIN <= MAX <= 65535 (got "30000+2767")',
    ],
    [
      'a single rule id instead of a list',
      { suppress: 'node-selector-label-deprecated' },
      'cdk8s.yaml properties: suppress must be a list of non-empty strings (got "node-selector-label-deprecated")',
    ],
    [
      'an empty env var name',
      { allowLiteralEnv: ['TOKEN', ''] },
      'cdk8s.yaml properties: allowLiteralEnv must be a list of non-empty strings (got ["TOKEN",""])',
    ],
  ])('fails on %s', (_case, input, message) => {
    expect(() => parseChecksOptions(input, SOURCE)).toThrow(new Error(message));
  });

  test('reads nodes from a file relative to the base folder, or from Node documents', () => {
    const root = path.join(__dirname, '..', '..');
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1' },
      status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } },
    };

    const fromFile = parseChecksOptions({ nodes: 'examples/blog-cluster.nodes.yaml' }, SOURCE, {
      baseDir: root,
    });
    const inline = parseChecksOptions({ nodes: [node] }, SOURCE);

    expect(fromFile.nodes?.map(n => n.name)).toEqual(['control-plane', 'worker-node1', 'worker-node2']);
    expect(inline.nodes?.map(n => n.name)).toEqual(['n1']);
  });

  test('fails on a nodes file that does not exist, naming the option', () => {
    expect(() =>
      parseChecksOptions({ nodes: 'no-such.nodes.yaml' }, SOURCE, { baseDir: '/nowhere' }),
    ).toThrow(new Error('cdk8s.yaml properties: nodes: no-such.nodes.yaml: no such file or directory'));
  });

  test('names every option', () => {
    expect(CHECKS_OPTION_NAMES).toEqual([
      'podSecurity',
      'podSecurityVersion',
      'nodePortRange',
      'suppress',
      'allowLiteralEnv',
      'nodes',
    ]);
  });

  test('reads any valid "MIN-MAX" text as the same range as { min, max }', () => {
    const range = fc
      .tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }))
      .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
    fc.assert(
      fc.property(range, ({ min, max }) => {
        const fromText = parseChecksOptions({ nodePortRange: `${min}-${max}` }, SOURCE);
        const fromObject = parseChecksOptions({ nodePortRange: { min, max } }, SOURCE);
        return (
          fromText.nodePortRange?.min === min &&
          fromText.nodePortRange?.max === max &&
          fromObject.nodePortRange?.min === min &&
          fromObject.nodePortRange?.max === max
        );
      }),
    );
  });
});
