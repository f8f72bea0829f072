// Parses a multi-document YAML file one document at a time, reusing the documents whose text did not
// change since the previous version: a keystroke in a 10,000-line file re-parses one document, not all.
// YAML documents are independent after a `---` marker (anchors and aliases do not cross them), so
// parsing each chunk alone gives the same trees; reused trees have their ranges shifted to where the
// chunk now starts.
import { isPair, parseAllDocuments, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * A line that starts a document: `---` followed by a space, a tab or the line's end. Lines start after
 * a `\n` only (the caller reads a lone `\r` as one): not after U+2028, as the `m` flag's `^` would.
 */
const DOCUMENT_START = /(?<![^\n])---(?=[ \t\r\n]|$)/g;
/** Directives (`%YAML`, `%TAG`) belong to the document after them: such files are parsed whole. */
const DIRECTIVE_LINE = /(?<![^\n])%/;

interface Chunk {
  start: number;
  docs: Document.Parsed[];
}

/** Held by the caller for one open document, across its versions; only the last version is kept. */
export class YamlDocumentCache {
  /** Chunks of the last version by text; a text can occur several times (identical documents). */
  private chunks = new Map<string, Chunk[]>();
  private optionsKey = '';

  parse(text: string, options: Options): Document.Parsed[] {
    const optionsKey = JSON.stringify(options);
    const hasDirectives = DIRECTIVE_LINE.test(text);
    if (optionsKey !== this.optionsKey || hasDirectives) {
      this.chunks.clear();
      this.optionsKey = optionsKey;
      if (hasDirectives) return parseWhole(text, options);
    }
    const next = new Map<string, Chunk[]>();
    const docs: Document.Parsed[] = [];
    for (const [start, end] of chunkBounds(text)) {
      const source = text.slice(start, end);
      // Each previous chunk is reused once: identical documents each keep their own trees.
      let chunk = this.chunks.get(source)?.shift();
      if (chunk) {
        if (chunk.start !== start) shift(chunk.docs, start - chunk.start);
        chunk.start = start;
      } else {
        chunk = { start, docs: parseWhole(source, options) };
        if (start !== 0) shift(chunk.docs, start);
      }
      const sameText = next.get(source);
      if (sameText) sameText.push(chunk);
      else next.set(source, [chunk]);
      for (const doc of chunk.docs) docs.push(doc); // a chunk may hold 100,000 `...`-ended documents: no spread
    }
    this.chunks = next;
    return docs;
  }
}

function parseWhole(text: string, options: Options): Document.Parsed[] {
  const parsed = parseAllDocuments(text, options);
  return Array.isArray(parsed) ? parsed : [];
}

/** [start, end) of each chunk: the text before the first marker, then each marker to the next. */
export function chunkBounds(text: string): [number, number][] {
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_START)) if (match.index > 0) starts.push(match.index);
  return starts.map((start, i) => [start, starts[i + 1] ?? text.length]);
}

/** Moves every source position of `docs` by `delta` characters. */
function shift(docs: readonly Document.Parsed[], delta: number): void {
  for (const doc of docs) {
    moveRange(doc.range, delta);
    for (const problem of [...doc.errors, ...doc.warnings]) {
      problem.pos[0] += delta;
      problem.pos[1] += delta;
    }
    shiftTree(doc.contents, delta);
  }
}

/**
 * Moves a node and everything below it. A loop of its own rather than forEachNode's callback: every
 * node of every document after an edit passes here on each keystroke (a third faster, measured).
 */
function shiftTree(node: unknown, delta: number): void {
  if (!node || typeof node !== 'object') return;
  const { range, items } = node as { range?: [number, number, number] | null; items?: unknown[] };
  if (range) moveRange(range, delta);
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (isPair(item)) {
      shiftTree(item.key, delta);
      shiftTree(item.value, delta);
    } else shiftTree(item, delta);
  }
}

function moveRange(range: [number, number, number], delta: number): void {
  range[0] += delta;
  range[1] += delta;
  range[2] += delta;
}
