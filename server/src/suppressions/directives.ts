// Finds suppression comments (`# manifestlint-disable-next-line <ids> -- <reason>`, `-line`, `-file`)
// in YAML and Dockerfile text and works out which lines each one covers.
import { CST, Lexer } from 'yaml';
import type { DockerfileFile, Instruction } from '../dockerfile/model.js';
import type { LineIndex, OffsetRange } from '../text/positions.js';
import { chunkBounds } from '../yaml/documentCache.js';
import type { YamlFile } from '../k8s/yamlFile.js';

export type DirectiveKind = 'next-line' | 'line' | 'file';

export interface DirectiveRuleId {
  id: string;
  range: OffsetRange;
}

/** A parsed suppression comment. Problems (no ids, no reason, unknown variant) are left to the caller to report. */
export interface Directive {
  /** Undefined for an unknown variant such as `manifestlint-disable`. */
  kind?: DirectiveKind;
  /** The directive word as written, e.g. `manifestlint-disable-next-line`. */
  word: string;
  ruleIds: DirectiveRuleId[];
  /** The text after `--`, trimmed; undefined when absent or empty. */
  reason?: string;
  /** From `#` to the end of the comment. */
  range: OffsetRange;
  /** 0-based lines whose findings the directive covers (by the finding's first line); undefined for `file`. */
  lines?: { first: number; last: number };
}

const MARKER = 'manifestlint-';
/** Inside a comment's text: the directive word, the ids, then an optional `-- reason`. */
const DIRECTIVE = /^#[ \t]*(manifestlint-(?:disable|enable)[\w-]*)(?=[ \t]|$)(.*)$/;
const KINDS: Record<string, DirectiveKind> = {
  'manifestlint-disable-next-line': 'next-line',
  'manifestlint-disable-line': 'line',
  'manifestlint-disable-file': 'file',
};
const REASON_SEPARATOR = /(?:^|[ \t])--(?:[ \t]|$)/;
const RULE_ID = /[^\s,]+/g;
/** A directive in a Dockerfile comment line, or trailing an instruction (where the shell sees a comment). */
const DOCKERFILE_COMMENT = /(?:^|[ \t])(#[ \t]*manifestlint-.*)$/;
const YAML_CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

export function findDirectives(file: YamlFile | DockerfileFile, lines: LineIndex): Directive[] {
  if (!file.text.includes(MARKER)) return []; // the common case costs one scan
  const comments = file.language === 'yaml' ? yamlComments(file.text) : dockerfileComments(lines);
  const directives: Directive[] = [];
  const covered = new CoveredLines(file, lines);
  for (const comment of comments) {
    const directive = parseDirective(comment.text, comment.start);
    if (!directive) continue;
    directive.lines = covered.by(directive);
    directives.push(directive);
  }
  return directives;
}

interface Comment {
  text: string;
  start: number;
}

/**
 * Real YAML comments only: a `#` inside a quoted or block scalar is content, and the lexer knows. Only the
 * documents whose text holds the marker are lexed: documents are lexically independent after a `---`
 * line (the document cache relies on it too), so one directive does not cost a keystroke a whole-file lex.
 */
function yamlComments(text: string): Comment[] {
  const comments: Comment[] = [];
  let marker = text.indexOf(MARKER);
  for (const [start, end] of chunkBounds(text)) {
    if (marker === -1) break;
    if (marker >= end) continue;
    let offset = start;
    for (const token of new Lexer().lex(text.slice(start, end))) {
      if (token.startsWith('#') && token.includes(MARKER)) comments.push({ text: token, start: offset });
      if (!YAML_CONTROL_TOKENS.has(token)) offset += token.length;
    }
    marker = text.indexOf(MARKER, end);
  }
  return comments;
}

function dockerfileComments(lines: LineIndex): Comment[] {
  const comments: Comment[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!content.includes(MARKER)) continue;
    const match = DOCKERFILE_COMMENT.exec(content);
    if (match) comments.push({ text: match[1], start: lines.lineStart(line) + content.length - match[1].length });
  }
  return comments;
}

export function parseDirective(comment: string, start: number): Directive | undefined {
  const match = DIRECTIVE.exec(comment.trimEnd());
  if (!match) return undefined;
  const [, word, rest] = match;
  const restStart = start + comment.indexOf(word) + word.length;
  const separator = REASON_SEPARATOR.exec(rest);
  const idsText = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  const ruleIds: DirectiveRuleId[] = [];
  for (const id of idsText.matchAll(RULE_ID)) ruleIds.push({ id: id[0], range: { start: restStart + id.index, end: restStart + id.index + id[0].length } });
  return { kind: KINDS[word], word, ruleIds, reason: reason || undefined, range: { start, end: start + comment.trimEnd().length } };
}

/** Works out the lines directives cover; asked in text order, it reads each line of the file at most once. */
class CoveredLines {
  /** The last next-line target found: the first line after a run of comment lines. */
  private lastTarget = -1;

  constructor(
    private readonly file: YamlFile | DockerfileFile,
    private readonly lines: LineIndex,
  ) {}

  by(directive: Directive): Directive['lines'] {
    const { file, lines } = this;
    const own = lines.positionAt(directive.range.start).line;
    if (directive.kind === 'line') return { first: own, last: own };
    if (directive.kind !== 'next-line') return undefined;
    // The next line that is not itself a comment, so several directives can be stacked. A directive in
    // the run of comments the previous one skipped has the same target: the run is not read again.
    if (own >= this.lastTarget) {
      let target = own + 1;
      while (target < lines.lineCount && this.isCommentLine(target)) target++;
      this.lastTarget = target;
    }
    const target = this.lastTarget;
    if (file.language === 'yaml') return { first: target, last: target };
    // A Dockerfile instruction starting there reaches further: continuation lines (with comment and blank
    // lines between them) and heredoc bodies up to the terminator, as the parser read it.
    const instruction = instructionStartingOn(file, target, lines);
    return { first: target, last: instruction ? lines.positionAt(instruction.range.end).line : target };
  }

  /** A line whose first non-blank character is `#`; read in place, since a line can be a megabyte long. */
  private isCommentLine(line: number): boolean {
    const { text } = this.file;
    const end = this.lines.lineEnd(line);
    let at = this.lines.lineStart(line);
    while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
    return at < end && text[at] === '#';
  }
}

/** Instructions are in text order: a binary search for the first that starts at or after the line. */
function instructionStartingOn(file: DockerfileFile, line: number, lines: LineIndex): Instruction | undefined {
  const { instructions } = file;
  const start = lines.lineStart(line);
  let low = 0;
  let high = instructions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (instructions[mid].range.start < start) low = mid + 1;
    else high = mid;
  }
  const instruction = instructions[low];
  return instruction && instruction.range.start <= lines.lineEnd(line) ? instruction : undefined;
}
