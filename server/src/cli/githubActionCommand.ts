// `manifestlint github-action`: what the repository's action.yml runs. Reads the action's inputs from
// the runner's environment (INPUT_*), scans once, writes the SARIF file for code scanning, annotates
// the diff and writes the job summary when SARIF is not uploaded, and sets the step's outputs. It
// exits 0 whatever it finds, so that the SARIF upload step still runs; the `failed` output says
// whether the findings reach the fail level, and action.yml's last step fails the job on it.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatGithubAnnotations, formatGithubSummary } from '../report/github.js';
import { formatSarif } from '../report/sarif.js';
import { countFindings, plural } from '../report/summary.js';
import { applyBaseline, readBaseline } from '../scan/baseline.js';
import { UsageError } from '../scan/discover.js';
import { scanPaths } from './scanCommand.js';

export const GITHUB_ACTION_HELP = `manifestlint github-action

Run by the manifestlint GitHub Action (action.yml), not by hand: reads INPUT_PATHS, INPUT_CONFIG,
INPUT_BASELINE, INPUT_CHANGED-SINCE, INPUT_FAIL-LEVEL and INPUT_UPLOAD-SARIF, writes the SARIF file to
RUNNER_TEMP, annotations to stdout, the job summary to GITHUB_STEP_SUMMARY and the outputs
(sarif-file, findings, errors, warnings, failed) to GITHUB_OUTPUT.`;

const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
type FailLevel = (typeof FAIL_LEVELS)[number];

export async function runGithubAction(_argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const failLevel = (input('fail-level') || 'error') as FailLevel;
  if (!FAIL_LEVELS.includes(failLevel)) throw new UsageError(`fail-level must be one of ${FAIL_LEVELS.join(', ')}, not "${failLevel}"`);
  const uploadSarif = input('upload-sarif') === 'true';
  const paths = input('paths').split(/\s+/).filter(Boolean);
  const values = { config: input('config') || undefined, 'changed-since': input('changed-since') || undefined };

  const scan = await scanPaths(paths, values, { needs: { keepSuppressed: true, podSecurity: true } });
  if (scan.exitCode !== undefined) return scan.exitCode;
  let results = scan.results;
  const notes: string[] = [];
  const baselinePath = input('baseline');
  if (baselinePath) {
    const outcome = applyBaseline(results, readBaseline(resolve(baselinePath)), resolve(baselinePath));
    results = outcome.results;
    notes.push(`${plural(outcome.baselined, 'finding')} in the baseline (${baselinePath}) not shown.`);
  }

  const sarifFile = join(env.RUNNER_TEMP || process.cwd(), 'manifestlint.sarif');
  writeFileSync(sarifFile, formatSarif(results, { cwd: process.cwd() }));
  const visible = results.map((result) => ({ ...result, findings: result.findings.filter((finding) => !finding.suppressed) }));
  // Code scanning shows uploaded results on the diff itself: annotations would say it twice.
  if (!uploadSarif) process.stdout.write(formatGithubAnnotations(visible, { cwd: process.cwd() }));
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, formatGithubSummary(visible, notes));

  const counts = countFindings(visible);
  const failed = counts.notLinted > 0 || reachesFailLevel(counts, failLevel);
  const outputs = { 'sarif-file': sarifFile, findings: counts.error + counts.warning + counts.info, errors: counts.error, warnings: counts.warning, failed };
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([key, value]) => `${key}=${value}\n`).join(''));
  return 0;
}

function reachesFailLevel(counts: ReturnType<typeof countFindings>, level: FailLevel): boolean {
  switch (level) {
    case 'none':
      return false;
    case 'error':
      return counts.error > 0;
    case 'warning':
      return counts.error + counts.warning > 0;
    case 'info':
      return counts.error + counts.warning + counts.info > 0;
  }
}
