// Which discovered files a scan lints: not the ones the config ignores, not config files themselves.
// Collects each config problem once (the CLI fails on them; the editor shows them in the config file).
import { isConfigFileName, type ConfigProblem } from '../config/configFile.js';
import type { ScanConfig } from './configForScan.js';

export interface ScanSelection {
  files: string[];
  problems: ConfigProblem[];
}

/** Drops files the config ignores and the config files themselves; collects each config problem once. */
export function selectScanFiles(paths: readonly string[], config: ScanConfig): ScanSelection {
  const problems = new Map<string, ConfigProblem>();
  const files: string[] = [];
  for (const path of paths) {
    const resolved = config.resolve(path);
    for (const problem of resolved.problems) problems.set(`${problem.file}:${problem.range.start.line}:${problem.range.start.character}:${problem.message}`, problem);
    if (!resolved.ignored && !isConfigFileName(path) && !config.isConfigFile(path)) files.push(path);
  }
  return { files, problems: [...problems.values()] };
}
