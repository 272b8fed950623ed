import { parseManifests } from '../../lib/cli/documents';

function parse(text: string) {
  const parsed = parseManifests({ path: 'x.yaml', text });
  return {
    objects: parsed.objects.map(o => ({
      manifest: o.manifest,
      line: parsed.objects.length === 0 ? 0 : lineOf(text, o.node.range?.[0] ?? -1),
      ...(o.listItem === undefined ? {} : { listItem: o.listItem }),
    })),
    skipped: parsed.skipped.map(s => `${s.file}:${s.line}:${s.column} ${s.reason}`),
    syntaxErrors: parsed.syntaxErrors.map(e => `${e.file}:${e.line}:${e.column} ${e.message}`),
  };
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';

describe('parseManifests', () => {
  test('reads every document of a multi-document file, with Helm comments and separators', () => {
    const text = `---\n# Source: web/templates/pod.yaml\n${POD}---\n# Source: web/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n`;

    const { objects, skipped, syntaxErrors } = parse(text);

    expect(objects).toEqual([
      { manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } }, line: 3 },
      { manifest: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } }, line: 9 },
    ]);
    expect(skipped).toEqual([]);
    expect(syntaxErrors).toEqual([]);
  });

  test.each([
    ['an empty file', '', []],
    ['an empty document between separators', `${POD}---\n---\n${POD}`, ['x.yaml:5:1 empty document']],
    [
      'a document of comments only (what Helm prints for an empty template)',
      `${POD}---\n# Source: web/templates/hpa.yaml\n`,
      ['x.yaml:5:1 comments only'],
    ],
    ['a scalar', 'hello\n', ['x.yaml:1:1 not a mapping']],
    ['a list', '- a\n- b\n', ['x.yaml:1:1 not a mapping']],
    [
      "Helm's values",
      'replicaCount: 1\nimage:\n  tag: 1.0\n',
      ['x.yaml:1:1 no apiVersion or kind: not a Kubernetes object'],
    ],
    [
      "Helm's Chart.yaml",
      'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      ['x.yaml:1:1 no apiVersion or kind: not a Kubernetes object'],
    ],
    [
      'an empty kind',
      'apiVersion: v1\nkind: ""\n',
      ['x.yaml:1:1 no apiVersion or kind: not a Kubernetes object'],
    ],
    [
      'a kustomization',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [pod.yaml]\n',
      ['x.yaml:1:1 kustomize configuration (kustomize.config.k8s.io/v1beta1 Kustomization)'],
    ],
    [
      'a kustomize component',
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
      ['x.yaml:1:1 kustomize configuration (kustomize.config.k8s.io/v1alpha1 Component)'],
    ],
  ])('skips %s', (_, text, expected) => {
    const { skipped, syntaxErrors } = parse(text);
    expect(skipped).toEqual(expected);
    expect(syntaxErrors).toEqual([]);
  });

  test('reads the items of a kind: List as objects of their own, at their place in the list', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: a
  - {}
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: b
`;
    const { objects, skipped } = parse(text);

    expect(objects).toEqual([
      { manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }, line: 4, listItem: 0 },
      { manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } }, line: 9, listItem: 2 },
    ]);
    expect(skipped).toEqual(['x.yaml:8:5 items[1]: no apiVersion or kind: not a Kubernetes object']);
  });

  test('reads typed lists (PodList) as kubectl does, and a List in JSON', () => {
    const json =
      '{"apiVersion":"v1","kind":"PodList","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}]}';
    expect(parse(json).objects).toEqual([
      { manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }, line: 1, listItem: 0 },
    ]);
  });

  test('fails a document with a YAML syntax error at its line and column, and still reads the others', () => {
    const text = `${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: web\nspec: {}\n---\n${POD}`;

    const { objects, syntaxErrors } = parse(text);

    expect(objects.map(o => o.line)).toEqual([1, 12]);
    expect(syntaxErrors).toEqual([
      'x.yaml:10:1 Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  test('fails a document whose aliases would expand without bound, and still reads the others', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
`;
    const { objects, syntaxErrors } = parse(`${POD}---\n${bomb}`);

    expect(objects.map(o => o.line)).toEqual([1]);
    expect(syntaxErrors).toEqual(['x.yaml:5:1 Excessive alias count indicates a resource exhaustion attack']);
  });

  test('fails a key written twice in one mapping', () => {
    expect(parse('apiVersion: v1\nkind: Pod\nkind: Service\n').syntaxErrors).toEqual([
      'x.yaml:3:1 Map keys must be unique',
    ]);
  });

  test('reads YAML as kubectl does (YAML 1.1 through go-yaml v2)', () => {
    const text = `apiVersion: v1
kind: ConfigMap
data:
  yes: on
  octal: 0644
  hex: 0x1F
  thousands: 1_000
  base60: 1:20
  date: 2024-01-02
  null: ~
  merged:
    <<: {a: 1}
    b: 2
`;
    expect(parse(text).objects[0]?.manifest.data).toEqual({
      true: true,
      octal: 420,
      hex: 31,
      thousands: 1000,
      base60: '1:20',
      date: '2024-01-02',
      '': null,
      merged: { a: 1, b: 2 },
    });
  });
});
