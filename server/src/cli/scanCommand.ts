// `manifestlint scan [paths…]`: lint files, print a report, and set the exit code CI gates on.
import { appendFileSync, readSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readTextFile } from '../files/readText.js';
import { formatGithubAnnotations, formatGithubSummary } from '../report/github.js';
import { formatGitlab } from '../report/gitlab.js';
import { formatHtml } from '../report/html.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import { printable } from '../report/printable.js';
import { formatSarif } from '../report/sarif.js';
import { formatStylish } from '../report/stylish.js';
import { countFindings, plural } from '../report/summary.js';
import { applyBaseline, BaselineError, formatBaseline, prunedBaseline, readBaseline, type Baseline } from '../scan/baseline.js';
import { ChangedSinceError, changedSince } from '../scan/changedSince.js';
import { ScanConfig, type ConfigSpec } from '../scan/configForScan.js';
import { discover, UsageError } from '../scan/discover.js';
import { defaultJobs, scanFiles } from '../scan/pool.js';
import { fixFiles, otherFilesReport } from '../scan/fixFiles.js';
import { lintText, notLinted, type FileResult, type ResultNeeds } from '../scan/scan.js';
import { effectiveLimits, maxFileBytes, tooLargeReason } from '../text/limits.js';
import { selectScanFiles } from '../scan/select.js';
import { withWorkspaceFindings } from '../scan/workspaceFindings.js';
import { enablesWorkspaceRules } from '../linter/workspace.js';
import { configProblemsReport } from './configProblems.js';
import { writeOutput } from './output.js';
import { createProgressBar } from './progress.js';

export const SCAN_HELP = `manifestlint scan [paths…] [options]

Lints Kubernetes YAML and Dockerfiles under the given files or folders (default: .). A file named
explicitly is linted whatever its name: as a Dockerfile when its name says so, otherwise as YAML.
\`-\` lints standard input: \`helm template … | manifestlint scan -\`.
Symbolic links inside folders are not followed (name one to lint its target). Anything that should
have been linted and could not be (an unreadable folder, a FIFO, a file too large, binary or too slow
to lint) is reported with the reason.

Options:
  -f, --format <format>         stylish (default), json, sarif, junit, gitlab (code quality),
                                html (a page for reviewers), github (workflow annotations, and the
                                job summary when GITHUB_STEP_SUMMARY is set)
  -o, --output <file>           write the report to a file instead of stdout
  -c, --config <file>           use this config file instead of discovering .manifestlint.yaml
      --max-warnings <n>        exit 1 when there are more than n warnings (counted even with --quiet)
  -q, --quiet                   report errors only
  -j, --jobs <n>                files linted at once, each in a worker thread (default: one per core)
      --fix                     apply every preferred quick fix in place, then report what remains
      --stdin-filename <name>   with \`-\`: the name standard input is reported under, which picks
                                its language (Dockerfile or YAML) and its config
      --baseline <file>         report only findings not in this baseline (manifestlint baseline writes one)
      --update-baseline         with --baseline: remove the entries of findings fixed since
      --changed-since <ref>     lint only files changed since a git commit (and new files git does not ignore)
      --no-color                never colour the output

Exit codes: 0 no error-severity finding, 1 errors found (or warnings over --max-warnings),
2 usage error, invalid configuration, or a file or folder that could not be linted.`;

const FORMATTERS = {
  stylish: (results: readonly FileResult[], color: boolean) => formatStylish(results, { color, cwd: process.cwd() }),
  json: (results: readonly FileResult[]) => formatJson(results, { cwd: process.cwd() }),
  sarif: (results: readonly FileResult[]) => formatSarif(results, { cwd: process.cwd() }),
  junit: (results: readonly FileResult[]) => formatJunit(results, { cwd: process.cwd() }),
  gitlab: (results: readonly FileResult[]) => formatGitlab(results, { cwd: process.cwd() }),
  html: (results: readonly FileResult[]) => formatHtml(results, { cwd: process.cwd(), readSource, generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') }),
  github: (results: readonly FileResult[]) => {
    // As GitHub's own actions do: the job summary goes to the file the runner names.
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendFileSync(summaryFile, formatGithubSummary(results));
    return formatGithubAnnotations(results, { cwd: process.cwd() });
  },
};

/** Files past this were not linted (the size limit is at most this), so they have no source lines to show. */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** The text of a linted file again, for the HTML report's source lines. */
function readSource(path: string): string | undefined {
  const read = readTextFile(path, { maxBytes: MAX_SOURCE_BYTES });
  return read.ok ? read.text : undefined;
}

export async function runScan(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...SCAN_OPTIONS,
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      fix: { type: 'boolean', default: false },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
    },
  });
  const format = values.format as keyof typeof FORMATTERS;
  if (!(format in FORMATTERS)) throw new UsageError(`unknown format "${values.format}" (expected: ${Object.keys(FORMATTERS).join(', ')})`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  const baseline = values.baseline === undefined ? undefined : { path: resolve(values.baseline), ...loadBaseline(resolve(values.baseline)) };

  // SARIF records suppressed findings with their justification; the other formats leave them out.
  // JSON and SARIF give each workload's Pod Security level, which costs a second pass of the profiles' rules.
  const needs: ResultNeeds = { keepSuppressed: format === 'sarif', podSecurity: format === 'json' || format === 'sarif' };
  const scan = await scanPaths(positionals, values, { needs, fix: values.fix });
  if (scan.exitCode !== undefined) return scan.exitCode;
  let results = scan.results;
  if (baseline) {
    const outcome = applyBaseline(results, baseline.contents, baseline.path);
    results = outcome.results;
    process.stderr.write(`manifestlint: ${plural(outcome.baselined, 'finding')} in the baseline not shown\n`);
    if (values['update-baseline']) {
      const pruned = prunedBaseline(baseline.contents, outcome, scan.results, baseline.path);
      writeOutput(formatBaseline(pruned), baseline.path);
      process.stderr.write(`manifestlint: baseline updated, ${plural(baseline.contents.entries.length - pruned.entries.length, 'fixed entry', 'fixed entries')} removed\n`);
    }
  }
  // Counted before --quiet hides warnings from the report: --max-warnings still gates on them.
  const counts = countFindings(results);
  const shown = values.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;

  const color = !values['no-color'] && !values.output && Boolean(process.stdout.isTTY);
  writeOutput(FORMATTERS[format](shown, color), values.output);

  if (counts.notLinted > 0) return 2;
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) return 1;
  return 0;
}

/** The options every command that scans takes (`scan`, `baseline`): which files, which config, how many workers. */
export const SCAN_OPTIONS = {
  config: { type: 'string', short: 'c' },
  jobs: { type: 'string', short: 'j' },
  'changed-since': { type: 'string' },
  'stdin-filename': { type: 'string' },
} as const;

export interface ScanRun {
  results: FileResult[];
  /** Set when the scan could not run (an invalid config): the exit code, the reason printed already. */
  exitCode?: number;
}

/** Discovers, selects and lints `paths` (the whole scan but the report), results sorted by path. */
export async function scanPaths(
  paths: string[],
  values: { config?: string; jobs?: string; 'changed-since'?: string; 'stdin-filename'?: string },
  options: { needs: ResultNeeds; fix?: boolean },
): Promise<ScanRun> {
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError('--jobs takes a whole number ≥ 1');
  const changed = values['changed-since'] === undefined ? undefined : changedFiles(values['changed-since']);

  const configSpec: ConfigSpec = { root: process.cwd(), configFile: values.config && resolve(values.config), configFileAnywhere: true };
  const scanConfig = new ScanConfig(configSpec);
  if (paths.includes('-')) return scanStdin(paths, values, options, scanConfig);
  if (values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename goes with `-` (standard input)');
  const discovery = discover(paths);
  const discovered = changed ? discovery.files.filter((path) => changed.has(realPath(path))) : discovery.files;
  if (changed) process.stderr.write(`manifestlint: ${plural(discovered.length, 'file')} changed since ${printable(values['changed-since'] ?? '')}\n`);
  const { files, problems } = selectScanFiles(discovered, scanConfig);
  if (problems.length) {
    process.stderr.write(configProblemsReport(problems, process.cwd()));
    return { results: [], exitCode: 2 };
  }
  let results: FileResult[];
  if (options.fix) {
    const run = fixFiles(files, configSpec, Boolean(options.needs.keepSuppressed), scanConfig);
    process.stderr.write(`manifestlint: fixed ${plural(run.fixedFindings, 'problem')} in ${plural(run.changedFiles, 'file')}\n`);
    process.stderr.write(otherFilesReport(run, process.cwd()));
    results = run.results;
  } else {
    const progress = createProgressBar();
    results = await scanFiles(files, { jobs, config: configSpec, scanConfig, needs: options.needs, onProgress: progress.update });
    progress.clear();
  }
  // The workspace rules judge the changed files with the rest of the workspace: a NetworkPolicy left unchanged still selects a changed Deployment.
  const unchanged = changed ? selectScanFiles(discovery.files.filter((path) => !changed.has(realPath(path))), scanConfig).files.filter((path) => enablesWorkspaceRules(scanConfig.configFor(path))) : [];
  const context = unchanged.length ? await scanFiles(unchanged, { jobs, config: configSpec, scanConfig, needs: { contextOnly: true } }) : [];
  results = withWorkspaceFindings([...results, ...discovery.notLinted], { configFor: scanConfig.configFor, nameOf: displayPath, keepSuppressed: Boolean(options.needs.keepSuppressed), context });
  return { results: results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/** How piped input is reported without --stdin-filename: read as YAML, under the config of the current folder. */
const STDIN_NAME = '<stdin>';

/** `scan -`: standard input, linted as the file --stdin-filename names (its language, its config). */
function scanStdin(paths: string[], values: { 'changed-since'?: string; 'stdin-filename'?: string }, options: { needs: ResultNeeds; fix?: boolean }, scanConfig: ScanConfig): ScanRun {
  if (paths.length > 1) throw new UsageError('`-` (standard input) cannot be combined with paths');
  if (options.fix) throw new UsageError('--fix rewrites files: it cannot fix standard input');
  if (values['changed-since'] !== undefined) throw new UsageError('--changed-since selects files: it does not apply to standard input');
  const path = resolve(values['stdin-filename'] ?? STDIN_NAME);
  const { config, problems } = scanConfig.resolve(path);
  if (problems.length) {
    process.stderr.write(configProblemsReport(problems, process.cwd()));
    return { results: [], exitCode: 2 };
  }
  const limits = effectiveLimits(config.limits);
  const text = readStdin(maxFileBytes(limits));
  return { results: [text === undefined ? notLinted(path, tooLargeReason(limits)) : lintText(path, text, config, options.needs)] };
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** All of standard input as UTF-8, or undefined past `maxBytes`: never buffered without end. */
function readStdin(maxBytes: number): string | undefined {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(64 * 1024);
  let total = 0;
  for (;;) {
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(PAUSE, 0, 0, 10); // a non-blocking pipe with nothing in it yet: wait for the writer
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > maxBytes) return undefined;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function changedFiles(ref: string): Set<string> {
  try {
    return changedSince(ref, process.cwd());
  } catch (error) {
    if (error instanceof ChangedSinceError) throw new UsageError(error.message);
    throw error;
  }
}

/** A path as git reports it: links resolved. A file that vanished since discovery keeps its own path. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function loadBaseline(path: string): { contents: Baseline } {
  try {
    return { contents: readBaseline(path) };
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`${displayPath(path)}: ${error.message}`);
    throw error;
  }
}

function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}
