import * as rules from '../../lib/rules';

test('the index re-exports the public API', () => {
  expect(Object.keys(rules).sort()).toEqual(
    [
      'DEFAULT_NODE_PORT_RANGE',
      'DEPRECATED_NODE_LABELS',
      'PROTOCOLS',
      'formatProblem',
      'isDns1035Label',
      'isDns1123Label',
      'isDns1123Subdomain',
      'isEnvVarName',
      'isQualifiedName',
      'isValidLabelValue',
      'isValidPortName',
      'isValidPortNum',
      'podBearingKind',
      'podTemplateOf',
      'validateApp',
      'validateAppByManifest',
      'validateManifest',
      'validatePod',
      'validateService',
    ].sort(),
  );
});
