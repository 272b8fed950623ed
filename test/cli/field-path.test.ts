import { parseFieldPath } from '../../lib/cli/field-path';

describe('parseFieldPath', () => {
  test.each([
    ['', []],
    ['metadata', ['metadata']],
    ['metadata.name', ['metadata', 'name']],
    ['spec.ports[1].name', ['spec', 'ports', '[1]', 'name']],
    [
      'spec.template.spec.containers[0].ports[1].containerPort',
      ['spec', 'template', 'spec', 'containers', '[0]', 'ports', '[1]', 'containerPort'],
    ],
    ['metadata.labels[app]', ['metadata', 'labels', '[app]']],
    ['spec.nodeSelector[kubernetes.io/os]', ['spec', 'nodeSelector', '[kubernetes.io/os]']],
    ['metadata.annotations[helm.sh/hook]', ['metadata', 'annotations', '[helm.sh/hook]']],
    ['spec.selector[app.kubernetes.io/name].x', ['spec', 'selector', '[app.kubernetes.io/name]', 'x']],
    ['items[2][0]', ['items', '[2]', '[0]']],
    // A bracket that never closes takes the rest of the path as its key.
    ['metadata.labels[a.b', ['metadata', 'labels', '[a.b]']],
  ])('splits %j', (field, expected) => {
    const steps = parseFieldPath(field).map(step => (step.bracketed ? `[${step.key}]` : step.key));
    expect(steps).toEqual(expected);
  });
});
