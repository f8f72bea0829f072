// Edits that insert suppression comments for a finding: `# manifestlint-disable-next-line <id> -- <reason>`
// above its line, or `# manifestlint-disable-file <id> -- <reason>` at the top of the file. The syntax and
// its semantics live in server/src/suppressions/directives.ts; this module only writes the comments.
import type { ParsedFile } from '../engine/runRules.js';
import type { LineIndex } from '../text/positions.js';
import type { Finding } from '../engine/types.js';
import type { TextEdit } from '../text/edits.js';
import { scalarAt } from '../yamlEdits/tree.js';

/** What the user replaces: a suppression without a real reason should read as unfinished in review. */
export const REASON_PLACEHOLDER = '<reason>';

const LEADING_WHITESPACE = /^[ \t]*/;

/**
 * The comment line above the finding's first line, indented like it. Undefined when that line is the
 * inside of a multi-line scalar (a block scalar's text): a comment line there would become content.
 */
export function disableNextLineEdit(finding: Finding, lines: LineIndex, file: ParsedFile | undefined): TextEdit | undefined {
  const line = finding.range.start.line;
  const start = lines.lineStart(line);
  if (file?.language === 'yaml') {
    const scalar = scalarAt(file, finding.offsets.start);
    if (scalar?.range && scalar.range[0] < start) return undefined;
  }
  const indentation = LEADING_WHITESPACE.exec(lines.lineText(line))?.[0] ?? '';
  const comment = `${indentation}# manifestlint-disable-next-line ${finding.ruleId} -- ${REASON_PLACEHOLDER}`;
  return { start, end: start, newText: comment + lines.eol };
}

/**
 * The comment line at the top of the file, after a Dockerfile's parser directives (`# syntax=…`,
 * `# escape=…`): a comment above them would turn them into plain comments.
 */
export function disableFileEdit(ruleId: string, lines: LineIndex, file: ParsedFile | undefined): TextEdit {
  const comment = `# manifestlint-disable-file ${ruleId} -- ${REASON_PLACEHOLDER}`;
  const lastDirective = file?.language === 'dockerfile' ? file.directives.at(-1) : undefined;
  const line = lastDirective ? lines.positionAt(lastDirective.valueRange.end).line + 1 : 0;
  if (line === lines.lineCount) {
    // Nothing but directives, and no final line break: the comment goes on a new last line.
    const end = lines.lineEnd(line - 1);
    return { start: end, end, newText: lines.eol + comment };
  }
  const start = lines.lineStart(line);
  return { start, end: start, newText: comment + lines.eol };
}
