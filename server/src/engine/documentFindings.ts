// A keystroke in a 10,000-line multi-document file changes one YAML document: the rules that read one
// document at a time (`scope: 'document'`) are run on that document only, and what they reported on
// the others last time is reused, moved to where those documents now start. Documents are independent
// after a `---` (anchors do not cross them), and the parse cache (yaml/documentCache.ts) hands back the
// same tree, its ranges shifted, for a document whose text did not change: that tree is the cache key.
import type { Document } from 'yaml';
import type { YamlFile } from '../k8s/yamlFile.js';
import type { OffsetRange } from '../text/positions.js';
import { sameInputs, type KeptPart, type PartReports, type PartSummaries } from './reuse.js';

/** A YAML document of an open file, with what the rules reported on it and summarized of it. */
export type KeptDocument = KeptPart<YamlFile> & { summaries: PartSummaries };

/**
 * Document `index` of a file, seen as a file of its own: what a document-scoped rule is given. The
 * text stays whole, so every offset is the file's. Built only for a document a rule must check.
 */
export function documentView(file: YamlFile, index: number): YamlFile {
  const document = file.documents[index];
  // Each view owns the text from its document's start to the next one's, so that a problem reported
  // past a document's last node (an unexpected end) still belongs to exactly one view.
  const start = index === 0 ? -Infinity : document.doc.range[0];
  const end = file.documents[index + 1]?.doc.range[0] ?? Infinity;
  const inside = (range: OffsetRange) => range.start >= start && range.start < end;
  const resources = document.resources;
  const podSpecs = resources.flatMap((resource) => (resource.podSpec ? [resource.podSpec] : []));
  return {
    ...file,
    documents: [document],
    syntaxErrors: file.syntaxErrors.filter((error) => inside(error.range)),
    resources,
    podSpecs,
    containers: podSpecs.flatMap((podSpec) => podSpec.containers),
    region: { start: Math.max(start, 0), end: Math.min(end, file.text.length) },
  };
}

/**
 * Held by the caller across versions of one open document, beside its YamlDocumentCache. Memory is
 * bounded by the documents alive in that parse cache: entries go with their trees.
 */
export class DocumentFindingsCache {
  private readonly byDocument = new WeakMap<Document.Parsed, { inputs: readonly unknown[]; kept: PartReports; summaries: PartSummaries }>();

  /**
   * What the document-scoped rules reported on `doc` (a parsed tree) under `inputs`, and what they
   * summarized of it, relative to the document's start (so nothing is moved when an edit above moves
   * the document); empty when the document is new or the inputs changed. The lint completes them.
   */
  keptFor(doc: Document.Parsed, inputs: readonly unknown[]): { kept: PartReports; summaries: PartSummaries } {
    let cached = this.byDocument.get(doc);
    if (!cached || !sameInputs(cached.inputs, inputs)) {
      cached = { inputs, kept: new Map(), summaries: new Map() };
      this.byDocument.set(doc, cached);
    }
    return cached;
  }
}
