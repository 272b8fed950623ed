import { looksLikeCredentialName } from '../../lib/pod-security';

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
    'DB_PASS',
    'SMTP_PASS',
    'dbPass',
    'redis-pass',
    'SMTP_PWD',
    'ftpPwd',
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
    ['PASSPORT', 'not a password'],
    ['BYPASS', 'pass inside a word'],
    ['CACHE_BYPASS', 'pass inside a word'],
    ['COMPASS', 'pass inside a word'],
    ['COMPASS_HEADING', 'pass inside a word'],
    ['PASS_THROUGH', 'pass as a prefix names a setting'],
    ['PASS_THROUGH_HEADERS', 'pass as a prefix names a setting'],
    ['DB_PASS_FILE', 'a path to the secret'],
    ['pwd', 'the working directory, in any case'],
    ['LOG_LEVEL', 'unrelated'],
    ['', 'empty'],
  ])('passes %s (%s)', name => {
    expect(looksLikeCredentialName(name)).toBe(false);
  });

  test('gives the same verdict when asked again (verdicts are kept per name)', () => {
    const names = ['DB_PASSWORD', 'LOG_LEVEL', 'GITHUB_TOKEN', 'TOKEN_TTL'];
    const first = names.map(looksLikeCredentialName);
    expect(first).toEqual([true, false, true, false]);
    expect(names.map(looksLikeCredentialName)).toEqual(first);
  });
});
