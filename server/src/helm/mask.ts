// Masks the Go-template actions of a Helm template so the YAML parser sees plausible YAML, without
// moving a single character: offsets, line numbers and columns in the masked text are the original's.
import type { OffsetRange } from '../text/positions.js';
import { TemplateLines } from './lines.js';

/** One `{{ … }}` action as written, delimiters and trim markers included. */
export interface TemplateAction extends OffsetRange {
  /** The action's words without `{{`, `}}`, trim markers and surrounding blanks (`include "x" . | nindent 4`). */
  body: string;
}

/** A line-only action that writes YAML (an `include`, a `toYaml`…): content the parser cannot see. */
export interface TemplateInsertion {
  offset: number;
  /** The column the produced lines start at: the `indent`/`nindent` argument, else the action's column. */
  indent: number;
}

export interface TemplateMask {
  /** The text with every action replaced: same length, same line breaks. */
  text: string;
  actions: TemplateAction[];
  /** Where a value, key or block was (partly) written by an action: scalars overlapping these are unknown. */
  templatedRanges: OffsetRange[];
  /** Line-only actions that produce content, in text order. */
  insertions: TemplateInsertion[];
  /** The lines of the text (the masked text has the same). */
  lines: TemplateLines;
}

/** Actions that write nothing: control flow, definitions, variable declarations and comments. */
const SILENT_ACTION = /^(?:\/\*[\s\S]*\*\/$|(?:if|else|end|with|range|define|break|continue)\b|\$\w*\s*:?=(?!=))/;
const INDENT_PIPE = /\|\s*n?indent\s+(\d+)\s*$/;
const NINDENT_PIPE = /\|\s*nindent\s+(\d+)\s*$/;
const PLACEHOLDER = '_';
/** A run of characters between line breaks: replaced whole, not one character at a time. */
const LINE_CONTENT = /[^\r\n]+/g;
/** `{{/*` or `{{- /*` opens a comment, which may contain `}}` and span lines. */
const COMMENT_OPENING = /-?\s*\/\*/y;

/** Finds every action; an unterminated one runs to the end of the text (Helm would refuse the file). */
export function findActions(text: string): TemplateAction[] {
  const actions: TemplateAction[] = [];
  for (let start = text.indexOf('{{'); start !== -1; start = text.indexOf('{{', start)) {
    const end = actionEnd(text, start + 2);
    actions.push({ start, end, body: actionBody(text.slice(start + 2, end >= start + 4 && text.startsWith('}}', end - 2) ? end - 2 : end)) });
    start = end;
  }
  return actions;
}

/** The offset just past the action's `}}`, skipping `}}` inside comments and string or char literals. */
function actionEnd(text: string, from: number): number {
  let i = from;
  COMMENT_OPENING.lastIndex = from;
  if (COMMENT_OPENING.test(text)) {
    const close = text.indexOf('*/', COMMENT_OPENING.lastIndex);
    if (close === -1) return text.length;
    i = close + 2;
  }
  while (i < text.length) {
    const ch = text[i];
    if (ch === '}' && text[i + 1] === '}') return i + 2;
    if (ch === '"' || ch === "'") i = quotedEnd(text, i, ch);
    else if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      i = close === -1 ? text.length : close + 1;
    } else i++;
  }
  return text.length;
}

/** Past the closing quote of a Go string or char literal; a literal cannot span lines, so a newline ends it too. */
function quotedEnd(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === quote) return i + 1;
    else if (ch === '\n') return i;
  }
  return text.length;
}

function actionBody(inner: string): string {
  return inner.replace(/^-\s/, '').replace(/\s-$/, '').trim();
}

function isSilentAction(action: TemplateAction): boolean {
  return SILENT_ACTION.test(action.body);
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/**
 * Replaces each action:
 * - actions that are alone on their line(s) turn the whole line into blanks (spaces). A blank line is
 *   neutral everywhere in YAML: unlike a comment, it neither ends a block scalar nor breaks a
 *   multi-line plain scalar, whatever its indentation;
 * - an action that ends its line with `| nindent N` after a key writes the key's block value: it
 *   becomes spaces, and an insertion at indentation N;
 * - actions that write nothing and end their line after other content become spaces (`true{{ end }}`);
 * - any other action becomes a placeholder scalar (`_` repeated) on its first line, spaces on the
 *   lines it continues onto, so a value, a key or a part of a quoted string stays one scalar.
 * Line breaks are never touched.
 */
export function maskTemplate(text: string): TemplateMask {
  const actions = findActions(text);
  const lines = new TemplateLines(text);
  const fills: Fill[] = [];
  const templatedRanges: OffsetRange[] = [];
  const insertions: TemplateInsertion[] = [];
  for (let first = 0; first < actions.length; ) {
    // A chain: actions separated only by blanks on the same line (`{{- if .a }}{{ end }}`).
    let last = first;
    while (last + 1 < actions.length && onlyBlanks(text, actions[last].end, actions[last + 1].start)) last++;
    const chain = actions.slice(first, last + 1);
    const lineStart = lines.startOf(chain[0].start);
    const lineEnd = lines.endOf(chain[chain.length - 1].end);
    if (onlyBlanks(text, lineStart, chain[0].start) && onlyBlanks(text, chain[chain.length - 1].end, lineEnd)) {
      fills.push({ from: lineStart, to: lineEnd, ch: ' ' });
      for (const action of chain) {
        if (isSilentAction(action)) continue;
        templatedRanges.push({ start: action.start, end: action.end });
        insertions.push({ offset: action.start, indent: producedIndent(lines, action) });
      }
    } else {
      const endsLine = onlyBlanks(text, chain[chain.length - 1].end, lineEnd);
      // The chain's actions from this index on all write nothing.
      let silentTail = chain.length;
      while (silentTail > 0 && isSilentAction(chain[silentTail - 1])) silentTail--;
      for (const [i, action] of chain.entries()) {
        templatedRanges.push({ start: action.start, end: action.end });
        const isLast = i === chain.length - 1;
        const block = isLast && endsLine && !isSilentAction(action) ? NINDENT_PIPE.exec(action.body) : null;
        if (block) {
          // `key: {{ … | nindent 8 }}` writes a block below the key: the key's value is that block.
          fills.push({ from: action.start, to: action.end, ch: ' ' });
          insertions.push({ offset: action.start, indent: Number(block[1]) });
          continue;
        }
        // A trailing `{{ end }}` writes nothing after the value; inside a value control flow stays a scalar.
        const trailing = endsLine && i >= silentTail;
        const placeholderEnd = trailing ? action.start : Math.min(action.end, lines.endOf(action.start));
        fills.push({ from: action.start, to: placeholderEnd, ch: PLACEHOLDER }, { from: placeholderEnd, to: action.end, ch: ' ' });
      }
    }
    first = last + 1;
  }
  return { text: applyFills(text, fills), actions, templatedRanges, insertions, lines };
}

function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text[i])) return false;
  return true;
}

/** Characters [from, to) become `ch`, line breaks excepted. */
interface Fill {
  from: number;
  to: number;
  ch: string;
}

/** The text with its fills applied; fills come in text order and do not overlap. Builds from slices, not one array per character. */
function applyFills(text: string, fills: readonly Fill[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const { from, to, ch } of fills) {
    if (to <= from) continue;
    parts.push(text.slice(cursor, from), text.slice(from, to).replace(LINE_CONTENT, (run) => ch.repeat(run.length)));
    cursor = to;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function producedIndent(lines: TemplateLines, action: TemplateAction): number {
  const piped = INDENT_PIPE.exec(action.body);
  return piped ? Number(piped[1]) : lines.columnOf(action.start);
}
