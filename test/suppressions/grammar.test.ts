// The TextMate injection that highlights suppression comments: contributed under the scope name
// package.json declares, and its patterns pick out the directive, each rule id and the reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index.js';

interface Pattern {
  match: string;
  name?: string;
  captures?: Record<string, { name?: string }>;
}
const grammar = JSON.parse(readFileSync('syntaxes/suppression.injection.json', 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, Pattern | { patterns: Pattern[] }>;
};
// The patterns use only the Oniguruma syntax JavaScript shares (lookbehind, lookahead), so RegExp can run them.
const directive = new RegExp((grammar.repository['directive-comment'] as Pattern).match);
const inComment = new RegExp((grammar.repository['directive-in-comment'] as Pattern).match);
const ruleId = new RegExp((grammar.repository['rule-ids'] as { patterns: Pattern[] }).patterns[0].match, 'g');

describe('suppression comment grammar', () => {
  it('is the grammar package.json injects into YAML, Helm and Dockerfiles', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const contribution = manifest.contributes.grammars.find((g: { path: string }) => g.path === './syntaxes/suppression.injection.json');
    assert.equal(contribution?.scopeName, grammar.scopeName);
    for (const scope of ['source.yaml', 'source.helm', 'source.dockerfile']) assert.ok(grammar.injectionSelector.includes(`L:${scope}`), scope);
  });

  it('captures the directive, the ids and the reason of a trailing comment', () => {
    const match = directive.exec('  hostPID: true # manifestlint-disable-line k8s/host-pid, k8s/host-ipc -- debugging the node');
    assert.deepEqual(match?.slice(1), ['#', 'manifestlint-disable-line', ' k8s/host-pid, k8s/host-ipc', '--', 'debugging the node']);
    assert.ok(match && match.index === '  hostPID: true'.length, 'the match starts at the whitespace before #, where the host comment rule would');
  });

  it('matches every form, with or without a reason, and inside a comment the host grammar opened', () => {
    assert.equal(directive.exec('# manifestlint-disable-next-line secrets/token -- revoked')?.[2], 'manifestlint-disable-next-line');
    assert.equal(directive.exec('# manifestlint-disable-file dockerfile/base-image')?.[5], undefined);
    assert.equal(inComment.exec('# manifestlint-disable-file k8s/seccomp -- legacy')?.[4], 'legacy');
    assert.equal(directive.exec('# manifestlint-disabled-line k8s/seccomp'), null);
    assert.equal(directive.exec('# a comment about manifestlint-disable-line'), null);
  });

  it('highlights every rule id in the catalog', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepEqual(ids.join(' ').match(ruleId), ids);
  });
});
