// `npm run corpus [-- folders…]`: lints every Dockerfile and YAML file of real-world repositories,
// file by file under the watchdog, and reports hangs, crashes, bad ranges and syntax findings (on real
// files, a syntax finding is usually a parser bug: read them), and files whose findings in the editor,
// after edits, differ from a lint from scratch (robustness/editorEquivalence.ts). The corpora stay outside this
// repository: by default the folder `../corpus` (or $MANIFESTLINT_CORPUS); CONTRIBUTING.md lists the
// public repositories used. Exits 1 when any file hung, crashed, got a bad range or differs in the editor.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { languageOf } from '../server/src/text/fileKinds.js';
import { readTextFile } from '../server/src/files/readText.js';
import { editorDifference } from './robustness/editorEquivalence.js';
import { printable, recordFailure } from './robustness/failures.js';
import { isDefect, LintWatchdog, type LintOutcome } from './robustness/watchdog.js';

const SKIPPED = new Set(['.git', 'node_modules']);
const SYNTAX_RULES = new Set(['k8s/yaml-syntax', 'dockerfile/parse-error']);
/** Per-file budget: real files lint in milliseconds; ten seconds is a hang, whatever the machine's load. */
const BUDGET_MS = 10_000;
/** The editor check lints each file eight times, in this process: files that lint well and are not huge. */
const EDITOR_CHECK_MAX_CHARS = 512 * 1024;

function* lintableFiles(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED.has(entry.name)) yield* lintableFiles(path);
    else if (entry.isFile() && languageOf(entry.name)) yield path;
  }
}

async function main(): Promise<number> {
  const folders = process.argv.slice(2);
  const roots = (folders.length ? folders : [process.env.MANIFESTLINT_CORPUS ?? join(__dirname, '..', '..', 'corpus')]).map((f) => resolve(f));
  const watchdog = new LintWatchdog({ budgetMs: () => BUDGET_MS });
  const counts: Record<LintOutcome['kind'], number> = { ok: 0, invalid: 0, notLinted: 0, threw: 0, hung: 0, died: 0 };
  const defects: string[] = [];
  const syntax: string[] = [];
  const slowest: { ms: number; path: string }[] = [];
  const started = performance.now();
  for (const root of roots) {
    for (const path of lintableFiles(root)) {
      const read = readTextFile(path, { maxBytes: 64 * 1024 * 1024, root });
      if (!read.ok) continue;
      const job = { text: read.text, uri: path };
      const outcome = await watchdog.run(job);
      counts[outcome.kind]++;
      const shown = printable(relative(root, path));
      if (isDefect(outcome)) defects.push(`${shown}: ${recordFailure(job, outcome)}`);
      else if (outcome.kind === 'ok' && read.text.length <= EDITOR_CHECK_MAX_CHARS) {
        const difference = editorDifference(read.text, path);
        if (difference) defects.push(`${shown}: ${difference}`);
      }
      for (const finding of outcome.findings) if (SYNTAX_RULES.has(finding.ruleId)) syntax.push(`${shown}:${finding.line}: ${finding.ruleId}: ${printable(finding.message).slice(0, 160)}`);
      slowest.push({ ms: outcome.ms, path: shown });
    }
  }
  await watchdog.close();
  const files = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`corpus: ${roots.join(', ')}`);
  console.log(`${files} files in ${Math.round((performance.now() - started) / 1000)} s — ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`slowest: ${slowest.sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => `${s.path} ${Math.round(s.ms)} ms`).join('; ')}`);
  console.log(`${syntax.length} syntax findings${syntax.length ? ' (first 40):' : ''}`);
  for (const line of syntax.slice(0, 40)) console.log(`  ${line}`);
  for (const defect of defects) console.log(`✖ ${defect}`);
  console.log(defects.length ? `${defects.length} files hung, crashed, got a bad range or differ in the editor` : '0 hangs, 0 crashes, 0 bad ranges, 0 editor differences');
  return defects.length ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
