import { findLiteralCredentials, looksLikeCredentialName } from '../../lib/pod-security';
import { formatProblem } from '../../lib/rules/problem';
import type { ContainerFixture, Json } from './fixtures';
import { app, init, restrictedPod } from './fixtures';

describe('looksLikeCredentialName', () => {
  it.each([
    'MYSQL_ROOT_PASSWORD',
    'PGPASSWORD',
    'DB_PASSWD',
    'DB_PWD',
    'GITHUB_TOKEN',
    'csrfToken',
    'aws_secret_access_key',
    'JWT_SECRET',
    'clientSecret',
    'SECRET_KEY_BASE',
    'API_KEY',
    'APIKEY',
    'stripeApiKey',
    'x-api-key',
    'PRIVATE_KEY',
    'ACCESS_KEY',
    'ENCRYPTION_KEY',
    'SSH_KEY_PASSPHRASE',
    'SMTP_CREDENTIALS',
    'CREDENTIAL',
    'BASIC_AUTH',
    'PROXY_AUTHORIZATION',
  ])('fails %s, which looks like a credential', name => {
    expect(looksLikeCredentialName(name)).toBe(true);
  });

  it.each([
    ['PWD', 'the working directory'],
    ['OLDPWD', 'the previous working directory'],
    ['TOKEN_TTL', 'a lifetime, not a token'],
    ['PASSWORD_FILE', 'a path to the secret'],
    ['PASSWORD_MIN_LENGTH', 'a policy setting'],
    ['SECRET_NAME', 'the name of a Secret'],
    ['TOKEN_URL', 'an endpoint'],
    ['AWS_ACCESS_KEY_ID', 'an identifier'],
    ['AUTH_URL', 'an endpoint'],
    ['AUTH_PROVIDER', 'a setting'],
    ['BASIC_AUTH_ENABLED', 'a flag'],
    ['MAX_TOKENS', 'a count'],
    ['TOKENIZERS_PARALLELISM', 'a setting'],
    ['GOOGLE_APPLICATION_CREDENTIALS', 'a key file path by convention'],
    ['PUBLIC_KEY', 'public'],
    ['AUTHOR', 'not auth'],
    ['PASSPORT_STRATEGY', 'not a password'],
    ['LOG_LEVEL', 'unrelated'],
    ['', 'empty'],
  ])('passes %s (%s)', name => {
    expect(looksLikeCredentialName(name)).toBe(false);
  });
});

/** An env entry with a literal value. */
const literal = (name: string, value: string): Json => ({ name, value });

describe('findLiteralCredentials', () => {
  const podWithEnv = () =>
    restrictedPod(pod => {
      app(pod).env = [
        literal('LOG_LEVEL', 'info'),
        { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'web', key: 'api-token' } } },
        literal('MYSQL_ROOT_PASSWORD', 'hunter2hunte'),
        literal('EMPTY_PASSWORD', ''),
      ];
      init(pod).env = [literal('GITHUB_TOKEN', 'x')];
      const debuggerContainer: ContainerFixture = {
        name: 'debugger',
        image: 'busybox:1.36',
        env: [literal('jwtSecret', 's3cr3t-value')],
      };
      pod.spec.ephemeralContainers = [debuggerContainer];
    });

  it('fails literal credentials in init, regular and ephemeral containers', () => {
    expect(findLiteralCredentials(podWithEnv())).toEqual([
      {
        rule: 'literal-credential',
        severity: 'error',
        field: 'spec.initContainers[0].env[0].value',
        value: '<redacted, 1 char>',
        message:
          'env var "GITHUB_TOKEN" of container "init" looks like a credential, and its literal value would be stored in plain text in the manifest',
        fix: `use valueFrom.secretKeyRef (kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(scope, 'Id', 'my-secret'), key: 'github-token' })), or list "GITHUB_TOKEN" in allowLiteralEnv if it is not a secret`,
      },
      {
        rule: 'literal-credential',
        severity: 'error',
        field: 'spec.containers[0].env[2].value',
        value: '<redacted, 12 chars>',
        message:
          'env var "MYSQL_ROOT_PASSWORD" of container "app" looks like a credential, and its literal value would be stored in plain text in the manifest',
        fix: `use valueFrom.secretKeyRef (kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(scope, 'Id', 'my-secret'), key: 'mysql-root-password' })), or list "MYSQL_ROOT_PASSWORD" in allowLiteralEnv if it is not a secret`,
      },
      expect.objectContaining({
        field: 'spec.ephemeralContainers[0].env[0].value',
        value: '<redacted, 12 chars>',
      }),
    ]);
  });

  it('never echoes the secret, in the problem or its formatted line', () => {
    const problems = findLiteralCredentials(podWithEnv());
    const printed = JSON.stringify(problems) + problems.map(formatProblem).join('\n');
    for (const secret of ['hunter2hunte', 's3cr3t-value']) expect(printed).not.toContain(secret);
  });

  it('passes valueFrom references, empty values and ordinary names', () => {
    const pod = restrictedPod(p => {
      app(p).env = [
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        literal('DB_PASSWORD_FILE', '/run/secrets/db'),
        literal('REDIS_PASSWORD', ''),
        literal('TOKEN_TTL', '3600'),
        literal('PWD', '/app'),
      ];
    });
    expect(findLiteralCredentials(pod)).toEqual([]);
  });

  it('passes names in the allow list, matched exactly and case-sensitively', () => {
    const pod = restrictedPod(p => {
      app(p).env = [literal('DEMO_PASSWORD', 'demo'), literal('API_KEY', 'public-demo-key')];
    });
    expect(findLiteralCredentials(pod, { allow: ['DEMO_PASSWORD', 'API_KEY'] })).toEqual([]);
  });

  it('fails a name whose case differs from the allow list', () => {
    const pod = restrictedPod(p => {
      app(p).env = [literal('DEMO_PASSWORD', 'demo')];
    });
    expect(findLiteralCredentials(pod, { allow: ['demo_password'] }).map(p => p.field)).toEqual([
      'spec.containers[0].env[0].value',
    ]);
  });

  it('fails in a Deployment template, with paths from the template', () => {
    const { metadata, spec } = restrictedPod(p => {
      app(p).env = [literal('SECRET_KEY', 'abc')];
    });
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { metadata, spec } } };
    expect(findLiteralCredentials(deployment).map(p => [p.field, p.value])).toEqual([
      ['spec.containers[0].env[0].value', '<redacted, 3 chars>'],
    ]);
  });

  it.each([
    ['null', null],
    ['a string', 'pod'],
    ['env as a string', { spec: { containers: [{ name: 'app', env: 'PASSWORD=x' }] } }],
    [
      'junk env entries',
      { spec: { containers: [{ name: 'app', env: [null, 1, { name: 7, value: 'x' }] }] } },
    ],
    [
      'a non-string value',
      { spec: { containers: [{ name: 'app', env: [{ name: 'PASSWORD', value: 1234 }] }] } },
    ],
  ])('passes %s without throwing', (_name, input) => {
    expect(findLiteralCredentials(input)).toEqual([]);
  });
});
