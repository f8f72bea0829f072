// The typed Dockerfile model rules see: directives, comments, instructions (joined arguments, words,
// flags, key/value pairs, heredocs, exec form) and build stages resolved to their base images, all
// with document offsets. Parsing never throws: what would fail a build is a ParseProblem.
import { editDistance } from '../text/editDistance.js';
import { Instruction, type Stage } from './instruction.js';
import { lexDockerfile, type Comment, type Directive } from './lexer.js';
import type { ParseProblem } from './problems.js';
import { buildStages } from './stages.js';

export type { Comment, Directive } from './lexer.js';
export type { Flag, Heredoc, KeyValue, Word } from './instruction.js';
export { Instruction } from './instruction.js';
export type { ImageRef } from './images.js';
export type { ParseProblem, ParseProblemKind } from './problems.js';
export { rootStage, stageChain } from './stages.js';
export { type Stage, type StageBase } from './instruction.js';

export interface DockerfileFile {
  language: 'dockerfile';
  text: string;
  uri: string;
  /** The document's line break, for fixes that insert lines. */
  eol: '\n' | '\r\n';
  /** `\` unless an `# escape=` directive chose the backtick. */
  escape: '\\' | '`';
  /** Parser directives at the top (`# syntax=…`, `# escape=…`, `# check=…`). */
  directives: Directive[];
  /** Every comment line, directives included, in document order. */
  comments: Comment[];
  /** Every instruction in document order, ARGs before the first FROM included. */
  instructions: Instruction[];
  /** ARGs before the first FROM: they parameterize FROM lines only. */
  globalArgs: Instruction[];
  stages: Stage[];
  /** The last stage: what `docker build` ships without `--target`. */
  finalStage?: Stage;
  problems: ParseProblem[];
}

/** BuildKit's instruction set. */
const KNOWN_KEYWORDS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];
const KNOWN = new Set(KNOWN_KEYWORDS);

/** Whether BuildKit knows the (upper-cased) keyword: an unknown one is a parse problem, and may be anything pasted on a line. */
export function isKnownKeyword(keyword: string): boolean {
  return KNOWN.has(keyword);
}

export function parseDockerfile(text: string, uri: string): DockerfileFile {
  const lexed = lexDockerfile(text);
  const problems: ParseProblem[] = [];
  if (lexed.invalidEscape) problems.push({ kind: 'invalidEscape', range: lexed.invalidEscape.valueRange, data: { value: lexed.invalidEscape.value } });

  const instructions = lexed.instructions.map((raw) => new Instruction(raw, lexed.escape));
  const globalArgs: Instruction[] = [];
  let sawFrom = false;
  for (const instruction of instructions) {
    const { keyword } = instruction;
    if (keyword === 'FROM') sawFrom = true;
    if (!isKnownKeyword(keyword)) {
      problems.push({ kind: 'unknownInstruction', range: instruction.keywordRange, data: unknownKeywordData(keyword) });
    } else if (!sawFrom) {
      if (keyword === 'ARG') globalArgs.push(instruction);
      else problems.push({ kind: 'beforeFrom', range: instruction.keywordRange, data: { keyword } });
    }
    for (const heredoc of instruction.heredocs) {
      if (!heredoc.terminated) problems.push({ kind: 'unterminatedHeredoc', range: heredoc.range, data: { name: heredoc.name } });
    }
  }
  // One finding for a file without FROM, not one per instruction before it.
  if (!sawFrom && instructions.length) {
    // In place, without spreading: a file of 200,000 bad lines has as many problems.
    let kept = 0;
    for (const problem of problems) if (problem.kind !== 'beforeFrom') problems[kept++] = problem;
    problems.length = kept;
    problems.push({ kind: 'noFrom', range: instructions[0].keywordRange, data: {} });
  }

  const stages = buildStages(instructions, globalArgs, problems);
  problems.sort((a, b) => a.range.start - b.range.start);
  return {
    language: 'dockerfile',
    text,
    uri,
    eol: lexed.eol,
    escape: lexed.escape,
    directives: lexed.directives,
    comments: lexed.comments,
    instructions,
    globalArgs,
    stages,
    finalStage: stages[stages.length - 1],
    problems,
  };
}

/**
 * The stage `docker build --target <name>` ships; the final stage without a target, or when this
 * Dockerfile has no stage of that name (a repository-wide target need not exist in every Dockerfile).
 */
export function shippedStage(file: DockerfileFile, target?: string): Stage | undefined {
  const name = target?.toLowerCase();
  return (name && file.stages.find((stage) => stage.name === name)) || file.finalStage;
}

/** Where the line after the one holding `offset` starts (possibly the empty line at the end); undefined without a line break. */
export function nextLineStart(file: DockerfileFile, offset: number): number | undefined {
  const lineBreak = file.text.indexOf('\n', offset);
  return lineBreak === -1 ? undefined : lineBreak + 1;
}

/** Longer than any keyword by more than the edits a suggestion allows: no keyword is close to it. */
const MAX_SUGGESTED_LENGTH = 20;
/** What an unknown keyword may look like to be quoted back: a word of letters, not a pasted value (a token, a URL). */
const KEYWORD_LIKE = /^[A-Za-z]{1,20}$/;

/**
 * The data of an unknown-instruction problem: the keyword, only when it looks like one (a line holding
 * a pasted token must not be echoed back in a message), and the closest known keyword.
 */
function unknownKeywordData(keyword: string): Record<string, string> {
  return { keyword: KEYWORD_LIKE.test(keyword) ? keyword : '', suggestion: closestKeyword(keyword) ?? '' };
}

/** A known keyword one edit away (two for longer words: `ENTRYPONT` → `ENTRYPOINT`), for the unknown-instruction message. */
function closestKeyword(keyword: string): string | undefined {
  if (keyword.length > MAX_SUGGESTED_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = keyword.length <= 4 ? 2 : 3;
  for (const known of KNOWN_KEYWORDS) {
    const distance = editDistance(keyword, known, bestDistance);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}
