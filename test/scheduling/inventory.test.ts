import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeInventoryError, readNodeInventory } from '../../lib/scheduling/inventory';
import { loadNodeInventory } from '../../lib/scheduling/load-inventory';
import { rawNode } from './fixtures';

type Json = Record<string, unknown>;
const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const list = (...items: unknown[]): Json => ({
  apiVersion: 'v1',
  kind: 'List',
  items,
  metadata: { resourceVersion: '' },
});

describe('readNodeInventory', () => {
  test('reads a node: name, labels, taints, cordon and allocatable in scheduler units', () => {
    const [node] = readNodeInventory(
      rawNode('cp', {
        labels: { 'node-role.kubernetes.io/control-plane': '' },
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
        unschedulable: true,
        allocatable: {
          cpu: '1500m',
          memory: '3664172Ki',
          pods: '110',
          'nvidia.com/gpu': '2',
          'ephemeral-storage': '18555785017',
          storage: '1Ti',
        },
      }),
    );
    expect(node.name).toBe('cp');
    expect(Object.fromEntries(node.labels)).toEqual({
      'kubernetes.io/hostname': 'cp',
      'node-role.kubernetes.io/control-plane': '',
    });
    expect(node.taints).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' },
    ]);
    expect(node.unschedulable).toBe(true);
    // `storage` is not a resource the scheduler tracks.
    expect(Object.fromEntries(node.allocatable)).toEqual({
      cpu: 1500n,
      memory: 3664172n * 1024n,
      pods: 110n,
      'nvidia.com/gpu': 2n,
      'ephemeral-storage': 18555785017n,
    });
  });

  test.each<[string, unknown, string[]]>([
    ['a List', list(rawNode('a'), rawNode('b')), ['a', 'b']],
    ['a NodeList', { apiVersion: 'v1', kind: 'NodeList', items: [rawNode('a')] }, ['a']],
    ['a single Node', rawNode('a'), ['a']],
    ['an array of Nodes', [rawNode('a'), rawNode('b')], ['a', 'b']],
    [
      'an array of Lists and Nodes (multi-document YAML)',
      [list(rawNode('a')), null, rawNode('b')],
      ['a', 'b'],
    ],
    ['an empty List', list(), []],
  ])('reads %s', (_, docs, names) => {
    expect(readNodeInventory(docs).map(n => n.name)).toEqual(names);
  });

  test('falls back to status.capacity when status.allocatable is absent, as API defaulting does', () => {
    const raw = { ...rawNode('a'), status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } } };
    expect(Object.fromEntries(readNodeInventory(raw)[0].allocatable)).toEqual({
      cpu: 4000n,
      memory: 8n * 2n ** 30n,
      pods: 110n,
    });
  });

  test('reads a node without status as offering nothing', () => {
    const raw = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'bare' } };
    expect(readNodeInventory(raw)[0]).toEqual({
      name: 'bare',
      labels: new Map(),
      taints: [],
      unschedulable: false,
      allocatable: new Map(),
    });
  });

  test.each<[string, unknown, string]>([
    [
      'a Pod in a List',
      list(rawNode('a'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }),
      'items[1]: expected a v1 Node (apiVersion "v1", kind "Node"), got "v1"/"Pod"',
    ],
    [
      'a string document',
      ['not a node'],
      '[0]: expected a v1 Node (apiVersion "v1", kind "Node"), got a string',
    ],
    [
      'an object that is no Node',
      { nodes: [] },
      'the document: expected a v1 Node (apiVersion "v1", kind "Node"), got ""/""',
    ],
    [
      'a Node without name',
      list({ apiVersion: 'v1', kind: 'Node', metadata: {} }),
      'items[0]: metadata.name: expected the node name, a non-empty string',
    ],
    [
      'a quantity that does not parse',
      [list(rawNode('a')), list(rawNode('b', { allocatable: { cpu: '2 cores' } }))],
      `[1].items[0] (node "b"): status.allocatable[cpu]: ${FORMAT} (got "2 cores")`,
    ],
    [
      'a negative quantity',
      rawNode('a', { allocatable: { memory: '-1Gi' } }),
      'the document (node "a"): status.allocatable[memory]: must be greater than or equal to 0 (got "-1Gi")',
    ],
    [
      'a quantity that is not a string',
      rawNode('a', { allocatable: { cpu: [2] as unknown as string } }),
      'the document (node "a"): status.allocatable[cpu]: expected a quantity string, got an array',
    ],
    [
      'a taint without effect',
      rawNode('a', { taints: [{ key: 'k' }] }),
      'the document (node "a"): spec.taints[0]: expected an object with string "key" and "effect"',
    ],
    [
      'a label that is not a string',
      rawNode('a', { labels: { n: 1 as unknown as string } }),
      'the document (node "a"): metadata.labels[n]: expected a string, got a number',
    ],
    [
      'a name given twice',
      list(rawNode('a'), rawNode('a')),
      'items[1] (node "a"): node name already used by items[0]',
    ],
  ])('fails on %s, naming the item and node', (_, docs, message) => {
    expect(() => readNodeInventory(docs)).toThrow(new NodeInventoryError(message));
  });
});

describe('loadNodeInventory', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pooh-nodes-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test('reads a YAML List', () => {
    const file = write(
      'nodes.yaml',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata:\n    name: a\n  status:\n    allocatable:\n      cpu: "2"\n',
    );
    expect(loadNodeInventory(file).map(n => [n.name, n.allocatable.get('cpu')])).toEqual([['a', 2000n]]);
  });

  test('reads multi-document YAML, skipping empty documents', () => {
    const node = (name: string) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${name}\n`;
    const file = write('nodes.yml', `${node('a')}---\n---\n${node('b')}`);
    expect(loadNodeInventory(file).map(n => n.name)).toEqual(['a', 'b']);
  });

  test('reads JSON', () => {
    const file = write(
      'nodes.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [rawNode('a')] }),
    );
    expect(loadNodeInventory(file).map(n => n.name)).toEqual(['a']);
  });

  test('fails on an item that is not a Node, naming the file and item', () => {
    const file = write('pods.yaml', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n');
    expect(() => loadNodeInventory(file)).toThrow(
      new NodeInventoryError(
        `${file}: items[0]: expected a v1 Node (apiVersion "v1", kind "Node"), got "v1"/"Pod"`,
      ),
    );
  });

  test('fails on a YAML syntax error with its document and line', () => {
    const file = write('broken.yaml', 'apiVersion: v1\nkind: [Node\n');
    expect(() => loadNodeInventory(file)).toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: document 1, line \\d+: `),
    );
  });

  test('fails on invalid JSON, naming the file', () => {
    const file = write('broken.json', '{');
    expect(() => loadNodeInventory(file)).toThrow(NodeInventoryError);
    expect(() => loadNodeInventory(file)).toThrow(`${file}: `);
  });

  test('fails on another extension', () => {
    expect(() => loadNodeInventory('nodes.txt')).toThrow(
      new NodeInventoryError('nodes.txt: expected a .yaml, .yml or .json file of Nodes'),
    );
  });

  test('reads YAML as kubectl does (YAML 1.1): an unquoted yes is a boolean, not a label value', () => {
    const file = write(
      'yes.yaml',
      'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  labels:\n    disk: yes\n',
    );
    expect(() => loadNodeInventory(file, 'yes.yaml')).toThrow(
      new NodeInventoryError(
        'yes.yaml: the document (node "a"): metadata.labels[disk]: expected a string, got a boolean',
      ),
    );
  });

  test.each([
    ['a file that does not exist', 'missing.yaml', 'cluster/missing.yaml: no such file or directory'],
    ['a folder', 'folder.yaml', 'cluster/folder.yaml: is a folder, not a file'],
  ])('fails on %s, naming the file as given', (_case, name, message) => {
    fs.mkdirSync(path.join(dir, 'folder.yaml'), { recursive: true });
    expect(() => loadNodeInventory(path.join(dir, name), `cluster/${name}`)).toThrow(
      new NodeInventoryError(message),
    );
  });

  test('fails on a YAML syntax error at its line, naming the file as given', () => {
    const file = write('dup.yaml', 'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  name: b\n');
    expect(() => loadNodeInventory(file, 'dup.yaml')).toThrow(
      new NodeInventoryError('dup.yaml: document 1, line 5: Map keys must be unique'),
    );
  });
});
