import { LineCounter, parseAllDocuments } from 'yaml';
import { locateField } from '../../lib/cli/locate';
import { KUBECTL_YAML_OPTIONS } from '../../lib/cli/yaml-options';

/** Locates `field` in the first document of `yaml` as `line:column (exact|ancestor)`. */
function where(yaml: string, field: string): string {
  const lines = new LineCounter();
  const [document] = parseAllDocuments(yaml, { ...KUBECTL_YAML_OPTIONS, lineCounter: lines }) as any[];
  expect(document.errors).toEqual([]);
  const found = locateField(document.contents, field, document, lines);
  return `${found.line}:${found.column} ${found.exact ? 'exact' : 'ancestor'}`;
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      containers:
        - name: web
          ports:
            - containerPort: 80
            - name: metrics
              containerPort: 9113
        -   name: sidecar
`;

describe('locateField', () => {
  test.each([
    ['', '1:1 exact'],
    ['metadata.name', '4:3 exact'],
    ['metadata.labels[app.kubernetes.io/name]', '6:5 exact'],
    ['spec.template.spec.nodeSelector[kubernetes.io/os]', '14:9 exact'],
    ['spec.template.spec.containers[0]', '16:11 exact'],
    ['spec.template.spec.containers[0].ports[1].containerPort', '20:15 exact'],
    ['spec.template.spec.containers[0].ports[1]', '19:15 exact'],
    // A list item starts at its first key, wherever the indentation after `-` puts it.
    ['spec.template.spec.containers[1].name', '21:13 exact'],
    // The API server writes template label problems without `metadata`.
    ['spec.template.labels', '10:7 exact'],
    ['spec.template.labels[app]', '11:9 exact'],
  ])('finds %s', (field, expected) => {
    expect(where(DEPLOYMENT, field)).toBe(expected);
  });

  test.each([
    // A missing required field: its nearest existing ancestor.
    ['spec.template.spec.containers[0].image', '16:11 ancestor'],
    ['spec.template.spec.securityContext.runAsNonRoot', '12:5 ancestor'],
    ['spec.template.spec.containers[5].name', '15:7 ancestor'],
    ['spec.selector', '7:1 ancestor'],
    ['spec.template.spec.containers[0].ports[0].containerPort.x', '18:15 ancestor'],
    ['spec.template.spec.containers[web]', '15:7 ancestor'],
    ['status.phase', '1:1 ancestor'],
  ])('falls back to the nearest ancestor of the missing %s', (field, expected) => {
    expect(where(DEPLOYMENT, field)).toBe(expected);
  });

  test('finds fields in flow style and JSON', () => {
    const json =
      '{\n  "apiVersion": "v1",\n  "spec": { "ports": [ { "port": 80 }, { "port": 81, "name": "b" } ] }\n}\n';
    expect(where(json, 'spec.ports[1].name')).toBe('3:54 exact');
    expect(where(json, 'spec.ports[0]')).toBe('3:24 exact');
  });

  test('follows aliases and << merges to where the value is written', () => {
    const yaml = `defaults: &defaults
  protocol: TCP
  port: 80
spec:
  ports:
    - <<: *defaults
      name: http
    - *defaults
`;
    expect(where(yaml, 'spec.ports[0].name')).toBe('7:7 exact');
    expect(where(yaml, 'spec.ports[0].protocol')).toBe('2:3 exact');
    expect(where(yaml, 'spec.ports[1].port')).toBe('3:3 exact');
  });

  test('matches keys as the checks saw them: YAML 1.1 booleans and numbers become strings', () => {
    const yaml = 'metadata:\n  labels:\n    on: x\n    8080: y\n';
    expect(where(yaml, 'metadata.labels[true]')).toBe('3:5 exact');
    expect(where(yaml, 'metadata.labels[8080]')).toBe('4:5 exact');
  });
});
