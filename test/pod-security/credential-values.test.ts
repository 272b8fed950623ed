import fc from 'fast-check';
import type { EmbeddedCredential } from '../../lib/pod-security';
import { embeddedCredential } from '../../lib/pod-security';

/** `user:pass` in base64, built here so the table shows what it encodes. */
const USER_PASS_B64 = 'dXNlcjpwYXNz';

describe('embeddedCredential', () => {
  it.each<[string, string, EmbeddedCredential]>([
    ['a postgres URL', 'postgres://user:pass@host/db', 'url-password'],
    ['an https URL', 'https://u:p@host', 'url-password'],
    ['a redis URL with an empty user', 'redis://:s3cret@redis:6379/0', 'url-password'],
    ['an amqp URL inside other text', 'broker=amqp://guest:guest@rabbit:5672/ vhost=/', 'url-password'],
    ['a URL whose password holds an @', 'mysql://root:p@ss@db:3306/app', 'url-password'],
    ['a mongodb+srv URL', 'mongodb+srv://app:Xy7pQ@cluster0.example.net/?retryWrites=true', 'url-password'],
    ['a second URL with a literal after one with a reference', 'a://u:$(P)@h b://u:lit@h', 'url-password'],
    ['a Bearer header value', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'bearer-token'],
    [
      'a whole Authorization header line',
      'Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      'bearer-token',
    ],
    ['a lower-case bearer in JSON', '{"authorization":"bearer abcdef0123456789abcdef"}', 'bearer-token'],
    ['a Basic header value', `Basic ${USER_PASS_B64}`, 'basic-credentials'],
    [
      'a Basic header line',
      `Authorization: Basic ${Buffer.from('admin:hunter2').toString('base64')}`,
      'basic-credentials',
    ],
    [
      'a PKCS#8 private key',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQ...\n-----END PRIVATE KEY-----',
      'private-key',
    ],
    ['an RSA private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...', 'private-key'],
    ['an OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl...', 'private-key'],
    ['an encrypted private key', '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF...', 'private-key'],
    ['a PGP private key block', '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOY...', 'private-key'],
  ])('fails %s', (_name, value, expected) => {
    expect(embeddedCredential(value)).toBe(expected);
  });

  it.each<[string, string]>([
    ['a URL without userinfo', 'https://host/path'],
    ['a URL with a user but no password', 'https://user@host/repo.git'],
    ['a URL with an empty password', 'ftp://anonymous:@ftp.example.com/'],
    ['user@host without a scheme', 'user@host'],
    ['an e-mail address', 'ops@example.com'],
    ['host:port with an @ in the path', 'https://host:8080/path@v2'],
    ['a git SSH remote', 'git@github.com:org/repo.git'],
    ['a Kubernetes $(VAR) reference as the password', 'postgres://app:$(DB_PASSWORD)@db:5432/app'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell ${VAR} reference is the point
    ['a shell ${VAR} reference as the password', 'postgres://app:${DB_PASSWORD}@db/app'],
    ['a shell $VAR reference as the password', 'redis://:$REDIS_PASSWORD@redis:6379'],
    ['Bearer and a variable reference', 'Bearer $(API_TOKEN)'],
    ['Bearer in prose', 'Bearer authentication is required'],
    ['a short Bearer token', 'Bearer abc123'],
    ['a Bearer token of letters only', 'Bearer abcdefghijklmnopqrstuvwxyz'],
    ['bearer inside a word', 'forbearer abcdef0123456789abcdef'],
    ['Basic in prose', 'Basic authentication'],
    ['Basic with base64 that holds no colon', `Basic ${Buffer.from('justatoken').toString('base64')}`],
    ['Basic and a variable reference', 'Basic $(BASIC_CREDENTIALS)'],
    ['a basic setting', 'basic'],
    ['a public key', '-----BEGIN PUBLIC KEY-----\nMIIBIj...'],
    ['a certificate', '-----BEGIN CERTIFICATE-----\nMIID...'],
    ['a plain word', 'info'],
    ['an empty string', ''],
  ])('passes %s', (_name, value) => {
    expect(embeddedCredential(value)).toBeUndefined();
  });

  it('finds a password in any scheme://user:password@host URL', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(
        word,
        word,
        fc.stringMatching(/^[A-Za-z0-9!*._~-]{1,20}$/),
        word,
        (scheme, user, password, host) => {
          expect(embeddedCredential(`${scheme}://${user}:${password}@${host}/x`)).toBe('url-password');
        },
      ),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), value => {
        embeddedCredential(value);
      }),
    );
  });
});
