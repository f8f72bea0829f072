// `npx tsx bench/secrets.ts`: secrets-only throughput (MB/s) on the bench corpus, never pass/fail.
// Three figures on the same texts: the token detector alone (prefilter + format table), the secrets
// rules through lint() (YAML/Dockerfile parse included), and secretlint's recommended preset when it
// can be loaded (`SECRETLINT_DIR=<folder with node_modules/@secretlint/…>`, or installed here).
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from '../server/src/linter/lint.js';
import { presetConfig } from '../server/src/config/presets.js';
import type { LintConfig } from '../server/src/engine/config.js';
import { TOKEN_PATTERNS } from '../server/src/secrets/patterns.js';
import { scanTokens, TokenScanner } from '../server/src/secrets/tokens.js';
import { deployment, dockerfile, random } from './corpus.js';
import { median } from './stats.js';

interface BenchFile {
  path: string;
  text: string;
}

/** The workspace-scan corpus of `npm run bench` (2,000 deployments, 500 Dockerfiles), in memory. */
function benchCorpus(): BenchFile[] {
  const rand = random(42);
  const files: BenchFile[] = [];
  for (let i = 0; i < 2000; i++) {
    files.push({ path: `team-${i % 40}/svc-${i}/deployment.yaml`, text: deployment(rand, i) });
    if (i < 500) files.push({ path: `team-${i % 40}/svc-${i}/Dockerfile`, text: dockerfile(rand, 1 + (i % 3)) });
  }
  return files;
}

const files = benchCorpus();
const megabytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) / 1024 / 1024;

/** MB/s of the median of `runs` passes over the corpus. */
function throughput(pass: () => void, runs = 5): number {
  pass(); // warm-up: compile regexes, JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    pass();
    samples.push(performance.now() - started);
  }
  return megabytes / (median(samples) / 1000);
}

const row = (...cells: string[]) => console.log(cells.join('  |  '));
row('machine', new Date().toISOString().slice(0, 10), `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`, `Node ${process.version}`);
row('corpus', `${files.length} files`, `${megabytes.toFixed(1)} MB`, `${TOKEN_PATTERNS.length} token formats`);

// Every line of every file, as the rule hands scalars to the detector: the whole text at once would
// let one keyword hit gate every pattern on the whole file.
const lines = files.flatMap((f) => f.text.split('\n'));
row('token detector (scanTokens per line)', `${throughput(() => {
  for (const line of lines) scanTokens(line);
}).toFixed(1)} MB/s`);
// What the number of formats costs: the same scanner over the first 20 rows only (the table before issue 16 had 32).
const twenty = new TokenScanner(TOKEN_PATTERNS.slice(0, 20));
row('token detector, first 20 formats only (per line)', `${throughput(() => {
  for (const line of lines) twenty.scan(line);
}).toFixed(1)} MB/s`);
row('token detector (scanTokens per file)', `${throughput(() => {
  for (const file of files) scanTokens(file.text);
}).toFixed(1)} MB/s`);

const all = presetConfig('all');
const secretsOnly: LintConfig = { rules: Object.fromEntries(Object.entries(all.rules).filter(([id]) => id.startsWith('secrets/'))) };
const noRules: LintConfig = { rules: {} };
const parseOnly = throughput(() => {
  for (const file of files) lint(file.text, { uri: file.path, config: noRules });
}, 3);
const secretsRules = throughput(() => {
  for (const file of files) lint(file.text, { uri: file.path, config: secretsOnly });
}, 3);
row('lint(), no rule (parse floor)', `${parseOnly.toFixed(1)} MB/s`);
row('lint(), the secrets rules only', `${secretsRules.toFixed(1)} MB/s`, `secrets cost ${(((1 / secretsRules - 1 / parseOnly) * megabytes) * 1000).toFixed(0)} ms per pass over the corpus`);

/** secretlint's recommended preset through @secretlint/core, or why it was not measured. */
async function measureSecretlint(): Promise<string> {
  const from = process.env.SECRETLINT_DIR ? join(resolve(process.env.SECRETLINT_DIR), 'package.json') : resolve('package.json');
  const require = createRequire(from);
  let corePath: string;
  let presetPath: string;
  try {
    corePath = require.resolve('@secretlint/core');
    presetPath = require.resolve('@secretlint/secretlint-rule-preset-recommend');
  } catch {
    return 'not installed (npm install --no-save @secretlint/core @secretlint/secretlint-rule-preset-recommend, or SECRETLINT_DIR)';
  }
  const core = (await import(pathToFileURL(corePath).href)) as { lintSource(options: unknown): Promise<unknown> };
  const preset = (await import(pathToFileURL(presetPath).href)) as { creator: unknown };
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }] };
  const lintAll = async () => {
    for (const file of files) {
      await core.lintSource({ source: { filePath: `/bench/${file.path}`, content: file.text, contentType: 'text' }, options: { config, maskSecrets: true } });
    }
  };
  await lintAll();
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await lintAll();
    samples.push(performance.now() - started);
  }
  const seconds = median(samples) / 1000;
  return `${(megabytes / seconds).toFixed(1)} MB/s  |  ${(files.length / seconds).toFixed(0)} files/s (in process, @secretlint/core + preset-recommend)`;
}

measureSecretlint()
  .then((result) => row('secretlint, same files', result))
  .catch((error: unknown) => row('secretlint, same files', `failed: ${String(error)}`))
  // secretlint's profiler (@secretlint/profiler 12) observes every performance mark and scans all marks
  // seen so far for each new one: after these runs its backlog kept the process busy for over 15 minutes.
  .finally(() => process.exit());
