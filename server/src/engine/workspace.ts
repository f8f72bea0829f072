// Rules that see the whole workspace: a pod in one file that runs the image a Dockerfile in another
// builds, a namespace whose NetworkPolicy lives elsewhere. Such a rule works in two halves. `summarize`
// reads one parsed file (in the editor as it is linted, in a scan in the worker that lints it) and
// keeps the little the rule needs, as plain data with positions; `checkWorkspace` reads the summaries
// of every file and reports on any of them. An edit therefore costs one summary and a check over
// summaries, never a re-parse of other files; summaries cross worker threads as they are.
import { isOn, type LintConfig } from './config.js';
import type { DockerfileFile } from '../dockerfile/model.js';
import type { YamlFile } from '../k8s/yamlFile.js';
import type { LineIndex, OffsetRange } from '../text/positions.js';
import type { Severity } from '../text/severity.js';
import { findingOf } from './messages.js';
import type { KeptDocument } from './documentFindings.js';
import { moved } from './reuse.js';
import type { Finding, Located, Rule, RunOptions, SummaryContext, WorkspaceFile, WorkspaceReport } from './types.js';

/** Per file: each workspace rule's summary of it, by rule id. */
export type FileSummaries = Record<string, unknown>;

/**
 * The summaries the workspace rules enabled for this file keep of it; empty when none is. `documents`:
 * the editor's kept YAML documents, whose summaries by document-scoped rules are reused.
 */
export function summarizeFile(file: YamlFile | DockerfileFile, lines: LineIndex, options: RunOptions, rules: readonly Rule[], documents?: readonly KeptDocument[]): FileSummaries {
  const summaries: FileSummaries = {};
  const locate = (range: OffsetRange) => locateAt(range, lines);
  for (const rule of rules) {
    const setting = options.config.rules[rule.meta.id];
    if (!rule.summarize || !isOn(setting)) continue;
    const context: SummaryContext = { options: setting.options ?? rule.meta.defaultOptions ?? {}, uri: options.uri, dockerfileTarget: options.config.dockerfileTarget, locate };
    const summary = documents && rule.meta.scope === 'document' ? joinedSummary(rule, documents, context, lines) : rule.summarize(file, context);
    if (summary !== undefined) summaries[rule.meta.id] = summary;
  }
  return summaries;
}

/**
 * A document-scoped rule's summary of a file: its summaries of each document (kept, places relative
 * to the document's start, while the document is unchanged), placed where the documents are now and
 * joined: their lists end to end, in document order.
 */
function joinedSummary(rule: Rule, documents: readonly KeptDocument[], context: SummaryContext, lines: LineIndex): unknown {
  const placed: Record<string, unknown>[] = [];
  for (const { start, summaries: kept, subject } of documents) {
    if (!kept.has(rule)) kept.set(rule, withPlaces(rule.summarize?.(subject(), context), (offsets) => ({ offsets: moved(offsets, -start), range: EMPTY_RANGE })));
    const summary = kept.get(rule);
    if (summary !== undefined) placed.push(withPlaces(summary, (offsets) => locateAt(moved(offsets, start), lines)) as Record<string, unknown>);
  }
  if (placed.length <= 1) return placed[0];
  const joined: Record<string, unknown> = { ...placed[0] };
  for (const [key, value] of Object.entries(joined)) if (Array.isArray(value)) joined[key] = placed.flatMap((summary) => summary[key] as unknown[]);
  return joined;
}

/** A relative place's line and character are found when it is placed. */
const EMPTY_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function locateAt(offsets: OffsetRange, lines: LineIndex): Located {
  return { offsets, range: lines.rangeOf(offsets) };
}

/** A copy of a summary (plain data) with each place made anew from its offsets. */
function withPlaces(value: unknown, place: (offsets: OffsetRange) => Located): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isLocated(value)) return place(value.offsets);
  if (Array.isArray(value)) return value.map((item) => withPlaces(item, place));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = withPlaces(item, place);
  return copy;
}

/** A place in a summary, as `SummaryContext.locate` makes it. */
export function isLocated(value: unknown): value is Located {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && 'offsets' in value && 'range' in value;
}

/**
 * Runs the workspace rules over the files' summaries and returns the findings by file. A finding is kept
 * when its rule is on in the config of the file it is in (`configFor`: undefined for a file not linted).
 */
export function runWorkspaceRules(
  files: ReadonlyMap<string, FileSummaries>,
  rules: readonly Rule[],
  configFor: (file: string) => LintConfig | undefined,
  nameOf: (file: string) => string = (file) => file,
): Map<string, Finding[]> {
  const findings = new Map<string, Finding[]>();
  // Messages name the same few files again and again; naming one may look at the disk (its project root).
  const names = new Map<string, string>();
  const nameOnce = (file: string) => {
    let name = names.get(file);
    if (name === undefined) names.set(file, (name = nameOf(file)));
    return name;
  };
  for (const rule of rules) {
    if (!rule.checkWorkspace) continue;
    const id = rule.meta.id;
    const summaries: WorkspaceFile<unknown>[] = [];
    for (const [file, byRule] of files) {
      if (byRule[id] !== undefined) summaries.push({ file, summary: byRule[id], options: configFor(file)?.rules[id]?.options ?? rule.meta.defaultOptions ?? {} });
    }
    if (summaries.length === 0) continue;
    rule.checkWorkspace(summaries, {
      nameOf: nameOnce,
      report: (report) => {
        const setting = configFor(report.file)?.rules[id];
        if (!isOn(setting)) return;
        const list = findings.get(report.file) ?? [];
        list.push(toFinding(rule, report, setting.severity));
        findings.set(report.file, list);
      },
    });
  }
  return findings;
}

function toFinding(rule: Rule, report: WorkspaceReport, configured: Severity | undefined): Finding {
  return {
    ...findingOf(rule, report, configured),
    range: report.at.range,
    offsets: report.at.offsets,
    related: report.related?.map((related) => ({ message: related.message, range: related.at.range, ...(related.file !== report.file && { file: related.file }) })),
  };
}
