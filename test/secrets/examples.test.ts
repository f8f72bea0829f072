// examples/secrets plants one FAKE credential per kind of leak: each must keep being reported, once,
// by the rule that owns it, and the references beside them must stay quiet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';
import type { Finding } from '../../server/src/engine/types.js';

function lintExample(name: string): Finding[] {
  const path = `examples/secrets/${name}`;
  return lint(readFileSync(path, 'utf8'), { uri: path });
}

/** `ruleId@line:severity` for each secrets finding. */
const summary = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith('secrets/')).map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.severity}`);

describe('examples/secrets', () => {
  it('payments-api.yaml shows each planted credential and nothing else', () => {
    const findings = lintExample('payments-api.yaml');
    assert.deepEqual(summary(findings), [
      'secrets/token@33:error', // password in the database URL of args
      'secrets/token@36:error', // Stripe live key
      'secrets/token@38:error', // GitHub token
      'secrets/hardcoded-credential@40:warning', // SMTP_PASSWORD literal
      'secrets/token@42:error', // AWS access key id
      'secrets/token@61:error', // Slack bot token in ConfigMap data
      'secrets/hardcoded-credential@66:warning', // password line of application.properties
      'secrets/committed-secret@77:warning', // base64 password in a Secret
      'secrets/committed-secret@79:info', // tutorial value
      'secrets/token@82:error', // private key in stringData, recognised as a PEM private key: once, by the token rule
      'secrets/committed-secret@95:warning', // registry credentials in .dockerconfigjson
    ]);
    assert.deepEqual(findings.filter((f) => !f.ruleId.startsWith('secrets/')).map((f) => f.ruleId), [], 'the workload itself is hardened');
  });

  it('docker-compose.yaml shows the password in an environment list and the token left in a comment', () => {
    assert.deepEqual(summary(lintExample('docker-compose.yaml')), ['secrets/hardcoded-credential@8:warning', 'secrets/token@18:error']);
  });

  it('Dockerfile shows the baked-in tokens and the credential on a RUN line', () => {
    assert.deepEqual(summary(lintExample('Dockerfile')), ['secrets/token@4:error', 'secrets/token@5:error', 'secrets/hardcoded-credential@9:warning']);
  });
});
