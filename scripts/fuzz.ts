// `npm run fuzz [-- --seconds N] [--seed S]`: lints grammar-aware hostile inputs under the watchdog for
// as long as asked (60 s by default) and reports every hang, crash, bad range or control byte in a
// message, each input saved under test-results/robustness. Exits 1 when any was found.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { recordFailure } from './robustness/failures.js';
import { lintInput } from './robustness/generators.js';
import { isDefect, LintWatchdog, proportionalBudget } from './robustness/watchdog.js';

/** Inputs drawn per seed: each batch is reproducible from `--seed` and its number. */
const BATCH = 50;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' } } });
  const seconds = Number(values.seconds);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  if (!(seconds > 0) || !Number.isInteger(seed)) throw new Error('usage: npm run fuzz -- [--seconds N] [--seed S]');
  console.log(`fuzzing for ${seconds} s, seed ${seed}`);

  const watchdog = new LintWatchdog({ budgetMs: proportionalBudget });
  const stopAt = Date.now() + seconds * 1000;
  const counts: Record<string, number> = {};
  const failures: string[] = [];
  for (let batch = 0; Date.now() < stopAt; batch++) {
    for (const input of fc.sample(lintInput, { seed: seed + batch, numRuns: BATCH })) {
      if (Date.now() >= stopAt) break;
      const job = { ...input, fix: true };
      const outcome = await watchdog.run(job);
      counts[outcome.kind] = (counts[outcome.kind] ?? 0) + 1;
      if (isDefect(outcome)) failures.push(recordFailure(job, outcome));
    }
  }
  await watchdog.close();
  console.log(Object.entries(counts).map(([kind, n]) => `${kind}: ${n}`).join(', '));
  for (const failure of failures) console.log(`✖ ${failure}`);
  console.log(failures.length ? `${failures.length} defects found` : 'no defects found');
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
