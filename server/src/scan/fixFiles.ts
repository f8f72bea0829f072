// `manifestlint scan --fix`: applies every preferred fix to each file in place (in this thread: fixes
// hold parsed trees that cannot cross to workers) and reports what remains.
import { readFileSync, writeFileSync } from 'node:fs';
import type { ConfigResolver } from '../config/resolver.js';
import { fixFile } from '../fixes/fixFile.js';
import { configForScan, type ConfigSpec } from './configForScan.js';
import { helmHintFor, withoutFixEdits, type FileResult } from './scan.js';

export interface FixRun {
  results: FileResult[];
  fixedFindings: number;
  changedFiles: number;
}

/** `resolver`: the one that selected the files (built from `spec`), reused. */
export function fixFiles(paths: readonly string[], spec: ConfigSpec, keepSuppressed = false, resolver?: ConfigResolver): FixRun {
  const configFor = configForScan(spec, resolver);
  const run: FixRun = { results: [], fixedFindings: 0, changedFiles: 0 };
  for (const path of paths) {
    try {
      const text = readFileSync(path, 'utf8');
      const fixed = fixFile(text, path, configFor(path), { keepSuppressed, helm: helmHintFor(path) });
      if (fixed.text !== text) {
        writeFileSync(path, fixed.text);
        run.changedFiles++;
        run.fixedFindings += fixed.fixedCount;
      }
      run.results.push({ path, findings: fixed.remaining.map(withoutFixEdits) });
    } catch (error) {
      run.results.push({ path, findings: [], error: `manifestlint failed on this file: ${(error as Error).message}` });
    }
  }
  return run;
}
