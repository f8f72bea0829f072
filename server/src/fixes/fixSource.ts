// The document a fix applies to: its text, line index and parsed model, with its layout learned once.
import type { ParsedFile } from '../engine/runRules.js';
import type { LineIndex } from '../text/positions.js';
import { detectLayout, type YamlLayout } from '../yamlEdits/style.js';

export class FixSource {
  private learnedLayout: YamlLayout | undefined;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    /** The model the fixes' nodes belong to (from the same lint of the same text). */
    readonly file: ParsedFile | undefined,
  ) {}

  /** Indentation conventions, computed on first use: fixes that only set a value never pay for it. */
  get layout(): YamlLayout {
    this.learnedLayout ??= detectLayout(this.lines);
    return this.learnedLayout;
  }
}
