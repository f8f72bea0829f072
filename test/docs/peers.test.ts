// Every rule's peer ids name checks that exist in the peers' current sources, as read into
// test/fixtures/peers/peers.json (each peer's repository and commit are recorded there).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { allRules } from '../../rules/index.js';
import type { PeerIds } from '../../server/src/engine/types.js';

interface PeerSource {
  repo: string;
  commit: string;
  ids: Record<string, string>;
  /** Old ids a peer still accepts (Trivy's KSV017 for KSV-0017): metadata uses the current one. */
  aliases?: Record<string, string>;
  secretRules?: { repo: string; commit: string; ids: Record<string, string> };
}

const sources: Partial<Record<keyof PeerIds, PeerSource>> = JSON.parse(readFileSync('test/fixtures/peers/peers.json', 'utf8'));
/** Peers whose ids are not in the fixture yet (KICS's repository is too large to read here; BuildKit's checks live in moby/buildkit). */
const NOT_YET_READ: readonly (keyof PeerIds)[] = ['kics', 'buildkit'];

it('every peer id in rule metadata exists in that peer\'s source', () => {
  const problems: string[] = [];
  for (const { meta } of allRules) {
    for (const [peer, ids] of Object.entries(meta.peers) as [keyof PeerIds, string[]][]) {
      if (NOT_YET_READ.includes(peer)) continue;
      const source = sources[peer];
      if (!source) {
        problems.push(`${meta.id}: no source read for peer ${peer}`);
        continue;
      }
      for (const id of ids) {
        if (id in source.ids || (source.secretRules && id in source.secretRules.ids)) continue;
        const current = source.aliases?.[id];
        problems.push(current ? `${meta.id}: ${peer} ${id} is an old alias, write ${current}` : `${meta.id}: ${peer} has no check ${id} (${source.repo}@${source.commit.slice(0, 12)})`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

it('the fixture names where each list was read', () => {
  for (const [peer, source] of Object.entries(sources)) {
    if (typeof source !== 'object' || source === null) continue;
    assert.match(source.repo, /^[\w.-]+\/[\w.-]+$/, peer);
    assert.match(source.commit, /^[0-9a-f]{40}$/, peer);
    assert.ok(Object.keys(source.ids).length > 0, peer);
  }
});
