// Where secrets can sit in a Dockerfile instruction, in `args` coordinates the model maps back to the
// document: ENV/ARG/LABEL values, and the command lines of RUN/CMD/ENTRYPOINT (heredoc bodies included).
import type { OffsetRange } from '../engine/types.js';
import type { Heredoc, Instruction, KeyValue } from '../dockerfile/model.js';
import { shellWords, type CliWord } from './cliFlags.js';

/** A command line's words and how to turn offsets in them into document ranges. */
export interface CommandLine {
  words: CliWord[];
  range(start: number, end: number): OffsetRange;
}

const COMMAND_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/**
 * Offset in `instruction.args` where a pair's raw value starts. The model gives the value's document
 * range but not its `args` offset; a pair's value always ends where its (last) word ends.
 */
export function pairValueStart(instruction: Instruction, pair: KeyValue): number | undefined {
  if (pair.rawValue === undefined) return undefined;
  const last = instruction.words.find((word) => word.range.end === pair.range.end);
  return last && last.end - pair.rawValue.length;
}

/** `RUN --mount=type=secret,…`: the command reads its secret from a mount, the pattern the fix recommends. */
export function usesSecretMount(instruction: Instruction): boolean {
  return instruction.flags.some((flag) => flag.name === 'mount' && /(?:^|,)type=secret(?:,|$)/.test(flag.value ?? ''));
}

export function commandLines(instruction: Instruction): CommandLine[] {
  if (!COMMAND_KEYWORDS.has(instruction.keyword)) return [];
  const inArgs = (start: number, end: number) => instruction.rangeOf(start, end);
  const lines: CommandLine[] = [];
  const exec = instruction.json;
  if (exec) {
    // Exec form: each JSON string is one argv word, found in order in the source.
    let cursor = 0;
    const words = exec.map((text) => {
      const at = instruction.args.indexOf(JSON.stringify(text), cursor);
      if (at !== -1) cursor = at + text.length + 2;
      return { text, start: at === -1 ? cursor : at + 1 };
    });
    lines.push({ words, range: inArgs });
  } else {
    lines.push({ words: instruction.operands.map((word) => ({ text: word.raw, start: word.start })), range: inArgs });
  }
  for (const heredoc of instruction.heredocs) {
    lines.push({ words: shellWords(heredoc.body), range: (start, end) => heredocRange(heredoc, start, end) });
  }
  return lines;
}

/** Document range of `[start, end)` in a heredoc's body (the body is kept exactly as written). */
export function heredocRange(heredoc: Heredoc, start: number, end: number): OffsetRange {
  return { start: heredoc.bodyRange.start + start, end: heredoc.bodyRange.start + end };
}
