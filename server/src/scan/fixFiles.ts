// `manifestlint scan --fix`: applies every preferred fix to each file (in this thread: fixes hold parsed
// trees that cannot cross to workers) and reports what remains. A file is rewritten only when every byte
// the fixes do not change can be written back as it was, and only if nobody changed it meanwhile.
import { lint } from '../linter/lint.js';
import { replaceIfUnchanged } from '../fixes/atomicReplace.js';
import { fixFile } from '../linter/fixFile.js';
import { ScanConfig, type ConfigSpec } from './configForScan.js';
import { languageIdOf, readForLint, resultOfFailure, withoutFixEdits, type ConfigForFile, type FileResult } from './scan.js';

export interface FixRun {
  results: FileResult[];
  fixedFindings: number;
  changedFiles: number;
}

/** Text that was not valid UTF-8 was decoded with U+FFFD in place of the bad bytes: writing it back would replace them. */
const NOT_UTF8 = 'Not fixed: the file is not valid UTF-8, and rewriting it would replace the bytes that are not; its findings are shown as read.';

/** `scanConfig`: the one that selected the files (built from `spec`), reused. */
export function fixFiles(paths: readonly string[], spec: ConfigSpec, keepSuppressed = false, scanConfig = new ScanConfig(spec)): FixRun {
  const { configFor } = scanConfig;
  const run: FixRun = { results: [], fixedFindings: 0, changedFiles: 0 };
  for (const path of paths) {
    const outcome = fixOne(path, configFor, keepSuppressed);
    run.results.push(outcome.result);
    if (outcome.fixed) {
      run.changedFiles++;
      run.fixedFindings += outcome.fixed;
    }
  }
  return run;
}

/** One file's report, and how many findings were fixed in it on disk (0 when it was not rewritten). */
function fixOne(path: string, configFor: ConfigForFile, keepSuppressed: boolean): { result: FileResult; fixed: number } {
  try {
    const read = readForLint(path, configFor);
    if (!read.ok) return { result: read.result, fixed: 0 };
    const options = { uri: path, languageId: languageIdOf(path), config: read.config, keepSuppressed, helm: read.helm, kustomize: read.kustomize, buildContext: read.buildContext };
    if (!read.validUtf8) return { result: { path, findings: lint(read.text, options).map(withoutFixEdits), error: NOT_UTF8 }, fixed: 0 };
    const fixed = fixFile(read.text, path, read.config, { keepSuppressed, languageId: options.languageId, helm: read.helm, kustomize: read.kustomize, buildContext: read.buildContext });
    if (fixed.text === read.text) return { result: { path, findings: fixed.remaining.map(withoutFixEdits) }, fixed: 0 };
    const written = replaceIfUnchanged(path, fixed.text, read);
    if (!written.ok) return { result: { path, findings: fixed.found.map(withoutFixEdits), error: written.message }, fixed: 0 };
    return { result: { path, findings: fixed.remaining.map(withoutFixEdits) }, fixed: fixed.fixedCount };
  } catch (error) {
    return { result: resultOfFailure(path, error), fixed: 0 };
  }
}
