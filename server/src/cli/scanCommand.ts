// `manifestlint scan [paths…]`: lint files, print a report, and set the exit code CI gates on.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatJson } from '../report/json.js';
import { printable } from '../report/printable.js';
import { formatSarif } from '../report/sarif.js';
import { formatStylish } from '../report/stylish.js';
import { countFindings, plural } from '../report/summary.js';
import { ScanConfig, type ConfigSpec } from '../scan/configForScan.js';
import { discover, UsageError } from '../scan/discover.js';
import { defaultJobs, scanFiles } from '../scan/pool.js';
import { fixFiles } from '../scan/fixFiles.js';
import type { FileResult } from '../scan/scan.js';
import { selectScanFiles } from '../scan/select.js';
import { configProblemsReport } from './configProblems.js';
import { writeOutput } from './output.js';
import { createProgressBar } from './progress.js';

export const SCAN_HELP = `manifestlint scan [paths…] [options]

Lints Kubernetes YAML and Dockerfiles under the given files or folders (default: .).
Symbolic links inside folders are not followed (name one to lint its target). Anything that should
have been linted and could not be (an unreadable folder, a FIFO, a file too large, binary or too slow
to lint) is reported with the reason.

Options:
  -f, --format <stylish|json|sarif>  report format (default: stylish)
  -o, --output <file>           write the report to a file instead of stdout
  -c, --config <file>           use this config file instead of discovering .manifestlint.yaml
      --max-warnings <n>        exit 1 when there are more than n warnings (counted even with --quiet)
  -q, --quiet                   report errors only
  -j, --jobs <n>                files linted at once, each in a worker thread (default: one per core)
      --fix                     apply every preferred quick fix in place, then report what remains
      --no-color                never colour the output

Exit codes: 0 no error-severity finding, 1 errors found (or warnings over --max-warnings),
2 usage error, invalid configuration, or a file or folder that could not be linted.`;

const FORMATTERS = {
  stylish: (results: Parameters<typeof formatStylish>[0], color: boolean) => formatStylish(results, { color, cwd: process.cwd() }),
  json: (results: Parameters<typeof formatJson>[0]) => formatJson(results, { cwd: process.cwd() }),
  sarif: (results: Parameters<typeof formatSarif>[0]) => formatSarif(results, { cwd: process.cwd() }),
};

export async function runScan(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      jobs: { type: 'string', short: 'j' },
      fix: { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
    },
  });
  const format = values.format as keyof typeof FORMATTERS;
  if (!(format in FORMATTERS)) throw new UsageError(`unknown format "${values.format}" (expected: ${Object.keys(FORMATTERS).join(', ')})`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError('--max-warnings takes a whole number ≥ 0');

  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError('--jobs takes a whole number ≥ 1');

  const configSpec: ConfigSpec = { root: process.cwd(), configFile: values.config && resolve(values.config), configFileAnywhere: true };
  const scanConfig = new ScanConfig(configSpec);
  const discovery = discover(positionals);
  for (const path of discovery.notLintable) process.stderr.write(`manifestlint: not linted, not a YAML file or Dockerfile by its name: ${printable(displayPath(path))}\n`);
  const { files, problems } = selectScanFiles(discovery.files, scanConfig);
  if (problems.length) {
    process.stderr.write(configProblemsReport(problems, process.cwd()));
    return 2;
  }
  // SARIF records suppressed findings with their justification; the other formats leave them out.
  const keepSuppressed = format === 'sarif';
  let results: FileResult[];
  if (values.fix) {
    const run = fixFiles(files, configSpec, keepSuppressed, scanConfig);
    process.stderr.write(`manifestlint: fixed ${plural(run.fixedFindings, 'problem')} in ${plural(run.changedFiles, 'file')}\n`);
    results = run.results;
  } else {
    const progress = createProgressBar();
    results = await scanFiles(files, { jobs, config: configSpec, scanConfig, keepSuppressed, onProgress: progress.update });
    progress.clear();
  }
  results = [...results, ...discovery.notLinted].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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

function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}
