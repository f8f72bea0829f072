// Splits Dockerfile text into parser directives, comments and logical instructions (continuations
// joined, heredoc bodies attached) in one pass over the lines, following BuildKit's parser.
import type { OffsetRange } from '../text/positions.js';
import { splitWords } from './words.js';

export interface Directive {
  /** Lower-cased: `escape`, `syntax`, `check`, or an unknown name (BuildKit ignores those). */
  name: string;
  value: string;
  nameRange: OffsetRange;
  valueRange: OffsetRange;
}

export interface Comment {
  /** The text after `#`, trimmed. */
  text: string;
  /** From `#` to the end of the line. */
  range: OffsetRange;
}

/**
 * A logical line's text with continuations removed, and the map back to document offsets: piece `k`
 * of the joined text starts at `joinedStarts[k]` and was read from the document at `documentStarts[k]`.
 */
export class JoinedText {
  constructor(
    readonly text: string,
    private readonly joinedStarts: readonly number[],
    private readonly documentStarts: readonly number[],
  ) {}

  /** Document offset of the character at `index` in the joined text. */
  startOffset(index: number): number {
    const k = Math.max(0, this.piecesStartingBefore(index + 1) - 1);
    return this.documentStarts[k] + index - this.joinedStarts[k];
  }

  /** Document offset just after the character before `index`: an end never spills onto the next line. */
  endOffset(index: number): number {
    const k = Math.max(0, this.piecesStartingBefore(index) - 1);
    return this.documentStarts[k] + index - this.joinedStarts[k];
  }

  /** Document range of `[start, end)` in the joined text. */
  range(start: number, end: number): OffsetRange {
    return { start: this.startOffset(start), end: end > start ? this.endOffset(end) : this.startOffset(start) };
  }

  /** The same text from `from` on, with offsets still mapping to the document. */
  slice(from: number, to = this.text.length): JoinedText {
    const joined: number[] = [0];
    const documents: number[] = [this.startOffset(from)];
    for (let k = this.piecesStartingBefore(from + 1); k < this.joinedStarts.length && this.joinedStarts[k] < to; k++) {
      joined.push(this.joinedStarts[k] - from);
      documents.push(this.documentStarts[k]);
    }
    return new JoinedText(this.text.slice(from, to), joined, documents);
  }

  /** How many pieces start before `index` (binary search: a RUN may have 100,000 continuation lines, and every word asks). */
  private piecesStartingBefore(index: number): number {
    let low = 0;
    let high = this.joinedStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.joinedStarts[middle] < index) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export interface RawHeredoc {
  /** The delimiter word as written, e.g. `EOF`. */
  name: string;
  /** `<<-EOF`: leading tabs are stripped from the body and the terminator. */
  stripTabs: boolean;
  /** `<<'EOF'` / `<<"EOF"`: no variable expansion in the body. */
  quoted: boolean;
  /** The `<<EOF` word in the instruction's joined text. */
  wordStart: number;
  wordEnd: number;
  /** The body lines, exactly as in the document (line breaks included). */
  body: string;
  bodyRange: OffsetRange;
  /** The terminator line's text; undefined when the document ends first. */
  terminatorRange?: OffsetRange;
}

export interface RawInstruction {
  /** The whole logical line, keyword included. */
  line: JoinedText;
  /** Start of the keyword to the end of the last continuation line, or of the last heredoc terminator. */
  range: OffsetRange;
  heredocs: RawHeredoc[];
}

export interface LexedDockerfile {
  directives: Directive[];
  /** `\` by default, or the backtick the `# escape=` directive asked for. */
  escape: '\\' | '`';
  /** An `# escape=` value other than `\` or a backtick: BuildKit refuses the file. */
  invalidEscape?: Directive;
  comments: Comment[];
  instructions: RawInstruction[];
  eol: '\n' | '\r\n';
}

// BuildKit's directive syntax: `# name=value` on the file's first lines, before any other line.
const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
// A heredoc word: optional fd, `<<`, optional `-`, then a delimiter, optionally quoted.
const HEREDOC_WORD = /^\d*<<(-?)(["']?)([A-Za-z0-9_.-]+)\2$/;

/** Reads `text` line by line; never throws. */
export function lexDockerfile(text: string): LexedDockerfile {
  const lines = new Lines(text);
  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const instructions: RawInstruction[] = [];
  let escape: '\\' | '`' = '\\';
  let invalidEscape: Directive | undefined;

  // Parser directives: only before the first blank line, comment or instruction.
  while (lines.next()) {
    const { start, end } = lines;
    const indent = skipBlanks(text, start, end);
    const match = DIRECTIVE.exec(text.slice(indent, end));
    if (!match) {
      lines.rewind();
      break;
    }
    const nameStart = indent + match[0].indexOf(match[1]);
    const valueStart = indent + match[0].lastIndexOf(match[2]);
    const directive: Directive = {
      name: match[1].toLowerCase(),
      value: match[2],
      nameRange: { start: nameStart, end: nameStart + match[1].length },
      valueRange: { start: valueStart, end: valueStart + match[2].length },
    };
    directives.push(directive);
    comments.push({ text: text.slice(indent + 1, end).trim(), range: { start: indent, end } });
    if (directive.name === 'escape') {
      if (directive.value === '`' || directive.value === '\\') escape = directive.value;
      else invalidEscape = directive;
    }
  }

  while (lines.next()) {
    const first = skipBlanks(text, lines.start, lines.end);
    if (first === lines.end) continue;
    if (text.charCodeAt(first) === HASH) {
      comments.push(commentAt(text, first, lines.end));
      continue;
    }
    // The logical line: this line and every continuation line, minus comment and blank lines between.
    const joinedStarts: number[] = [];
    const documentStarts: number[] = [];
    let joined = '';
    let pieceStart = first;
    let lastEnd = lines.end;
    for (;;) {
      const continued = continuationAt(text, pieceStart, lines.end, escape);
      joinedStarts.push(joined.length);
      documentStarts.push(pieceStart);
      joined += text.slice(pieceStart, continued ?? lines.end);
      lastEnd = lines.end;
      if (continued === undefined) break;
      let resumed = false;
      while (lines.next()) {
        const lineFirst = skipBlanks(text, lines.start, lines.end);
        if (lineFirst === lines.end) continue;
        if (text.charCodeAt(lineFirst) === HASH) {
          comments.push(commentAt(text, lineFirst, lines.end));
          continue;
        }
        pieceStart = lines.start;
        resumed = true;
        break;
      }
      if (!resumed) break;
    }
    const line = new JoinedText(joined, joinedStarts, documentStarts);
    const heredocs = readHeredocs(line, lines, text);
    const last = heredocs[heredocs.length - 1];
    const end = last ? (last.terminatorRange?.end ?? last.bodyRange.end) : lastEnd;
    instructions.push({ line, range: { start: first, end }, heredocs });
  }

  return { directives, escape, invalidEscape, comments, instructions, eol: lines.eol };
}

const HASH = 0x23;
const SPACE = 0x20;
const TAB = 0x09;

function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  return i;
}

function commentAt(text: string, hash: number, end: number): Comment {
  return { text: text.slice(hash + 1, end).trim(), range: { start: hash, end } };
}

/** When the line ends with the escape character (trailing blanks allowed), the offset of that character. */
function continuationAt(text: string, from: number, end: number, escape: string): number | undefined {
  let i = end - 1;
  while (i >= from && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i--;
  return i >= from && text[i] === escape ? i : undefined;
}

/** Reads the bodies of the `<<EOF` words of a RUN/COPY/ADD from the lines that follow it. */
function readHeredocs(line: JoinedText, lines: Lines, text: string): RawHeredoc[] {
  const words = heredocWords(line.text);
  if (words.length === 0) return [];
  const heredocs: RawHeredoc[] = [];
  for (const word of words) {
    const bodyStart = lines.nextStart;
    let bodyEnd = bodyStart;
    let terminatorRange: OffsetRange | undefined;
    while (lines.next()) {
      let lineStart = lines.start;
      if (word.stripTabs) while (lineStart < lines.end && text.charCodeAt(lineStart) === TAB) lineStart++;
      if (lines.end - lineStart === word.name.length && text.startsWith(word.name, lineStart)) {
        terminatorRange = { start: lineStart, end: lines.end };
        break;
      }
      bodyEnd = lines.nextStart;
    }
    heredocs.push({ ...word, body: text.slice(bodyStart, bodyEnd), bodyRange: { start: bodyStart, end: bodyEnd }, terminatorRange });
  }
  return heredocs;
}

type HeredocWord = Pick<RawHeredoc, 'name' | 'stripTabs' | 'quoted' | 'wordStart' | 'wordEnd'>;

/**
 * The heredoc words of a RUN/COPY/ADD line (shell form only; quoted `"<<EOF"` is not one). BuildKit
 * splits this line with `\` as the escape whatever `# escape=` says, so `RUN echo \"a <<EOF` has one.
 */
function heredocWords(line: string): HeredocWord[] {
  if (!line.includes('<<')) return [];
  const [keyword, ...args] = splitWords(line, '\\');
  if (!keyword || !HEREDOC_KEYWORDS.has(keyword.raw.toUpperCase())) return [];
  const found: HeredocWord[] = [];
  for (const word of args) {
    const match = HEREDOC_WORD.exec(word.raw);
    if (match) found.push({ name: match[3], stripTabs: match[1] === '-', quoted: match[2] !== '', wordStart: word.start, wordEnd: word.end });
  }
  return found;
}

/** Iterates the document's lines: `start`/`end` bound the current line's content, without its line break. */
class Lines {
  start = 0;
  end = 0;
  /** Where the line after the current one starts (the text's length after the last line). */
  nextStart: number;
  private previousStart = 0;
  readonly eol: '\n' | '\r\n';

  constructor(private readonly text: string) {
    this.nextStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const firstBreak = text.indexOf('\n');
    this.eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  }

  next(): boolean {
    if (this.nextStart >= this.text.length) return false;
    this.previousStart = this.start;
    this.start = this.nextStart;
    const lineBreak = this.text.indexOf('\n', this.start);
    const contentEnd = lineBreak === -1 ? this.text.length : lineBreak;
    this.end = contentEnd > this.start && this.text[contentEnd - 1] === '\r' ? contentEnd - 1 : contentEnd;
    this.nextStart = lineBreak === -1 ? this.text.length : lineBreak + 1;
    return true;
  }

  /** Steps back one line, so the next `next()` returns the current line again. */
  rewind(): void {
    this.nextStart = this.start;
    this.start = this.previousStart;
  }
}
