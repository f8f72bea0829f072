// What the editor's caches of findings on parts of a file (YAML documents: documentFindings.ts;
// Dockerfile instructions: instructionFindings.ts) share: the run's inputs that decide what a rule
// reports, compared to know when a report may be reused, and reports moved to where their part now starts.
import type { OffsetRange } from '../text/positions.js';
import type { Fix, FixChange, Report, Rule, RunOptions } from './types.js';

/**
 * What each rule reported on one part of a file (a YAML document, a Dockerfile instruction), offsets
 * relative to the part's start: kept across edits that move the part, placed where it starts each time.
 */
export type PartReports = Map<Rule, Report[]>;

/**
 * What each document-scoped workspace rule summarized of one YAML document (undefined: nothing), its
 * places' offsets relative to the document's start.
 */
export type PartSummaries = Map<Rule, unknown>;

/** A part of the file whose reports the editor keeps (a YAML document, a Dockerfile instruction). */
export interface KeptPart<Subject> {
  /** Where the part starts now: kept reports are relative to it. */
  start: number;
  kept: PartReports;
  /** What a rule checks to report on the part; made only when one must. */
  subject(): Subject;
}

/** The run options that decide what a rule reports, besides the text and the caches. */
const NOT_INPUTS: ReadonlySet<string> = new Set(['yamlCache', 'documentFindings', 'instructionFindings', 'clock', 'limits']);

/** Every option a rule could read, in a fixed order, compared by identity: a new config object is a new run. */
export function runInputs(options: RunOptions, rules: readonly Rule[]): unknown[] {
  const keys = Object.keys(options)
    .filter((key) => !NOT_INPUTS.has(key))
    .sort();
  return [rules, ...keys.flatMap((key) => [key, options[key as keyof RunOptions]])];
}

export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export function movedReport(report: Report, delta: number): Report {
  return {
    ...report,
    range: moved(report.range, delta),
    ...(report.related && { related: report.related.map((related) => ({ ...related, range: moved(related.range, delta) })) }),
    ...(report.fixes && { fixes: movedFixes(report.fixes, delta) }),
  };
}

export function moved(range: OffsetRange, delta: number): OffsetRange {
  return { start: range.start + delta, end: range.end + delta };
}

export function movedFixes(fixes: readonly Fix[], delta: number): Fix[] {
  return fixes.map((fix) => ({ ...fix, changes: fix.changes.map((change) => movedChange(change, delta)) }));
}

/** YAML changes point at tree nodes, which the parse cache moved already; text changes carry offsets. */
function movedChange(change: FixChange, delta: number): FixChange {
  switch (change.kind) {
    case 'text.replace':
      return { ...change, range: moved(change.range, delta) };
    case 'text.insertLines':
      return { ...change, offset: change.offset + delta };
    case 'yaml.set':
    case 'yaml.insert':
    case 'yaml.append':
    case 'yaml.remove':
    case 'file.edit': // offsets, if any, are in the other file
      return change;
    default:
      return unmoved(change);
  }
}

/** A new kind of change must say here whether it carries offsets: the compiler asks. */
function unmoved(change: never): FixChange {
  return change;
}
