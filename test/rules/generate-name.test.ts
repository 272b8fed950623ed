import { validatePod } from '../../lib/rules/pod';
import type { ValidationError } from '../../lib/rules/problem';
import { validateService } from '../../lib/rules/service';
import { err, MSG, pod, service } from './fixtures';

const POD_FIX = "Use at most 253 lower-case alphanumerics, '-' or '.', starting and ending alphanumeric.";
const SERVICE_FIX =
  "Use at most 63 lower-case alphanumerics or '-', starting with a letter and ending alphanumeric.";

describe('metadata.generateName (upstream ValidateObjectMetaAccessor with prefix names)', () => {
  test.each<[string, Record<string, unknown>, ValidationError[]]>([
    [
      'fails an upper-case Pod prefix',
      pod({}, { name: undefined, generateName: 'Web-' }),
      [err('metadata-generate-name-invalid', 'metadata.generateName', 'Web-', MSG.dns1123Subdomain, POD_FIX)],
    ],
    [
      'fails a Service prefix starting with a digit',
      service({}, { name: undefined, generateName: '1web-' }),
      [
        err(
          'metadata-generate-name-invalid',
          'metadata.generateName',
          '1web-',
          MSG.dns1035Label,
          SERVICE_FIX,
        ),
      ],
    ],
    [
      'fails a prefix ending in a dot',
      pod({}, { name: undefined, generateName: 'web.' }),
      [err('metadata-generate-name-invalid', 'metadata.generateName', 'web.', MSG.dns1123Subdomain, POD_FIX)],
    ],
  ])('%s', (_, manifest, expected) => {
    const found = manifest.kind === 'Pod' ? validatePod(manifest) : validateService(manifest);
    expect(found).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a prefix ending in a dash', pod({}, { name: undefined, generateName: 'web-' })],
    ['an empty generateName next to a name', pod({}, { name: 'web', generateName: '' })],
    ['a Service prefix ending in a dash', service({}, { name: undefined, generateName: 'web-' })],
    ['a prefix without a dash', pod({}, { name: undefined, generateName: 'web' })],
  ])('passes %s', (_, manifest) => {
    const found = manifest.kind === 'Pod' ? validatePod(manifest) : validateService(manifest);
    expect(found).toEqual([]);
  });

  test('fails a lone dash: upstream masks a trailing dash only after another character', () => {
    expect(validatePod(pod({}, { name: undefined, generateName: '-' }))).toEqual([
      err('metadata-generate-name-invalid', 'metadata.generateName', '-', MSG.dns1123Subdomain, POD_FIX),
    ]);
  });
});
