// Where secrets can sit in a Dockerfile instruction, and how offsets in them map back to the document:
// its text (arguments, heredoc bodies, the keyword of a line BuildKit does not know), and the command
// lines of RUN/CMD/ENTRYPOINT (exec form and heredoc bodies included).
import type { OffsetRange } from '../text/positions.js';
import { isKnownKeyword, type Heredoc, type Instruction } from '../dockerfile/model.js';
import { jsonValueOffsets } from '../dockerfile/words.js';
import { shellWords, type CliWord } from './cliFlags.js';

/** A piece of an instruction's text and how offsets in it map to the document. */
export interface InstructionText {
  text: string;
  range(start: number, end: number): OffsetRange;
}

/**
 * The text of an instruction the secret detectors read: its arguments (continuations joined), each
 * heredoc body, and the keyword of an unknown instruction: a token pasted on a line of its own parses
 * as an instruction whose keyword is the token.
 */
export function instructionTexts(instruction: Instruction): InstructionText[] {
  const texts: InstructionText[] = [];
  if (!isKnownKeyword(instruction.keyword)) {
    const { start, end } = instruction.keywordRange;
    texts.push({ text: instruction.spelling, range: (from, to) => ({ start: Math.min(start + from, end), end: Math.min(start + to, end) }) });
  }
  texts.push({ text: instruction.args, range: (from, to) => instruction.rangeOf(from, to) });
  for (const heredoc of instruction.heredocs) texts.push({ text: heredoc.body, range: (from, to) => heredocRange(heredoc, from, to) });
  return texts;
}

/** A command line's words and how to turn offsets in one of them into document ranges. */
export interface CommandLine {
  words: CliWord[];
  /** Document range of `[start, end)` in the coordinates of word `word` (`CliCredential.word`, `.start`, `.end`). */
  range(word: number, start: number, end: number): OffsetRange;
}

const COMMAND_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/** `RUN --mount=type=secret,…`: the command reads its secret from a mount, the pattern the fix recommends. */
export function usesSecretMount(instruction: Instruction): boolean {
  return instruction.flags.some((flag) => flag.name === 'mount' && /(?:^|,)type=secret(?:,|$)/.test(flag.value ?? ''));
}

export function commandLines(instruction: Instruction): CommandLine[] {
  if (!COMMAND_KEYWORDS.has(instruction.keyword)) return [];
  const lines: CommandLine[] = [];
  if (instruction.json) {
    // Exec form: each JSON string is one word, read decoded; offsets in it map back through its escapes.
    const argv = instruction.argv;
    lines.push({
      words: argv.map((token) => ({ text: token.value, start: 0 })),
      range: (word, start, end) => {
        const token = argv[word];
        const inToken = jsonValueOffsets(token.raw);
        return instruction.rangeOf(token.start + inToken(start), token.start + inToken(end));
      },
    });
  } else {
    lines.push({ words: instruction.operands.map((word) => ({ text: word.raw, start: word.start })), range: (_word, start, end) => instruction.rangeOf(start, end) });
  }
  for (const heredoc of instruction.heredocs) {
    lines.push({ words: shellWords(heredoc.body), range: (_word, start, end) => heredocRange(heredoc, start, end) });
  }
  return lines;
}

/** Document range of `[start, end)` in a heredoc's body (the body is kept exactly as written). */
export function heredocRange(heredoc: Heredoc, start: number, end: number): OffsetRange {
  return { start: heredoc.bodyRange.start + start, end: heredoc.bodyRange.start + end };
}
