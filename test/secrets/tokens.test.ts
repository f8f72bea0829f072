// The token-format table through the scanner: every family found with its exact span, and the
// stand-ins (fillers, documented examples, wrong lengths, glued to other words) left alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOKEN_PATTERNS } from '../../server/src/secrets/patterns.js';
import { scanTokens } from '../../server/src/secrets/tokens.js';
import { ALPHABETS, FAKE_TOKENS, b64, fake, fakeJwt, fakePem, randomChars } from './fakes.js';

function found(text: string): { id: string; secret: string; severity: string }[] {
  return scanTokens(text).map((m) => {
    assert.equal(text.slice(m.start, m.end), m.secret, 'offsets cover the secret');
    return { id: m.pattern.id, secret: m.secret, severity: m.severity };
  });
}

describe('token table', () => {
  it('every family fixture names a format of the table (formats.test.ts has a row per format)', () => {
    const ids = new Set(TOKEN_PATTERNS.map((p) => p.id));
    assert.deepEqual(Object.keys(FAKE_TOKENS).filter((id) => !ids.has(id)), []);
  });

  for (const [id, token] of Object.entries(FAKE_TOKENS)) {
    it(`finds ${id} inside surrounding text`, () => {
      const secret = id === 'slack-webhook' ? token.slice(token.indexOf('/services/') + '/services/'.length) : token;
      assert.deepEqual(
        found(`value: "${token}" # end`).map((m) => [m.id, m.secret]),
        [[id, secret]],
      );
    });
  }

  it('finds tokens whose keywords share a prefix in the same text (sk_live_, SK…, sk-ant-)', () => {
    const text = [FAKE_TOKENS['stripe-live-key'], FAKE_TOKENS['twilio-api-key'], FAKE_TOKENS['anthropic-api-key']].join(' ');
    assert.deepEqual(found(text).map((m) => m.id), ['stripe-live-key', 'twilio-api-key', 'anthropic-api-key']);
  });

  it('reports JWTs, Stripe test keys and encrypted PEM keys as warnings, the rest as errors', () => {
    const severities = Object.fromEntries(Object.values(FAKE_TOKENS).flatMap((t) => found(t).map((m) => [m.id, m.severity])));
    assert.equal(severities.jwt, 'warning');
    assert.equal(severities['stripe-test-key'], 'warning');
    assert.equal(severities['pem-encrypted-private-key'], 'warning');
    assert.equal(severities['github-token'], 'error');
    assert.equal(severities['pem-private-key'], 'error');
  });

  it('leaves fillers, documented examples and masked tokens alone', () => {
    const standIns = [
      'AKIAIOSFODNN7EXAMPLE',
      fake('AKIA', 'XXXXXXXXXXXXXXXX'),
      fake('AKIA', 'IOSFODNN7', 'EXAMPLE'),
      fake('gh', 'p_', 'x'.repeat(36)),
      fake('gh', 'p_', 'EXAMPLE', randomChars(29)),
      fake('AI', 'za', 'A'.repeat(35)),
      fake('sk', '_live_', '*'.repeat(24)),
      fake('xo', 'xb-', '0000000000-0000000000-', 'x'.repeat(24)),
    ];
    for (const text of standIns) assert.deepEqual(found(text), [], text);
  });

  it('needs the exact alphabet and length, and a token boundary on both sides', () => {
    const tooShort = [fake('gh', 'p_', randomChars(20)), fake('AK', 'IA', randomChars(12, ALPHABETS.upperBase32)), fake('np', 'm_', randomChars(30))];
    for (const text of tooShort) assert.deepEqual(found(text), [], text);
    // AWS ids are base32: 0, 1, 8 and 9 never appear.
    assert.deepEqual(found(fake('AK', 'IA', '0189', randomChars(12, ALPHABETS.upperBase32))), []);
    assert.deepEqual(found(`x${FAKE_TOKENS['github-token']}`), [], 'glued to a word before');
    assert.deepEqual(found(`${FAKE_TOKENS['aws-access-key-id']}Q`), [], 'glued to a word after');
    assert.deepEqual(found(`pk_live_${randomChars(24)}`), [], 'publishable Stripe keys are public');
  });

  it('requires a JWT header with an alg and a signature', () => {
    assert.deepEqual(found(fakeJwt({ typ: 'JWT' })), []);
    const [header, payload] = fakeJwt().split('.');
    assert.deepEqual(found(`${header}.${payload}.`), [], 'unsigned');
  });

  it('requires a real PEM body: placeholders and short bodies are not keys', () => {
    assert.deepEqual(found('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'), []);
    assert.deepEqual(found('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----'), []);
    assert.deepEqual(found(`-----BEGIN PRIVATE KEY-----\n${'A'.repeat(128)}\n-----END PRIVATE KEY-----`), []);
    assert.deepEqual(found(fakePem('CERTIFICATE')), [], 'certificates are public');
    assert.deepEqual(found(fakePem('PUBLIC KEY')), []);
    assert.equal(found(fakePem('OPENSSH PRIVATE KEY'))[0]?.id, 'pem-private-key');
    const escaped = fakePem('EC PRIVATE KEY').replace(/\n/g, '\\n');
    assert.equal(found(`RUN echo "${escaped}" > /k`)[0]?.id, 'pem-private-key', 'a key written with \\n escapes');
  });

  it('finds passwords in URLs and judges them like any literal', () => {
    assert.deepEqual(found('postgres://app:s3cr3tP4ss@db:5432/app').map((m) => [m.secret, m.severity]), [['s3cr3tP4ss', 'error']]);
    assert.deepEqual(found('redis://:Rk8sPw9x@cache:6379').map((m) => m.secret), ['Rk8sPw9x']);
    assert.deepEqual(found('mongodb+srv://u:Mg0Pw7zQ@cluster.example.net/db').map((m) => m.secret), ['Mg0Pw7zQ']);
    assert.deepEqual(found('jdbc:mysql://root:My5qlPw@db/app').map((m) => m.secret), ['My5qlPw']);
    assert.deepEqual(found('http://admin:Adm1nPw@localhost:8080').map((m) => m.severity), ['warning'], 'loopback host lowers the severity');
    const notSecrets = [
      'postgres://app:$(DB_PASSWORD)@db/app',
      'postgres://app:${DB_PASSWORD}@db/app',
      'postgres://app:<password>@db/app',
      'postgres://app:password@db/app',
      'postgres://app:changeme@db/app',
      'postgres://app:****@db/app',
      'https://user@github.com/org/repo',
      'https://github.com/org/repo',
      'custom://a:B7x9Lq2w@host',
      'foo:bar@host',
    ];
    for (const text of notSecrets) assert.deepEqual(found(text), [], text);
  });

  it('finds connection-string passwords only in `;`-separated strings naming a server', () => {
    assert.deepEqual(found('Server=db;Database=app;User Id=sa;Password=Sq1Pw0rd9;').map((m) => m.secret), ['Sq1Pw0rd9']);
    assert.deepEqual(found('Host=db;Pwd=Pg9xQ2w;').map((m) => m.secret), ['Pg9xQ2w']);
    assert.deepEqual(found('Server=db;Password=${SQL_PASSWORD};'), []);
    assert.deepEqual(found('password=Pg9xQ2w'), [], 'a bare assignment is the key heuristic’s job');
  });

  it('finds npm auth tokens and Redis requirepass', () => {
    assert.deepEqual(found('//registry.npmjs.org/:_authToken=Np9xQ2wLk7').map((m) => m.secret), ['Np9xQ2wLk7']);
    assert.deepEqual(found('//registry.npmjs.org/:_authToken=${NPM_TOKEN}'), []);
    const token = FAKE_TOKENS['npm-token'];
    assert.deepEqual(found(`//registry.npmjs.org/:_authToken=${token}`).map((m) => m.id), ['npm-token'], 'one finding, the most specific');
    assert.deepEqual(found('bind 0.0.0.0\nrequirepass R3d1sPw9\n').map((m) => m.secret), ['R3d1sPw9']);
    assert.deepEqual(found('requirepass changeme'), []);
  });

  it('leaves high-entropy values that are not credentials alone (no standalone entropy rule)', () => {
    const benign = [
      `sha256:${randomChars(64, ALPHABETS.hex)}`,
      randomChars(40, ALPHABETS.hex),
      '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      b64(randomChars(300)),
      'nginx@sha256:0123abcd',
    ];
    for (const text of benign) assert.deepEqual(found(text), [], text);
  });

  it('scans a 1 MB value without backtracking blow-ups', () => {
    const start = performance.now();
    scanTokens(`${'a:'.repeat(200_000)}${'sk-'.repeat(100_000)}${'eyJ'.repeat(100_000)}`);
    assert.ok(performance.now() - start < 250, 'linear-time patterns');
  });
});
