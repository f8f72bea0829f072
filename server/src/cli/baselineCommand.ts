// `manifestlint baseline [paths…]`: records every current finding in a baseline file, so that
// `scan --baseline` then reports only what a change introduces.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from '../report/printable.js';
import { plural } from '../report/summary.js';
import { BASELINE_FILE_NAME, baselineOf, formatBaseline } from '../scan/baseline.js';
import { writeOutput } from './output.js';
import { scanPaths, SCAN_OPTIONS } from './scanCommand.js';

export const BASELINE_HELP = `manifestlint baseline [paths…] [options]

Scans like \`manifestlint scan\` and writes every finding to a baseline file: one entry per finding,
keyed by its file and a fingerprint of what is wrong and where in the manifest (never a line number,
never a secret). Commit the file; \`scan --baseline ${BASELINE_FILE_NAME}\` then reports only new findings.

Options:
  -o, --output <file>           where to write it (default: ${BASELINE_FILE_NAME} in the current folder)
  -c, --config <file>           use this config file instead of discovering .manifestlint.yaml
  -j, --jobs <n>                files linted at once (default: one per core)
      --changed-since <ref>     only files changed since a git commit

Exit codes: 0 written, 2 usage error, invalid configuration, or a path that could not be linted.`;

export async function runBaseline(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...SCAN_OPTIONS, output: { type: 'string', short: 'o' } } });
  const output = resolve(values.output ?? BASELINE_FILE_NAME);
  const scan = await scanPaths(positionals, values, { needs: {} });
  if (scan.exitCode !== undefined) return scan.exitCode;
  const baseline = baselineOf(scan.results, output);
  writeOutput(formatBaseline(baseline), output);
  const failed = scan.results.filter((result) => result.error);
  for (const result of failed) process.stderr.write(`manifestlint: ${printable(relative(process.cwd(), result.path) || result.path)}: ${printable(result.error ?? '')}\n`);
  process.stderr.write(`manifestlint: wrote ${plural(baseline.entries.length, 'finding')} to ${printable(relative(process.cwd(), output) || output)}\n`);
  return failed.length ? 2 : 0;
}
