// The secrets rules read Compose files as the YAML they are: `environment:` as a map and as a list of
// NAME=value items, each finding ranged on the value alone; interpolated values are references.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAKE_TOKENS } from '../secrets/fakes.js';
import { at, lintCompose } from './lint.js';

const secretFindings = (code: string) => lintCompose(code).filter((f) => f.ruleId.startsWith('secrets/'));

describe('secrets in Compose environment', () => {
  it('map form: the range is the value', () => {
    const code = 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: Sup3rS3cretPw\n      API_TOKEN: "s3cr3tT0kenValue99"\n';
    const findings = secretFindings(code);
    assert.deepEqual(findings.map(at), ['5:26-5:39 secrets/hardcoded-credential', '6:19-6:37 secrets/hardcoded-credential']);
    assert.deepEqual(findings.map((f) => code.slice(f.offsets.start, f.offsets.end)), ['Sup3rS3cretPw', 's3cr3tT0kenValue99']);
  });

  it('list form, plain and quoted: the range is the part after NAME=', () => {
    const code = 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_ROOT_PASSWORD=an0therSecret!\n      - "MYSQL_PASSWORD=Sup3rS3cretPw"\n    command: ["--x"]\n';
    const findings = secretFindings(code);
    assert.deepEqual(findings.map((f) => code.slice(f.offsets.start, f.offsets.end)), ['an0therSecret!', 'Sup3rS3cretPw']);
    assert.deepEqual(findings.map(at), ['5:29-5:43 secrets/hardcoded-credential', '6:25-6:38 secrets/hardcoded-credential']);
  });

  it('interpolated values, empty values and names without values are not secrets', () => {
    const code =
      'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      DB_PASSWORD: $DB_PASSWORD\n      API_KEY:\n  web:\n    image: nginx:1.27\n    environment:\n      - MYSQL_PASSWORD=${MYSQL_PASSWORD:?required}\n      - API_TOKEN\n      - SECRET_KEY=\n';
    assert.deepEqual(secretFindings(code).map(at), []);
  });

  it('a token in a Compose value is masked in the message', () => {
    const token = FAKE_TOKENS['github-token'];
    const code = `services:\n  ci:\n    image: runner:1\n    environment:\n      GITHUB_TOKEN: ${token}\n`;
    const findings = secretFindings(code);
    assert.ok(findings.length > 0, 'the token is found');
    for (const finding of findings) assert.ok(!finding.message.includes(token), finding.message);
  });
});
