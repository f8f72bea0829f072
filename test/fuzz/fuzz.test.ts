// A fixed-seed slice of the fuzz suite (`npm run fuzz` runs it for as long as asked, seeds varying):
// grammar-aware hostile Dockerfiles and YAML must lint (and fix) within a budget in proportion to their
// size, without throwing, with every range inside the document and no control byte in a message.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { dockerfileText, yamlText } from '../../scripts/robustness/generators.js';
import { recordFailure } from '../../scripts/robustness/failures.js';
import { isDefect, LintWatchdog, proportionalBudget } from '../../scripts/robustness/watchdog.js';

const watchdog = new LintWatchdog({ budgetMs: proportionalBudget });
after(() => watchdog.close());

async function fuzz(inputs: fc.Arbitrary<string>, uri: string, seed: number): Promise<void> {
  let failure: string | undefined;
  await fc.check(
    fc.asyncProperty(inputs, async (text) => {
      const job = { text, uri, fix: true };
      const outcome = await watchdog.run(job);
      if (isDefect(outcome)) failure = recordFailure(job, outcome);
      return !isDefect(outcome);
    }),
    { seed, numRuns: 150, endOnFailure: true },
  );
  assert.equal(failure, undefined);
}

describe('fuzz (fixed seeds)', () => {
  it('Dockerfiles: shell constructs, heredocs, escapes, JSON forms', () => fuzz(dockerfileText, 'fuzz/Dockerfile', 1306));
  it('YAML manifests: anchors, merge keys, tags, block scalars, flow style, multi-doc', () => fuzz(yamlText, 'fuzz/manifest.yaml', 1307));
  it('Helm templates', () => fuzz(yamlText, 'fuzz/chart/templates/deployment.yaml', 1308));
});
