import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readCdk8sConfig } from '../../lib/synth/config';

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'config-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function read(text: string) {
  const file = path.join(work, 'cdk8s.yaml');
  fs.writeFileSync(file, text);
  return readCdk8sConfig(file);
}

describe('readCdk8sConfig', () => {
  test('reads app, output, language and the properties of the PoohPodValidation plugin', () => {
    const config = read(
      [
        'language: python',
        'app: pipenv run python main.py',
        'output: manifests',
        'imports: [k8s]',
        'validations:',
        '  - { package: other, version: 1.0.0, class: Other, properties: { a: 1 } }',
        '  - package: ./node_modules/pooh-pod-constructs',
        '    version: 0.1.0',
        '    class: PoohPodValidation',
        '    properties: { podSecurity: baseline }',
        '',
      ].join('\n'),
    );

    expect(config).toEqual({
      app: 'pipenv run python main.py',
      output: 'manifests',
      language: 'python',
      pluginProperties: { podSecurity: 'baseline' },
    });
  });

  test.each([
    ['an empty file', ''],
    ['validations given as a URL', 'validations: https://example.com/validations.yaml\n'],
    [
      'the plugin without properties',
      'validations: [{ package: p, version: 1.0.0, class: PoohPodValidation }]\n',
    ],
  ])('reads no settings from %s', (_case, text) => {
    expect(read(text)).toEqual({
      app: undefined,
      output: undefined,
      language: undefined,
      pluginProperties: undefined,
    });
  });

  test('reads a missing file as no settings', () => {
    expect(readCdk8sConfig(path.join(work, 'cdk8s.yaml'))).toEqual({});
  });

  test.each([
    ['app: [node, main.js]\n', 'cdk8s.yaml: app must be a non-empty string (got ["node","main.js"])'],
    ["output: ''\n", 'cdk8s.yaml: output must be a non-empty string (got "")'],
    ['- app\n', 'cdk8s.yaml: expected a mapping of settings'],
  ])('fails on %j', (text, message) => {
    expect(() => read(text)).toThrow(message);
  });
});
