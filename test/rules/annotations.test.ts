import { validateManifest } from '../../lib/rules/manifest';
import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { validateService } from '../../lib/rules/service';
import { err, MSG, pod, service } from './fixtures';
import { deployment, template } from './workload-fixtures';

const keyErr = (field: string, key: string, message: string) =>
  err(
    'annotation-key-invalid',
    field,
    key,
    message,
    `Rename annotation ${JSON.stringify(key)} to an optional DNS subdomain prefix and '/' followed by 1-63 alphanumerics, '-', '_' or '.' that start and end alphanumeric.`,
  );

describe('annotations (upstream ValidateAnnotations)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails a key with a space, at the map',
      pod({}, { annotations: { 'build info': 'x' } }),
      [keyErr('metadata.annotations', 'build info', MSG.qualifiedNamePart)],
    ],
    [
      'fails a key with two slashes',
      service({}, { annotations: { 'a/b/c': '' } }),
      [
        keyErr(
          'metadata.annotations',
          'a/b/c',
          "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
        ),
      ],
    ],
    [
      'fails annotations over 256 KiB in all',
      pod({}, { annotations: { a: 'x'.repeat(200000), b: 'y'.repeat(62143) } }),
      [
        err(
          'annotations-too-long',
          'metadata.annotations',
          '',
          'Too long: must have at most 262144 bytes',
          'Shrink metadata.annotations to at most 262144 bytes of keys and values (now 262145); keep large data in a ConfigMap.',
        ),
      ],
    ],
  ])('%s', (_, manifest, expected) => {
    const found = manifest.kind === 'Pod' ? validatePod(manifest) : validateService(manifest);
    expect(found).toEqual(expected);
  });

  test('fails a template annotation key at <template>.annotations', () => {
    const annotated = deployment({
      template: template({}, { labels: { app: 'web' }, annotations: { '-bad': '1' } }),
    });
    expect(validateManifest(annotated)).toEqual([
      keyErr('spec.template.annotations', '-bad', MSG.qualifiedNamePart),
    ]);
  });

  test.each<[string, Record<string, unknown>]>([
    [
      'upper-case keys (case does not matter)',
      pod({}, { annotations: { 'Example.COM/Owner': 'team', 'kubernetes.io/change-cause': 'x' } }),
    ],
    [
      'exactly 256 KiB of keys and values',
      pod({}, { annotations: { a: 'x'.repeat(200000), b: 'y'.repeat(62142) } }),
    ],
    ['an empty value', service({}, { annotations: { note: '' } })],
  ])('passes %s', (_, manifest) => {
    expect(validateManifest(manifest)).toEqual([]);
  });
});
