import { findLiteralCredentials } from '../../lib/pod-security';
import { formatProblem } from '../../lib/rules/problem';
import type { ContainerFixture, Json } from './fixtures';
import { app, init, restrictedPod } from './fixtures';

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

  it('fails in a Deployment template, with paths in the Deployment', () => {
    const { metadata, spec } = restrictedPod(p => {
      app(p).env = [literal('SECRET_KEY', 'abc')];
    });
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { metadata, spec } } };
    expect(findLiteralCredentials(deployment).map(p => [p.field, p.value])).toEqual([
      ['spec.template.spec.containers[0].env[0].value', '<redacted, 3 chars>'],
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

describe('findLiteralCredentials by value', () => {
  it('fails an env var whose URL embeds a password, whatever its name', () => {
    const pod = restrictedPod(p => {
      app(p).env = [
        literal('LOG_LEVEL', 'info'),
        literal('DATABASE_URL', 'postgres://app:hunter2@db:5432/app'),
      ];
    });
    expect(findLiteralCredentials(pod)).toEqual([
      {
        rule: 'literal-credential-value',
        severity: 'error',
        field: 'spec.containers[0].env[1].value',
        value: '<redacted, 34 chars>',
        message:
          'env var "DATABASE_URL" of container "app" holds a URL with a password in it, which would be stored in plain text in the manifest',
        fix: `Put the password in a Secret, add env var "DATABASE_URL_PASSWORD" from it with valueFrom.secretKeyRef (kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(scope, 'Id', 'my-secret'), key: 'password' })) before "DATABASE_URL", and write $(DATABASE_URL_PASSWORD) in the URL in place of the password, or list "DATABASE_URL" in allowLiteralEnv if it is not a secret.`,
      },
    ]);
  });

  it.each([
    [
      'AUTH_HEADER_VALUE',
      'Bearer 0123456789abcdef0123456789abcdef',
      'an Authorization Bearer token',
      'auth-header-value',
    ],
    [
      'UPSTREAM_HEADERS',
      'Authorization: Basic dXNlcjpwYXNz',
      'Authorization Basic credentials',
      'upstream-headers',
    ],
    [
      'TLS_KEY_PEM',
      '-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----',
      'a PEM private key',
      'tls-key-pem',
    ],
  ])('fails env var %s, holding %j', (name, value, noun, key) => {
    const pod = restrictedPod(p => {
      app(p).env = [literal(name, value)];
    });
    expect(findLiteralCredentials(pod)).toEqual([
      {
        rule: 'literal-credential-value',
        severity: 'error',
        field: 'spec.containers[0].env[0].value',
        value: `<redacted, ${value.length} chars>`,
        message: `env var "${name}" of container "app" holds ${noun}, which would be stored in plain text in the manifest`,
        fix: `Put the value in a Secret and use valueFrom.secretKeyRef (kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(scope, 'Id', 'my-secret'), key: '${key}' })), or list "${name}" in allowLiteralEnv if it is not a secret.`,
      },
    ]);
  });

  it('fails command and args literals that embed a credential, at their own paths', () => {
    const pod = restrictedPod(p => {
      app(p).command = ['sh', '-c', 'psql postgres://app:hunter2@db/app -c "select 1"'];
      init(p).args = [
        '--header',
        'Authorization: Bearer 0123456789abcdef0123456789abcdef',
        '--url=https://host/path',
      ];
    });
    expect(findLiteralCredentials(pod)).toEqual([
      {
        rule: 'literal-credential-value',
        severity: 'error',
        field: 'spec.initContainers[0].args[1]',
        value: '<redacted, 54 chars>',
        message:
          'an argument of container "init" holds an Authorization Bearer token, which would be stored in plain text in the manifest',
        fix: 'Put the secret part in a Secret, expose it as an env var with valueFrom.secretKeyRef, and write $(VAR) in its place, which Kubernetes expands in command and args.',
      },
      {
        rule: 'literal-credential-value',
        severity: 'error',
        field: 'spec.containers[0].command[2]',
        value: '<redacted, 48 chars>',
        message:
          'the command of container "app" holds a URL with a password in it, which would be stored in plain text in the manifest',
        fix: 'Put the secret part in a Secret, expose it as an env var with valueFrom.secretKeyRef, and write $(VAR) in its place, which Kubernetes expands in command and args.',
      },
    ]);
  });

  it('reports a credential-looking name once, as literal-credential, even when its value also embeds one', () => {
    const pod = restrictedPod(p => {
      app(p).env = [literal('DB_PASSWORD', 'postgres://app:hunter2@db/app')];
    });
    expect(findLiteralCredentials(pod).map(problem => problem.rule)).toEqual(['literal-credential']);
  });

  it('passes values that reference a Secret-backed env var', () => {
    const pod = restrictedPod(p => {
      app(p).env = [
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        literal('DATABASE_URL', 'postgres://app:$(DB_PASSWORD)@db:5432/app'),
        literal('API_BASE', 'https://api.example.com/v1'),
        literal('GIT_REMOTE', 'git@github.com:org/repo.git'),
      ];
      app(p).args = ['--auth', 'Bearer $(API_TOKEN)', 'https://user@host/'];
    });
    expect(findLiteralCredentials(pod)).toEqual([]);
  });

  it('passes an env var in the allow list whatever its value embeds', () => {
    const pod = restrictedPod(p => {
      app(p).env = [literal('DEMO_URL', 'postgres://demo:demo@localhost/demo')];
    });
    expect(findLiteralCredentials(pod, { allow: ['DEMO_URL'] })).toEqual([]);
    expect(findLiteralCredentials(pod, { allow: ['demo_url'] }).map(problem => problem.rule)).toEqual([
      'literal-credential-value',
    ]);
  });

  it('never echoes the value, in the problem or its formatted line', () => {
    const secrets = ['hunter2', '0123456789abcdef0123456789abcdef', 'dXNlcjpwYXNz', 'MHcC'];
    const pod = restrictedPod(p => {
      app(p).env = [
        literal('URL', `mysql://root:${secrets[0]}@db/app`),
        literal('HEADER', `Bearer ${secrets[1]}`),
        literal('BASIC', `Basic ${secrets[2]}`),
        literal('KEY', `-----BEGIN PRIVATE KEY-----\n${secrets[3]}\n-----END PRIVATE KEY-----`),
      ];
      app(p).args = [`https://u:${secrets[0]}@host`];
    });
    const problems = findLiteralCredentials(pod);
    expect(problems).toHaveLength(5);
    const printed = JSON.stringify(problems) + problems.map(formatProblem).join('\n');
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });

  it.each([
    ['command as a string', { spec: { containers: [{ name: 'app', command: 'https://u:p@h' }] } }],
    ['junk args', { spec: { containers: [{ name: 'app', args: [null, 7, { x: 'https://u:p@h' }] }] } }],
  ])('passes %s without throwing', (_name, input) => {
    expect(findLiteralCredentials(input)).toEqual([]);
  });
});
