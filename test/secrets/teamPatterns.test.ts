// `secrets.patterns` in the team config (issue 16 §3): a regex that does not compile or could
// backtrack catastrophically is a config problem where it is written; valid patterns reach
// secrets/token, whose findings name the pattern, honour keywords, entropy and the allow lists.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { parseConfigFile } from '../../server/src/config/configFile.js';
import { presetConfig } from '../../server/src/config/presets.js';
import { ConfigResolver } from '../../server/src/config/resolver.js';
import type { LintConfig } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/linter/lint.js';
import type { TeamSecretPattern } from '../../server/src/secrets/teamPatterns.js';
import { tempWorkspace, type TempWorkspace } from '../config/tempWorkspace.js';
import { ALPHABETS, randomChars } from './fakes.js';

let workspace: TempWorkspace | undefined;
afterEach(() => workspace?.dispose());

const problemsOf = (text: string) =>
  parseConfigFile('/repo/.manifestlint.yaml', text).problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);

const ACME = { id: 'acme-api-key', regex: 'acme_live_[a-z0-9]{32}', keywords: ['acme_live_'] } satisfies TeamSecretPattern;
const acmeKey = (seed = 1) => `acme_live_${randomChars(32, `${ALPHABETS.hex}ghijklmnopqrstuvwxyz`, seed)}`;

function tokenFindings(code: string, patterns: TeamSecretPattern[], uri = 'app.yaml') {
  const config: LintConfig = { ...presetConfig('all'), secretPatterns: patterns };
  return lint(code, { uri, config }).filter((f) => f.ruleId === 'secrets/token');
}

describe('secrets.patterns in the config', () => {
  it('accepts a pattern with keywords, entropy and allow lists', () => {
    assert.deepEqual(problemsOf(`secrets:\n  patterns:\n    - id: acme-api-key\n      description: ACME API key\n      regex: 'acme_live_[a-z0-9]{32}'\n      keywords: [acme_live_]\n      entropy: 3.5\n      allow: {paths: [test/**], values: [acme_live_0000]}\n`), []);
    assert.deepEqual(problemsOf(`secrets:\n  patterns:\n    - {id: gl, regex: '(?i)corp[_-]?token\\s*=\\s*([a-z0-9]{24})'}\n`), [], 'a leading (?i), gitleaks-style');
  });

  it('says what is wrong with a regex, on the regex', () => {
    assert.deepEqual(problemsOf(`secrets:\n  patterns:\n    - id: broken\n      regex: 'acme_[a-z'\n`), ['4:14 secrets.patterns[0].regex: the regex does not compile: /acme_[a-z/dg: Unterminated character class']);
    assert.deepEqual(problemsOf(`secrets:\n  patterns:\n    - id: slow\n      regex: '(a+)+b'\n`), [
      '4:14 secrets.patterns[0].regex: the regex can backtrack catastrophically: a repeated group itself repeats or has alternatives (as in (a+)+ or (a|b)*); use a character class or a bounded sequence',
    ]);
    assert.match(problemsOf(`secrets:\n  patterns:\n    - {id: look, regex: 'key(?=[0-9])'}\n`)[0] ?? '', /^3:25 .*lookaround/);
    assert.match(problemsOf(`secrets:\n  patterns:\n    - {id: back, regex: '(a)\\1'}\n`)[0] ?? '', /backreference/);
    assert.match(problemsOf(`secrets:\n  patterns:\n    - {id: empty, regex: 'x*'}\n`)[0] ?? '', /matches the empty string/);
  });

  it('checks the entry’s shape with the schema', () => {
    assert.deepEqual(problemsOf(`secrets:\n  patterns:\n    - {regex: 'a[0-9]{9}'}\n`), ['3:8 secrets.patterns[0]: missing "id"']);
    assert.match(problemsOf(`secrets:\n  patterns:\n    - {id: 'has space', regex: 'a[0-9]{9}'}\n`)[0] ?? '', /secrets\.patterns\[0\]\.id/);
    assert.match(problemsOf(`secrets:\n  patterns:\n    - {id: a, regex: 'a[0-9]{9}', entropy: 9}\n`)[0] ?? '', /must be at most 8/);
  });
});

describe('team patterns in secrets/token', () => {
  it('reports a match naming the pattern, masked, in values, comments and Dockerfiles', () => {
    const key = acmeKey();
    const yaml = tokenFindings(`config:\n  key: ${key}\n# old: ${acmeKey(2)}\n`, [ACME]);
    assert.deepEqual(yaml.map((f) => [f.range.start.line + 1, f.message]), [
      [2, `Hardcoded secret (team pattern acme-api-key) (acme…(${key.length} chars))`],
      [3, `Hardcoded secret (team pattern acme-api-key) in a comment (acme…(${key.length} chars))`],
    ]);
    const docker = tokenFindings(`FROM alpine:3.20\nENV ACME=${key}\n`, [ACME], 'Dockerfile');
    assert.equal(docker.length, 1);
  });

  it('uses the first capture group as the secret, and the description in messages', () => {
    const secret = randomChars(24, ALPHABETS.alnum, 3);
    const findings = tokenFindings(`data:\n  app.ini: "corp_token = ${secret}"\n`, [{ id: 'corp', description: 'Corp token', regex: '(?i)corp[_-]?token\\s*=\\s*([a-z0-9]{24})' }]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].message, `Hardcoded secret (team pattern corp: Corp token) (${secret.slice(0, 4)}…(24 chars))`);
    assert.equal(findings[0].range.end.character - findings[0].range.start.character, 24);
  });

  it('needs a keyword when keywords are given, and the entropy floor', () => {
    const key = acmeKey();
    assert.equal(tokenFindings(`k: ${key}\n`, [{ ...ACME, keywords: ['other'] }]).length, 0, 'the prefilter gates the regex');
    assert.equal(tokenFindings(`k: acme_live_${'ab'.repeat(16)}\n`, [{ ...ACME, entropy: 3 }]).length, 0, 'below the entropy floor');
    assert.equal(tokenFindings(`k: acme_live_${'x'.repeat(32)}\n`, [ACME]).length, 0, 'masked placeholders are left alone');
  });

  it('leaves allowed values alone, and never reports twice what a built-in format reports', () => {
    const key = acmeKey();
    assert.equal(tokenFindings(`k: ${key}\n`, [{ ...ACME, allow: { values: [key] } }]).length, 0);
    const overlapping = tokenFindings(`k: postgres://app:Pg9xQ2wLk@db/app\n`, [{ id: 'pw', regex: 'app:([A-Za-z0-9]{9})@' }]);
    assert.deepEqual(overlapping.map((f) => f.message.replace(/ \(.*/, '')), ['Hardcoded password in a URL']);
  });

  it('reaches the engine through the resolver; allow.paths exempts files; a later config replaces an id', () => {
    const key = acmeKey();
    workspace = tempWorkspace({
      'base.yaml': `secrets:\n  patterns:\n    - {id: acme-api-key, regex: 'acme_test_[a-z0-9]{32}'}\n`,
      '.manifestlint.yaml': `extends: [manifestlint:all, ./base.yaml]\nsecrets:\n  patterns:\n    - id: acme-api-key\n      regex: 'acme_live_[a-z0-9]{32}'\n      allow: {paths: ['fixtures/**']}\n`,
    });
    const root = workspace.root;
    const resolver = new ConfigResolver({ rootFor: () => root });
    const app = resolver.resolve(workspace.path('app.yaml')).config;
    assert.deepEqual(app.secretPatterns?.map((p) => p.regex), ['acme_live_[a-z0-9]{32}']);
    assert.equal(lint(`k: ${key}\n`, { uri: workspace.path('app.yaml'), config: app }).filter((f) => f.ruleId === 'secrets/token').length, 1);
    const fixture = resolver.resolve(workspace.path('fixtures/sample.yaml')).config;
    assert.equal(fixture.secretPatterns, undefined);
  });

  it('a 100,000-repetition value is scanned with a team pattern and returns', () => {
    const findings = tokenFindings(`k: "${'acme_live_a'.repeat(100_000)}"\n`, [ACME]);
    assert.deepEqual(findings, []);
  });
});
