// A baseline: the findings a repository had when it adopted manifestlint, so that a scan gates only on
// what a change introduces. One entry per finding, keyed by file and fingerprint (linter/fingerprint.ts):
// never a line number, never a secret. Two equal findings in one file are two entries, matched one each.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { readTextFile } from '../files/readText.js';
import type { FileResult } from './scan.js';

export const BASELINE_FILE_NAME = '.manifestlint-baseline.json';
const VERSION = 1;
/** A baseline is a list the tool wrote; one this large is not one of ours. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

export interface BaselineEntry {
  /** Relative to the baseline file's folder, with `/` separators. */
  file: string;
  ruleId: string;
  fingerprint: string;
}

export interface Baseline {
  version: typeof VERSION;
  entries: BaselineEntry[];
}

export class BaselineError extends Error {}

/** The baseline of `results` for a file written at `baselinePath`, entries in a stable order (diffs stay small). */
export function baselineOf(results: readonly FileResult[], baselinePath: string): Baseline {
  const base = dirname(resolve(baselinePath));
  const entries = results.flatMap((result) =>
    result.findings.flatMap((finding) => (finding.fingerprint ? [{ file: portable(relative(base, result.path)), ruleId: finding.ruleId, fingerprint: finding.fingerprint }] : [])),
  );
  entries.sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  return { version: VERSION, entries };
}

export function formatBaseline(baseline: Baseline): string {
  const lines = baseline.entries.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "version": ${baseline.version},\n  "entries": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/** Reads and checks a baseline file; throws BaselineError saying what is wrong with it. */
export function readBaseline(path: string): Baseline {
  const read = readTextFile(path, { maxBytes: MAX_BASELINE_BYTES });
  if (!read.ok) throw new BaselineError(`cannot read the baseline: ${read.message}`);
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    throw new BaselineError('the baseline is not valid JSON');
  }
  const candidate = data as Partial<Baseline> | null;
  if (!candidate || typeof candidate !== 'object' || candidate.version !== VERSION || !Array.isArray(candidate.entries)) {
    throw new BaselineError(`the baseline is not a manifestlint baseline of version ${VERSION} (write a new one with \`manifestlint baseline\`)`);
  }
  const entries: BaselineEntry[] = [];
  for (const entry of candidate.entries as unknown[]) {
    const { file, ruleId, fingerprint } = (entry ?? {}) as Partial<BaselineEntry>;
    if (typeof file !== 'string' || typeof ruleId !== 'string' || typeof fingerprint !== 'string') throw new BaselineError('a baseline entry lacks its file, ruleId or fingerprint');
    entries.push({ file, ruleId, fingerprint });
  }
  return { version: VERSION, entries };
}

export interface BaselineOutcome {
  /** The results without the baselined findings. */
  results: FileResult[];
  baselined: number;
  /** Entries no current finding matched: fixed since (or their file was not scanned this time). */
  unmatched: BaselineEntry[];
}

/** Drops from `results` the findings the baseline at `baselinePath` holds. */
export function applyBaseline(results: readonly FileResult[], baseline: Baseline, baselinePath: string): BaselineOutcome {
  const base = dirname(resolve(baselinePath));
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) {
    const key = keyOf(entry);
    const same = remaining.get(key);
    if (same) same.push(entry);
    else remaining.set(key, [entry]);
  }
  let baselined = 0;
  const kept = results.map((result) => {
    const file = portable(relative(base, result.path));
    const findings = result.findings.filter((finding) => {
      const same = finding.fingerprint ? remaining.get(keyOf({ file, ruleId: finding.ruleId, fingerprint: finding.fingerprint })) : undefined;
      if (!same?.length) return true;
      same.pop();
      baselined++;
      return false;
    });
    return findings.length === result.findings.length ? result : { ...result, findings };
  });
  const unmatched: BaselineEntry[] = [];
  for (const entries of remaining.values()) for (const entry of entries) unmatched.push(entry);
  return { results: kept, baselined, unmatched };
}

/**
 * The baseline without the entries fixed since: an entry is kept when a current finding matched it or
 * when its file was not part of this scan (a partial scan must not forget the rest of the repository).
 */
export function prunedBaseline(baseline: Baseline, outcome: BaselineOutcome, scanned: readonly FileResult[], baselinePath: string): Baseline {
  const base = dirname(resolve(baselinePath));
  const scannedFiles = new Set(scanned.map((result) => portable(relative(base, result.path))));
  const fixed = new Set(outcome.unmatched.filter((entry) => scannedFiles.has(entry.file)));
  return { version: VERSION, entries: baseline.entries.filter((entry) => !fixed.has(entry)) };
}

function keyOf(entry: BaselineEntry): string {
  return `${entry.file}\u0000${entry.ruleId}\u0000${entry.fingerprint}`;
}

/** Relative paths with `/`, so a baseline written on Windows matches on Linux; outside paths stay absolute. */
function portable(path: string): string {
  return isAbsolute(path) ? path : path.split(sep).join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
