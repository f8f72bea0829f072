// One table row per token format: a valid token is found, on its own characters, and reported with at
// most 4 of them; a near miss, placeholders and a checksum-failing variant are not. Valid tokens are
// built at run time from each format's own regex (or a generator, where a validator needs more than
// the shape), so the repository holds no token-shaped literal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { presetConfig } from '../../server/src/config/presets.js';
import { lint } from '../../server/src/linter/lint.js';
import { TOKEN_PATTERNS, type TokenPattern } from '../../server/src/secrets/patterns.js';
import { scanTokens } from '../../server/src/secrets/tokens.js';
import { base62, crc32 } from '../../server/src/secrets/formats/checksums.js';
import { ALPHABETS, FAKE_TOKENS, fake, fakeJwt, fakePem, randomChars, withGithubChecksum } from './fakes.js';
import { sampleOf } from './regexSample.js';

/** Formats whose validator needs more than the regex's shape: a checksum, a JWT header, a PEM body, a context. */
const GENERATED: Record<string, () => string> = {
  'pem-private-key': () => fakePem('OPENSSH PRIVATE KEY'),
  'pem-encrypted-private-key': () => fakePem('ENCRYPTED PRIVATE KEY'),
  'github-token': () => withGithubChecksum(fake('gh', 'u_'), randomChars(30, ALPHABETS.alnum, 40)),
  'npm-token': () => withGithubChecksum(fake('np', 'm_'), randomChars(30, ALPHABETS.alnum, 41)),
  'github-app-installation-token': () => fake('gh', 's_', '1234567', '_', fakeJwt({ alg: 'RS256', typ: 'JWT' })),
  jwt: () => fakeJwt(),
  'slack-webhook': () => FAKE_TOKENS['slack-webhook'],
  'azure-sas-signature': () => `https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&se=2026-01-01&sp=r&sig=${randomChars(43, ALPHABETS.alnum, 42)}%3D`,
  'url-credentials': () => 'postgres://app:Pg9xQ2wLk@db:5432/app',
  'connection-string-password': () => 'Server=db;Database=app;Password=Sq1Pw0rd9;',
  'redis-requirepass': () => 'requirepass R3d1sPw9xQ',
  'npmrc-auth-token': () => '//registry.npmjs.org/:_authToken=Np9xQ2wLk7',
};

/** Near misses of the generated formats (the others get theirs from their keyword, below). */
const GENERATED_NEAR_MISSES: Record<string, string[]> = {
  'pem-private-key': [fakePem('OPENSSH PRIVATE KEY', 40), fakePem('PUBLIC KEY')],
  'pem-encrypted-private-key': [fakePem('ENCRYPTED PRIVATE KEY', 40)],
  'github-token': [fake('gh', 'x_', randomChars(36))],
  'npm-token': [fake('np', 'm_', randomChars(20))],
  'github-app-installation-token': [fake('gh', 's_', '1234567_', randomChars(30), '.', randomChars(30), '.', randomChars(30))],
  jwt: [fakeJwt({ typ: 'JWT' })],
  'slack-webhook': ['https://hooks.slack.com/services/T000/B000/short'],
  'azure-sas-signature': [`https://example.com/?q=1&sig=${randomChars(43, ALPHABETS.alnum, 42)}`],
  'url-credentials': ['custom://app:Pg9xQ2wLk@db'],
  'connection-string-password': ['password=Sq1Pw0rd9'],
  'redis-requirepass': ['# requirepass'],
  'npmrc-auth-token': ['//registry.npmjs.org/:_authToken='],
};

/** A token of this format, as its issuer could mint it. */
function validToken(pattern: TokenPattern): string {
  return GENERATED[pattern.id]?.() ?? sampleOf(pattern.regex, 7);
}

function found(text: string): { id: string; secret: string }[] {
  return scanTokens(text).map((m) => {
    assert.equal(text.slice(m.start, m.end), m.secret, 'offsets cover the secret');
    return { id: m.pattern.id, secret: m.secret };
  });
}

/** Where the format's keyword ends in the token (`ghp_` → 4), or -1 when none is found in it. */
function keywordEnd(pattern: TokenPattern, token: string): number {
  const lower = token.toLowerCase();
  let end = -1;
  for (const keyword of pattern.keywords) {
    const at = lower.indexOf(keyword);
    if (at !== -1) end = Math.max(end, at + keyword.length);
  }
  return end;
}

/** The token with every letter and digit but its keyword's replaced (`ghp_xxxx…`), keeping separators. */
function placeholdersOf(pattern: TokenPattern, token: string): string[] {
  const end = Math.max(keywordEnd(pattern, token), 0);
  const keywordAtEnd = end === token.length;
  const masked = (by: string) => (keywordAtEnd ? token.slice(0, -4).replace(/[A-Za-z0-9]/g, by) + token.slice(-4) : token.slice(0, end) + token.slice(end).replace(/[A-Za-z0-9]/g, by));
  const around = (word: string) => (keywordAtEnd ? word + token.slice(-4) : token.slice(0, end) + word);
  return [
    masked('x'),
    masked('X'),
    keywordAtEnd ? `EXAMPLE${token.slice(7)}` : token.slice(0, end) + 'EXAMPLE' + token.slice(end + 7),
    around('<token>'),
    around('${TOKEN}'),
    around('changeme'),
  ];
}

/** The token cut short just after its keyword, and (when the keyword starts it) glued to a word before. */
function nearMissesOf(pattern: TokenPattern, token: string): string[] {
  const special = GENERATED_NEAR_MISSES[pattern.id];
  if (special) return special;
  const end = keywordEnd(pattern, token);
  // Cut after the keyword; a keyword at the end (`…_mmk`) loses the token's start instead.
  const misses = [end + 3 < token.length ? token.slice(0, end + 3) : token.slice(3)];
  const startsWithKeyword = pattern.keywords.some((k) => token.toLowerCase().startsWith(k));
  if (startsWithKeyword && !pattern.secretGroup) misses.push(`Q${token}`);
  return misses;
}

const tokens = new Map(TOKEN_PATTERNS.map((p) => [p.id, validToken(p)]));

describe('token formats: one row per format', () => {
  it('every format names its source, has lower-case keywords, a global regex and a unique id', () => {
    const ids = TOKEN_PATTERNS.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const pattern of TOKEN_PATTERNS) {
      assert.match(pattern.source ?? '', /^https:\/\//, pattern.id);
      assert.ok(pattern.regex.global, pattern.id);
      assert.ok(pattern.keywords.length > 0, pattern.id);
      for (const keyword of pattern.keywords) assert.equal(keyword, keyword.toLowerCase(), pattern.id);
    }
    assert.ok(TOKEN_PATTERNS.length >= 150, `${TOKEN_PATTERNS.length} formats`);
  });

  for (const pattern of TOKEN_PATTERNS) {
    const token = tokens.get(pattern.id) ?? '';
    describe(pattern.id, () => {
      it('finds a valid token inside surrounding text', () => {
        const hits = found(`before ${token}\nafter`).filter((m) => m.id === pattern.id);
        assert.equal(hits.length, 1, `${pattern.id} in ${JSON.stringify(token.slice(0, 12))}…`);
        assert.ok(token.includes(hits[0].secret));
      });

      it('reports it through secrets/token with at most 4 of its characters', () => {
        const code = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  value: |\n${token.split('\n').map((l) => `    ${l}`).join('\n')}\n`;
        const findings = lint(code, { uri: 'c.yaml', config: presetConfig('all') }).filter((f) => f.ruleId === 'secrets/token');
        const secret = found(token).find((m) => m.id === pattern.id)?.secret ?? '';
        const finding = findings.find((f) => f.message.includes(pattern.description));
        assert.ok(finding, `${pattern.id}: ${findings.map((f) => f.message).join('; ')}`);
        const shown = Math.min(4, Math.floor(secret.length / 4));
        assert.ok(finding.message.includes(`${secret.slice(0, shown)}…(${secret.length} chars)`), finding.message);
        // The issuer's constant part (prefix, keyword) may be named by the description; the rest never.
        for (let i = Math.max(keywordEnd(pattern, secret), 0); i + 5 <= secret.length; i++) {
          const window = secret.slice(i, i + 5);
          if (!pattern.description.toLowerCase().includes(window.toLowerCase())) assert.ok(!finding.message.includes(window), `leaks ${window}`);
        }
      });

      it('leaves near misses and placeholders alone', () => {
        const isGenerated = pattern.id in GENERATED;
        const candidates = [...nearMissesOf(pattern, token), ...(isGenerated ? [] : placeholdersOf(pattern, token))];
        for (const text of candidates) assert.deepEqual(found(text).filter((m) => m.id === pattern.id), [], JSON.stringify(text));
      });

      if (pattern.checksum) {
        it('leaves a token whose checksum fails alone', () => {
          const last = token[token.length - 1];
          const broken = token.slice(0, -1) + (last === 'a' ? 'b' : 'a');
          assert.deepEqual(found(broken).filter((m) => m.id === pattern.id), []);
        });
      }
    });
  }
});

describe('checksums', () => {
  it('CRC-32 and base62 give the reference values', () => {
    assert.equal(crc32('123456789'), 0xcbf43926);
    assert.equal(base62(61, 2), '0z');
    assert.equal(base62(62 * 62, 3), '100');
  });

  it('a GitHub token typed by hand (right shape, random tail) is not reported', () => {
    assert.deepEqual(found(fake('gh', 'p_', randomChars(36, ALPHABETS.alnum, 99))), []);
    assert.deepEqual(found(fake('np', 'm_', randomChars(36, ALPHABETS.alnum, 98))), []);
  });
});

describe('places the issue names', () => {
  it('a PEM key folded onto one line by YAML, or with \\n escapes in JSON, is one finding', () => {
    const pem = fakePem('RSA PRIVATE KEY');
    const folded = pem.replace(/\n/g, ' ');
    assert.deepEqual(found(folded).map((m) => m.id), ['pem-private-key']);
    const json = `{"private_key": "${pem.replace(/\n/g, '\\n')}\\n"}`;
    assert.deepEqual(found(json).map((m) => m.id), ['pem-private-key']);
  });

  it('a PEM key in a YAML block scalar is reported once, on the block', () => {
    const pem = fakePem('EC PRIVATE KEY');
    const code = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k\ndata:\n  key: |\n${pem.split('\n').map((l) => `    ${l}`).join('\n')}\n`;
    const findings = lint(code, { uri: 'k.yaml', config: presetConfig('all') }).filter((f) => f.ruleId === 'secrets/token');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 6);
  });

  it('an Azure storage connection string reports the account key only', () => {
    const key = `${randomChars(86, ALPHABETS.base64, 50)}==`;
    const hits = found(`DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${key};EndpointSuffix=core.windows.net`);
    assert.deepEqual(hits, [{ id: 'azure-storage-account-key', secret: key }]);
  });

  it('a vendor-keyed secret needs its issuer named in the key', () => {
    const value = randomChars(64, ALPHABETS.hex, 51);
    assert.deepEqual(found(`DISCORD_BOT_TOKEN=${value}`).map((m) => m.id), ['discord-api-token']);
    assert.deepEqual(found(`SOME_TOKEN=${value}`), []);
    assert.deepEqual(found(`DISCORD_BOT_TOKEN=\${DISCORD_BOT_TOKEN}`), []);
  });
});
