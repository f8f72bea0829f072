// The CLI's side of team configs: which discovered files a scan lints (not ignored ones, not config
// files), and config problems as `file:line:col: message` lines. A broken config fails CI (exit 2).
import { relative } from 'node:path';
import { isConfigFileName, type ConfigProblem } from '../config/configFile.js';
import type { ConfigResolver } from '../config/resolver.js';

export interface ScanSelection {
  files: string[];
  problems: ConfigProblem[];
}

/** Drops files the config ignores and the config files themselves; collects each config problem once. */
export function selectScanFiles(paths: readonly string[], resolver: ConfigResolver, configFile: string | undefined): ScanSelection {
  const problems = new Map<string, ConfigProblem>();
  const files: string[] = [];
  for (const path of paths) {
    const resolved = resolver.resolve(path, configFile);
    for (const problem of resolved.problems) problems.set(formatConfigProblem(problem, ''), problem);
    if (!resolved.ignored && !isConfigFileName(path) && !resolver.isConfigFile(path)) files.push(path);
  }
  return { files, problems: [...problems.values()] };
}

export function formatConfigProblem(problem: ConfigProblem, cwd: string): string {
  const file = cwd ? relative(cwd, problem.file) || problem.file : problem.file;
  return `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`;
}

/** The stderr text for a broken config: every problem, then what to do. */
export function configProblemsReport(problems: readonly ConfigProblem[], cwd: string): string {
  const lines = problems.map((p) => `  ${formatConfigProblem(p, cwd)}`);
  return `manifestlint: invalid configuration, nothing was linted:\n${lines.join('\n')}\n`;
}
