// `manifestlint scan --fix`: applies every preferred fix to each file (in this thread: fixes hold parsed
// trees that cannot cross to workers) and reports what remains. A file is rewritten only when every byte
// the fixes do not change can be written back as it was, and only if nobody changed it meanwhile.
// A fix that edits another file (a .dockerignore created or extended) is applied after its file's own.
import { relative } from 'node:path';
import { lintDocument } from '../linter/lint.js';
import type { LintResult } from '../engine/runRules.js';
import { hasWorkspaceRules } from '../linter/workspace.js';
import type { Finding, Fix } from '../engine/types.js';
import { replaceIfUnchanged } from '../fixes/atomicReplace.js';
import { preferredFix } from '../fixes/fixAll.js';
import { fileEdits } from '../fixes/fixToEdits.js';
import { writeFileEdit } from '../fixes/writeFileEdit.js';
import { fixFile } from '../linter/fixFile.js';
import { ScanConfig, type ConfigSpec } from './configForScan.js';
import { forWorkspaceRules, languageIdOf, readForLint, resultOfFailure, withoutFixEdits, type ConfigForFile, type FileResult } from './scan.js';

export interface FixRun {
  results: FileResult[];
  fixedFindings: number;
  /** Files rewritten or created, the other files among them. */
  changedFiles: number;
  /** Files other than the linted ones that fixes created or extended, and the file whose fix it was. */
  otherFiles: OtherFileWritten[];
}

export interface OtherFileWritten {
  path: string;
  created: boolean;
  /** The linted file whose findings the edit fixes. */
  fixing: string;
}

/** Text that was not valid UTF-8 was decoded with U+FFFD in place of the bad bytes: writing it back would replace them. */
const NOT_UTF8 = 'Not fixed: the file is not valid UTF-8, and rewriting it would replace the bytes that are not; its findings are shown as read.';

/** `scanConfig`: the one that selected the files (built from `spec`), reused. */
export function fixFiles(paths: readonly string[], spec: ConfigSpec, keepSuppressed = false, scanConfig = new ScanConfig(spec)): FixRun {
  const { configFor } = scanConfig;
  const run: FixRun = { results: [], fixedFindings: 0, changedFiles: 0, otherFiles: [] };
  for (const path of paths) {
    const outcome = fixOne(path, configFor, keepSuppressed);
    run.results.push(outcome.result);
    if (outcome.fixed) {
      run.changedFiles += (outcome.rewritten ? 1 : 0) + outcome.otherFiles.length;
      run.fixedFindings += outcome.fixed;
      for (const other of outcome.otherFiles) run.otherFiles.push(other);
    }
  }
  return run;
}

/** The lines `scan --fix` prints about the other files it wrote, paths relative to `cwd`. */
export function otherFilesReport(run: FixRun, cwd: string): string {
  return run.otherFiles.map(({ path, created, fixing }) => `manifestlint: ${created ? 'created' : 'extended'} ${relative(cwd, path)} (fix for ${relative(cwd, fixing)})\n`).join('');
}

interface FixOutcome {
  result: FileResult;
  /** Findings fixed on disk (0 when nothing was written). */
  fixed: number;
  /** The file itself was rewritten. */
  rewritten: boolean;
  otherFiles: OtherFileWritten[];
}

function fixOne(path: string, configFor: ConfigForFile, keepSuppressed: boolean): FixOutcome {
  const notFixed = (result: FileResult): FixOutcome => ({ result, fixed: 0, rewritten: false, otherFiles: [] });
  try {
    const read = readForLint(path, configFor);
    if (!read.ok) return notFixed(read.result);
    // Summarized for the workspace rules, which run once every file is fixed (over the text left on disk).
    const options = { uri: path, languageId: languageIdOf(path), config: read.config, keepSuppressed, summarize: hasWorkspaceRules, helm: read.helm, kustomize: read.kustomize, buildContext: read.buildContext };
    const asRead = (lint: LintResult, error: string): FileResult => ({ path, findings: lint.findings.map(withoutFixEdits), error, ...forWorkspaceRules(lint) });
    if (!read.validUtf8) return notFixed(asRead(lintDocument(read.text, options), NOT_UTF8));
    const fixed = fixFile(read.text, path, read.config, options);
    const rewritten = fixed.text !== read.text;
    if (rewritten) {
      const written = replaceIfUnchanged(path, fixed.text, read);
      if (!written.ok) return notFixed(asRead(fixed.found, written.message));
    }
    const others = writeOtherFiles(path, fixed.remaining.findings);
    const remaining = fixed.remaining.findings.filter((finding) => !others.fixed.has(finding));
    return {
      result: { path, findings: remaining.map(withoutFixEdits), ...(others.error === undefined ? {} : { error: others.error }), ...forWorkspaceRules(fixed.remaining) },
      fixed: (rewritten ? fixed.fixedCount : 0) + others.fixed.size,
      rewritten,
      otherFiles: others.written,
    };
  } catch (error) {
    return notFixed(resultOfFailure(path, error));
  }
}

/**
 * Applies the preferred fixes that only edit other files (fix-all leaves them out: they change no text
 * of this one). One fix per other file and run: a second one was planned from the text before the first.
 */
function writeOtherFiles(path: string, findings: readonly Finding[]): { written: OtherFileWritten[]; fixed: Set<Finding>; error?: string } {
  const outcomes = new Map<Fix, boolean>();
  const touched = new Set<string>();
  const written: OtherFileWritten[] = [];
  const fixed = new Set<Finding>();
  let error: string | undefined;
  for (const finding of findings) {
    const fix = finding.suppressed ? undefined : preferredFix(finding);
    const edits = fix ? fileEdits(fix) : [];
    if (!fix || edits.length === 0 || edits.length !== fix.changes.length) continue;
    let ok = outcomes.get(fix);
    if (ok === undefined) {
      ok =
        edits.every((edit) => !touched.has(edit.path)) &&
        edits.every((edit) => {
          touched.add(edit.path);
          const result = writeFileEdit(edit);
          if (result.ok) written.push({ path: edit.path, created: edit.before === undefined, fixing: path });
          else error ??= result.message;
          return result.ok;
        });
      outcomes.set(fix, ok);
    }
    if (ok) fixed.add(finding);
  }
  return { written, fixed, ...(error === undefined ? {} : { error }) };
}
