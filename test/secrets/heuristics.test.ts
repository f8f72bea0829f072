// The keyword + literal heuristic's parts: key names (§1.4), placeholder filters (§1.5) and the
// judgement that combines them, with where the secret sits in the value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeCredential } from '../../server/src/secrets/credentials.js';
import { credentialKeyStrength, keySegments } from '../../server/src/secrets/keyNames.js';
import { isDemoValue, notASecret } from '../../server/src/secrets/placeholders.js';
import { FAKE_TOKENS, randomChars } from './fakes.js';

describe('keySegments', () => {
  it('splits on separators and camelCase boundaries, lower-cased', () => {
    assert.deepEqual(keySegments('AWSSecretAccessKey'), ['aws', 'secret', 'access', 'key']);
    assert.deepEqual(keySegments('db_password'), ['db', 'password']);
    assert.deepEqual(keySegments('spring.datasource.password'), ['spring', 'datasource', 'password']);
    assert.deepEqual(keySegments('--client-secret'), ['client', 'secret']);
    assert.deepEqual(keySegments('oauth2Token'), ['oauth2', 'token']);
  });
});

describe('credentialKeyStrength', () => {
  const cases: [string, 'strong' | 'weak' | undefined][] = [
    ['DB_PASSWORD', 'strong'],
    ['password', 'strong'],
    ['apiKey', 'strong'],
    ['API_KEY', 'strong'],
    ['client_secret', 'strong'],
    ['GITHUB_TOKEN', 'strong'],
    ['super_duper_secret_token', 'strong'],
    ['AWS_SECRET_ACCESS_KEY', 'strong'],
    ['privateKey', 'strong'],
    ['DB_PASS', 'strong'],
    ['pass', 'strong'],
    ['connectionString', 'strong'],
    ['SENTRY_DSN', 'strong'],
    ['git_key', 'weak'],
    ['SESSION_COOKIE', 'weak'],
    ['ENCRYPTION_SALT', 'weak'],
    // benign qualifiers after the credential word, and `public` anywhere (BuildKit's exemptions)
    ['PASSWORD_FILE', undefined],
    ['POSTGRES_PASSWORD_FILE', undefined],
    ['SECRET_PASSPHRASE_FILE', undefined],
    ['token_url', undefined],
    ['secretName', undefined],
    ['secretKeyRef', undefined],
    ['AWS_ACCESS_KEY_ID', undefined],
    ['AUTH_MODULE_VERSION', undefined],
    ['PUBLIC_KEY', undefined],
    ['public_token', undefined],
    ['TOKEN_TTL', undefined],
    ['PASSWORD_MIN_LENGTH', undefined],
    ['KEY_SHA512', undefined],
    ['signingKeySha256', undefined],
    ['password-stdin', undefined],
    // a lone weak word is everywhere in Kubernetes (tolerations, selectors)
    ['key', undefined],
    ['auth', undefined],
    ['session', undefined],
    // words that merely contain a credential word
    ['passport', undefined],
    ['TOKENIZER_MODEL', undefined],
    ['keyboard', undefined],
    ['PASS_THROUGH', undefined],
    ['author', undefined],
  ];
  for (const [key, expected] of cases) it(`${key} → ${expected ?? 'not a credential key'}`, () => assert.equal(credentialKeyStrength(key), expected));
});

describe('notASecret (§1.5 traps)', () => {
  const traps: [string, string][] = [
    ['', 'empty'],
    ['""', 'empty'],
    ['~', 'scalar'],
    ['null', 'scalar'],
    ['true', 'scalar'],
    ['off', 'scalar'],
    ['8080', 'scalar'],
    ['write', 'scalar'],
    ['read-only', 'scalar'],
    ['`cat /run/secrets/pw`', 'reference'],
    ['${DB_PASSWORD}', 'reference'],
    ['$DB_PASSWORD', 'reference'],
    ['$(DB_PASSWORD)', 'reference'],
    ['{{ .Values.db.password }}', 'reference'],
    ['{{- .Values.token | quote -}}', 'reference'],
    ['${{ secrets.GITHUB_TOKEN }}', 'reference'],
    ['%DB_PASSWORD%', 'reference'],
    ['@DB_PASSWORD@', 'reference'],
    ['#{DB_PASSWORD}#', 'reference'],
    ['<<DB_PASSWORD>>', 'reference'],
    ['__DB_PASSWORD__', 'reference'],
    ['%(password)s', 'reference'],
    ['{0}', 'reference'],
    ['%s', 'reference'],
    ['<password>', 'reference'],
    ['<your-token>', 'reference'],
    ['[PASSWORD]', 'reference'],
    ['{password}', 'reference'],
    ['projects/my-proj/secrets/db/versions/latest', 'reference'],
    ['projects/p/locations/global/keyRings/release/cryptoKeys/signing/cryptoKeyVersions/1', 'reference'],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf', 'reference'],
    ['vault:secret/data/db#password', 'reference'],
    ['ref+vault://secret/db#/password', 'reference'],
    ['op://vault/item/field', 'reference'],
    ['akv://my-vault/db-password', 'reference'],
    ['azurekeyvault://my-vault/db', 'reference'],
    ['sm://db-password', 'reference'],
    ['xxxx', 'filler'],
    ['********', 'filler'],
    ['....', 'filler'],
    ['0000', 'scalar'],
    ['00000000', 'filler'],
    ['abcdef123', 'filler'],
    ['0123456789', 'filler'],
    ['ABCDEFGHIJ', 'filler'],
    ['1234', 'scalar'],
    ['12345678', 'filler'],
    ['abcd', 'filler'],
    ['REDACTED', 'dictionary'],
    ['<redacted>', 'reference'],
    ['changeme', 'dictionary'],
    ['changeit', 'dictionary'],
    ['password', 'dictionary'],
    ['Passw0rd!', 'dictionary'],
    ['secret123', 'dictionary'],
    ['your_password', 'dictionary'],
    ['YOUR-API-KEY', 'dictionary'],
    ['insert_key_here', 'dictionary'],
    ['not-a-real-token', 'dictionary'],
    ['example-value', 'dictionary'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'dictionary'],
    ['/run/secrets/db', 'path'],
    ['./certs/key.pem', 'path'],
    ['~/.ssh/id_rsa', 'path'],
    ['file:///etc/creds', 'path'],
    ['C:\\keys\\app.pfx', 'path'],
    ['https://vault.example.com/v1/secret', 'url'],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host', 'public'],
    ['-----BEGIN CERTIFICATE-----\nMIIB', 'public'],
    ['phc_6AT2D3sP5u4fkUZtSqgtmoKmcx8rEX8f86lpISOpAhx', 'public'],
    ['os.environ["HUGGING_FACE_HUB_TOKEN"]', 'reference'],
    ['os.getenv("API_KEY")', 'reference'],
    ['process.env.GITHUB_TOKEN', 'reference'],
    ['pk_live_51HqLyjWDarjtT1zdp7dcXbYq2OS6hJ1oNMyW7b0Xz', 'public'],
    ['ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]', 'encrypted'],
  ];
  for (const [value, kind] of traps) it(`${JSON.stringify(value)} is ${kind}`, () => assert.equal(notASecret(value), kind));

  it('keeps real-looking literals', () => {
    for (const value of ['hunter2hunter2', 's3cr3tP4ss', 'Tr0ub4dor&3', randomChars(24), 'my-jwt-signing-key-2024', 'hunter1234']) assert.equal(notASecret(value), undefined, value);
  });

  it('knows tutorial demo values', () => {
    assert.ok(isDemoValue('admin'));
    assert.ok(isDemoValue('password'));
    assert.ok(!isDemoValue('s3cr3tP4ss'));
  });
});

describe('judgeCredential', () => {
  it('flags any literal that survives the filters under a strong key, with its span', () => {
    assert.deepEqual(judgeCredential('DB_PASSWORD', 'hunter2hunter2'), { secret: 'hunter2hunter2', start: 0, end: 14, strength: 'strong', severity: 'warning' });
    assert.deepEqual(judgeCredential('DB_PASSWORD', ' "hunter2" ', 10), { secret: 'hunter2', start: 12, end: 19, strength: 'strong', severity: 'warning' });
    assert.equal(judgeCredential('DB_PASSWORD', 'abc'), undefined, 'too short to be a password');
    assert.equal(judgeCredential('DB_PASSWORD', 'changeme'), undefined);
    assert.equal(judgeCredential('DB_HOST', 'hunter2hunter2'), undefined);
  });

  it('needs a generated-looking value under a weak key', () => {
    assert.equal(judgeCredential('GIT_KEY', 'my-deploy-key'), undefined, 'a name, not a key');
    assert.equal(judgeCredential('GIT_KEY', 'shortKey1'), undefined);
    assert.equal(judgeCredential('serviceNameCategoryKey', 'TraefikServiceName'), undefined, 'capitalised words: a name (traefik-helm-chart)');
    assert.deepEqual(judgeCredential('DB_PASSWORD', 'CorrectHorseBattery')?.strength, 'strong', 'under a strong key, words are still a password');
    assert.equal(judgeCredential('GIT_KEY', randomChars(24))?.strength, 'weak');
    assert.equal(judgeCredential('app-key', 'x8f3kq-a9zz2m-q0w8e7')?.strength, 'weak', 'random groups are not words');
    assert.equal(judgeCredential('DB_PASSWORD', 'Hammock2024!')?.strength, 'strong', '"mock" inside a word marks no stand-in');
    assert.equal(judgeCredential('DB_PASSWORD', 'Mockingbird#77')?.strength, 'strong');
    assert.equal(judgeCredential('DB_PASSWORD', 'mockPassword'), undefined, 'a mock, by its own word');
  });

  it('takes a key store path:field naming a credential for where the value is read, not for the value', () => {
    assert.equal(judgeCredential('GPG_PASSPHRASE', 'helm-chart-signing-key:passphrase'), undefined);
    assert.equal(judgeCredential('GPG_PRIVATE_KEY', 'ci/release:private_key'), undefined);
    assert.equal(judgeCredential('ANTHROPIC_API_KEY', 'anthropic:api-key'), undefined, 'grafana/loki');
    assert.equal(judgeCredential('GPG_PASSPHRASE', 'release:Tr0ub4dor3x')?.strength, 'strong', 'a field that is no credential word is a value');
    assert.equal(judgeCredential('DB_PASSWORD', 'admin:hunter2hunter')?.strength, 'strong');
    for (const login of ['admin:supersecret', 'root:rootpassword', 'deploy:secrettoken']) assert.equal(judgeCredential('DB_PASSWORD', login)?.strength, 'strong', `${login}: a login, not a store's path:field`);
  });

  it('judges a base64 value on the text it encodes', () => {
    assert.equal(judgeCredential('app-key', Buffer.from('test-app-key\n').toString('base64')), undefined, 'a name, encoded');
    assert.equal(judgeCredential('password', Buffer.from('changeme').toString('base64')), undefined, 'a stand-in, encoded');
    assert.deepEqual(judgeCredential('password', 'aHVudGVyMg==')?.secret, 'aHVudGVyMg==', 'a password, encoded: reported as written');
  });

  it('judges the default of ${VAR:-default}', () => {
    assert.deepEqual(judgeCredential('DB_PASSWORD', '${PW:-hunter2x}'), { secret: 'hunter2x', start: 6, end: 14, strength: 'strong', severity: 'warning' });
    assert.equal(judgeCredential('DB_PASSWORD', '${PW:-}'), undefined);
    assert.equal(judgeCredential('DB_PASSWORD', '${PW:-${OTHER}}'), undefined);
  });

  it('reads the credential out of an Authorization header value', () => {
    assert.deepEqual(judgeCredential('Authorization', 'Bearer abcXYZ123def'), { secret: 'abcXYZ123def', start: 7, end: 19, strength: 'strong', severity: 'warning' });
    assert.equal(judgeCredential('Authorization', 'Bearer $(TOKEN)'), undefined);
    assert.equal(judgeCredential('Authorization', 'Negotiate'), undefined);
  });

  it('raises known shapes under their key to errors and names them', () => {
    const awsSecret = randomChars(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+', 40);
    assert.deepEqual(
      [judgeCredential('AWS_SECRET_ACCESS_KEY', awsSecret)?.severity, judgeCredential('aws_secret_access_key', awsSecret)?.description],
      ['error', 'AWS secret access key'],
    );
    assert.equal(judgeCredential('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), undefined, 'the documented example');
    assert.equal(judgeCredential('TWILIO_AUTH_TOKEN', randomChars(32, '0123456789abcdef', 41))?.description, 'Twilio auth token');
  });

  it('leaves values holding a token format to the token rule', () => {
    assert.equal(judgeCredential('GITHUB_TOKEN', FAKE_TOKENS['github-token']), undefined);
    assert.equal(judgeCredential('DB_PASSWORD', 'postgres://u:Pg9xQ2w@db/app'), undefined);
  });
});
