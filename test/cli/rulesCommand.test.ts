// `manifestlint rules` says how old the end-of-life table is, in every format.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runRules } from '../../server/src/cli/rulesCommand.js';
import { EOL_TABLE } from '../../server/src/images/eolTable.js';

function output(format: string): string {
  const written: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stdout.write;
  try {
    assert.equal(runRules(['--format', format]), 0);
  } finally {
    process.stdout.write = write;
  }
  return written.join('');
}

describe('manifestlint rules: the end-of-life table date', () => {
  it('table and markdown end with the date and the rules that use it', () => {
    for (const format of ['table', 'markdown']) {
      assert.match(output(format), new RegExp(`\\nEnd-of-life table \\([^)]*dockerfile/eol-base-image[^)]*\\): taken on ${EOL_TABLE.takenOn} from .+\\n$`), format);
    }
  });

  it('json gives the date on the rules that judge by it', () => {
    const rows = JSON.parse(output('json')) as { id: string; eolTableTakenOn?: string }[];
    const dated = new Map(rows.filter((row) => row.eolTableTakenOn).map((row) => [row.id, row.eolTableTakenOn]));
    assert.equal(dated.get('dockerfile/eol-base-image'), EOL_TABLE.takenOn);
    assert.equal(dated.get('k8s/eol-image'), EOL_TABLE.takenOn);
    assert.equal(dated.has('k8s/privileged-container'), false);
  });
});
