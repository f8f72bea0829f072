// Where things are in a text: offset ranges, LSP positions, and the index that turns one into the other once per document.
import { lastAtOrBefore } from './sortedSearch.js';

/** Offsets into the document text (UTF-16 code units, as JavaScript strings index). */
export interface OffsetRange {
  start: number;
  end: number;
}

/** 0-based line and UTF-16 character, as LSP positions. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

const LF = 0x0a;
const CR = 0x0d;

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    // A line ends at '\n' (a preceding '\r' stays on its line, so CRLF and LF files map alike) or at
    // a lone '\r', as in old Mac files and as LSP clients count lines.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[position.line] + position.character, this.lineEnd(position.line));
  }

  rangeOf(offsets: OffsetRange): Range {
    return { start: this.positionAt(offsets.start), end: this.positionAt(offsets.end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(line, this.lineStarts.length - 1)];
  }

  /** Offset of the end of `line`'s content, before any '\r\n' or '\n'. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > this.lineStarts[line] && this.text[next - 1] === '\r' && next < this.text.length ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The document's line break, so inserted lines match it (CRLF files stay CRLF). */
  get eol(): '\n' | '\r\n' | '\r' {
    if (this.lineStarts.length < 2) return '\n';
    const lineBreak = this.lineStarts[1] - 1;
    if (this.text[lineBreak] === '\r') return '\r';
    return this.text[lineBreak - 1] === '\r' ? '\r\n' : '\n';
  }
}
