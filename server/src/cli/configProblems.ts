// The CLI's side of team configs: config problems as `file:line:col: message` lines. A broken config
// fails CI (exit 2).
import { relative } from 'node:path';
import type { ConfigProblem } from '../config/configFile.js';
import { printable } from '../report/printable.js';

function formatConfigProblem(problem: ConfigProblem, cwd: string): string {
  const file = cwd ? relative(cwd, problem.file) || problem.file : problem.file;
  return `${printable(file)}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${printable(problem.message)}`;
}

/** The stderr text for a broken config: every problem, then what to do. */
export function configProblemsReport(problems: readonly ConfigProblem[], cwd: string): string {
  const lines = problems.map((p) => `  ${formatConfigProblem(p, cwd)}`);
  return `manifestlint: invalid configuration, nothing was linted:\n${lines.join('\n')}\n`;
}
