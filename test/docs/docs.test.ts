// Generated docs must match the rule metadata: run `npm run docs` after changing a rule.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index.js';
import { renderAllDocs } from '../../scripts/docs.js';

describe('generated docs', () => {
  const files = renderAllDocs();

  for (const [path, expected] of files) {
    it(`${path} is up to date`, () => {
      assert.ok(existsSync(path), `${path} is missing: run npm run docs`);
      assert.ok(readFileSync(path, 'utf8') === expected, `${path} is stale: run npm run docs`);
    });
  }

  it('has no page for a rule that no longer exists', () => {
    const pages = readdirSync('docs/rules', { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((d) => readdirSync(join('docs/rules', d.name)).map((f) => `docs/rules/${d.name}/${f}`));
    assert.deepEqual(pages.filter((p) => !files.has(p)), []);
  });

  it('every rule has complete metadata', () => {
    for (const { meta } of allRules) {
      assert.match(meta.id, /^(k8s|dockerfile|secrets)\/[a-z0-9]+(-[a-z0-9]+)*$/, meta.id);
      for (const field of ['title', 'description', 'rationale', 'remediation'] as const) assert.ok(meta[field].trim().length > 10 || field === 'title', `${meta.id}: ${field}`);
      assert.ok(Object.keys(meta.messages).length > 0, `${meta.id}: messages`);
    }
    assert.equal(new Set(allRules.map((r) => r.meta.id)).size, allRules.length, 'rule ids are unique');
  });
});
