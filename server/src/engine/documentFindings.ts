// A keystroke in a 10,000-line multi-document file changes one YAML document: the rules that read one
// document at a time (`scope: 'document'`) are run on that document only, and what they reported on
// the others last time is reused, moved to where those documents now start. Documents are independent
// after a `---` (anchors do not cross them), and the parse cache (yaml/documentCache.ts) hands back the
// same tree, its ranges shifted, for a document whose text did not change: that tree is the cache key.
import type { Document } from 'yaml';
import type { YamlFile } from '../k8s/yamlFile.js';
import type { OffsetRange } from '../text/positions.js';
import type { FixChange, Report, Rule, RunOptions } from './types.js';

/** One YAML document of a file, seen as a file of its own: what a document-scoped rule is given. */
export interface DocumentView {
  /** The parsed tree: the same object while the document's text is unchanged. */
  doc: Document.Parsed;
  file: YamlFile;
}

/** Splits a file into one view per document; the text stays whole, so every offset is the file's. */
export function documentViews(file: YamlFile): DocumentView[] {
  return file.documents.map((document, i) => {
    // Each view owns the text from its document's start to the next one's, so that a problem reported
    // past a document's last node (an unexpected end) still belongs to exactly one view.
    const start = i === 0 ? -Infinity : document.doc.range[0];
    const end = file.documents[i + 1]?.doc.range[0] ?? Infinity;
    const inside = (range: OffsetRange) => range.start >= start && range.start < end;
    const resources = document.resources;
    const podSpecs = resources.flatMap((resource) => (resource.podSpec ? [resource.podSpec] : []));
    return {
      doc: document.doc,
      file: {
        ...file,
        documents: [document],
        syntaxErrors: file.syntaxErrors.filter((error) => inside(error.range)),
        resources,
        podSpecs,
        containers: podSpecs.flatMap((podSpec) => podSpec.containers),
        region: { start: Math.max(start, 0), end: Math.min(end, file.text.length) },
      },
    };
  });
}

interface CachedDocument {
  /** Where the document started when these reports were made. */
  start: number;
  /** The run's inputs besides the text: reports are reused only under the same ones. */
  inputs: readonly unknown[];
  reports: Map<string, Report[]>;
}

/**
 * Held by the caller across versions of one open document, beside its YamlDocumentCache. Memory is
 * bounded by the documents alive in that parse cache: entries go with their trees.
 */
export class DocumentFindingsCache {
  private readonly byDocument = new WeakMap<Document.Parsed, CachedDocument>();

  /** The reports `rule` made on `view` under `inputs`, moved to the document's current start; undefined when not cached. */
  get(view: DocumentView, rule: Rule, inputs: readonly unknown[]): Report[] | undefined {
    const cached = this.byDocument.get(view.doc);
    if (!cached || !sameInputs(cached.inputs, inputs)) return undefined;
    const reports = cached.reports.get(rule.meta.id);
    const delta = view.doc.range[0] - cached.start;
    return reports && (delta === 0 ? reports : reports.map((report) => movedReport(report, delta)));
  }

  set(view: DocumentView, rule: Rule, inputs: readonly unknown[], reports: Report[]): void {
    let cached = this.byDocument.get(view.doc);
    const start = view.doc.range[0];
    if (!cached || !sameInputs(cached.inputs, inputs) || cached.start !== start) {
      cached = { start, inputs, reports: new Map() };
      this.byDocument.set(view.doc, cached);
    }
    cached.reports.set(rule.meta.id, reports);
  }
}

/** The run options that decide what a rule reports, besides the text and the caches. */
const NOT_INPUTS: ReadonlySet<string> = new Set(['yamlCache', 'documentFindings', 'clock', 'limits']);

/** Every option a rule could read, in a fixed order, compared by identity: a new config object is a new run. */
export function runInputs(options: RunOptions, rules: readonly Rule[]): unknown[] {
  const keys = Object.keys(options)
    .filter((key) => !NOT_INPUTS.has(key))
    .sort();
  return [rules, ...keys.flatMap((key) => [key, options[key as keyof RunOptions]])];
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function movedReport(report: Report, delta: number): Report {
  return {
    ...report,
    range: moved(report.range, delta),
    ...(report.related && { related: report.related.map((related) => ({ ...related, range: moved(related.range, delta) })) }),
    ...(report.fixes && { fixes: report.fixes.map((fix) => ({ ...fix, changes: fix.changes.map((change) => movedChange(change, delta)) })) }),
  };
}

function moved(range: OffsetRange, delta: number): OffsetRange {
  return { start: range.start + delta, end: range.end + delta };
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
