// The lines of a Helm template as YAML reads them (a line breaks at `\n`, `\r\n` or a lone `\r`),
// indexed once: where an offset's line starts and ends is a binary search, not a scan back to the
// line's start, which made thousands of actions on one line cost quadratic time.
import { lastAtOrBefore } from '../text/sortedSearch.js';
export class TemplateLines {
  /** Where each line starts, and where its content ends (its line break, or the text's end). */
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\n' && ch !== '\r') continue;
      this.ends.push(i);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      this.starts.push(i + 1);
    }
    this.ends.push(text.length);
  }

  /** The offset where the line holding `offset` starts. */
  startOf(offset: number): number {
    return this.starts[this.lineOf(offset)];
  }

  /** The offset of the line break ending the line that holds `offset` (or the text's end). */
  endOf(offset: number): number {
    return this.ends[this.lineOf(offset)];
  }

  columnOf(offset: number): number {
    return offset - this.startOf(offset);
  }

  /** The last line starting at or before `offset`. */
  private lineOf(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }
}
