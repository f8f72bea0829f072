// The shell commands a RUN executes: its shell-form command line, a heredoc script (`RUN <<EOF`,
// `RUN bash <<EOF`), or `["sh", "-c", "…"]`, split into simple commands with words and document ranges
// (the reading of sh itself is in shellScript.ts and shellWord.ts), and the wrappers rules look through.
import type { OffsetRange } from '../text/positions.js';
import { splitCommands, type ShellCommand } from './shellScript.js';
import { jsonValueOffsets, type Word } from './words.js';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/**
 * Commands that run the command after them (`sudo -u app x`, `env A=1 x`, `xargs rm`), each with its
 * own options whose value is the next word: the program comes after those. Per wrapper, because the
 * same letter differs (`sudo -p prompt` but `time -p`, `nice -n 10` but `sudo -n`).
 */
const COMMAND_WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['sudo', new Set(['-u', '--user', '-g', '--group', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-U', '--other-user', '-h', '--host', '-r', '--role', '-t', '--type', '-T', '--command-timeout'])],
  ['env', new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'])],
  ['nice', new Set(['-n', '--adjustment'])],
  ['time', new Set(['-f', '--format', '-o', '--output'])],
  ['xargs', new Set(['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars'])],
  ['exec', new Set(['-a'])],
  ['nohup', new Set()],
  ['command', new Set()],
]);

/** Whether a command word (`sudo`, `/usr/bin/env`) runs the command after it. */
export function isCommandWrapper(word: string): boolean {
  return COMMAND_WRAPPERS.has(basename(word));
}

/** Whether `option` of `wrapper` takes the next word as its value (`-u` in `sudo -u app`; `--user=app` is one word). */
export function wrapperOptionTakesValue(wrapper: string, option: string): boolean {
  return COMMAND_WRAPPERS.get(basename(wrapper))?.has(option) ?? false;
}

/** `/usr/bin/curl` → `curl`: the program a command word names, without its directory. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `word` names a POSIX-ish shell (`sh`, `/bin/bash`, …). */
export function isShell(word: string | undefined): boolean {
  return word !== undefined && SHELLS.has(basename(word));
}

/** The simple commands of a RUN, in document order; empty for other instructions. */
/**
 * What reading a RUN's commands needs of its instruction. An `Instruction` is one; it is named by its
 * shape here so that this module and instruction.ts, which reads its commands through it, need not
 * import each other.
 */
export interface RunInstruction {
  readonly keyword: string;
  readonly json: readonly string[] | undefined;
  readonly argv: readonly Word[];
  readonly operands: readonly Word[];
  readonly args: string;
  readonly heredocs: readonly { body: string; bodyRange: OffsetRange }[];
  rangeOf(start: number, end: number): OffsetRange;
}

export function runCommands(instruction: RunInstruction): ShellCommand[] {
  if (instruction.keyword !== 'RUN') return [];
  const commands: ShellCommand[] = [];
  if (instruction.json) {
    // ["sh", "-c", "script"]: offsets in the decoded script map back through the JSON string's escapes.
    const [shell, flag, script] = instruction.argv;
    if (isShell(shell?.value) && flag?.value === '-c' && script) {
      const inToken = jsonValueOffsets(script.raw);
      splitCommands(script.value, (s, e) => instruction.rangeOf(script.start + inToken(s), script.start + inToken(e)), commands);
    }
    return commands;
  }
  const operands = instruction.operands;
  const from = operands.length ? operands[0].start : instruction.args.length;
  splitCommands(instruction.args.slice(from), (s, e) => instruction.rangeOf(from + s, from + e), commands);
  // A heredoc is the script when it is RUN's whole command or a shell's input: `RUN <<EOF`, `RUN bash -e <<EOF`.
  const first = commands[0];
  const program = first?.words[0]?.value;
  const wholeCommand = program === undefined || program.startsWith('<<');
  if (instruction.heredocs.length && (wholeCommand || isShell(program))) {
    for (const heredoc of instruction.heredocs) {
      // BuildKit runs a `RUN <<EOF` body that starts with `#!` with that interpreter: `#!/usr/bin/env python3` is not sh.
      if (wholeCommand && !runsInShell(heredoc.body)) continue;
      const base = heredoc.bodyRange.start;
      splitCommands(heredoc.body, (s, e) => ({ start: base + s, end: base + e }), commands);
    }
  }
  return commands;
}

const SHEBANG = /^#![ \t]*(\S*)[ \t]*(\S*)/;

/** Whether a `RUN <<EOF` body runs in a shell: no `#!` line, or one naming a shell (`#!/bin/sh`, `#!/usr/bin/env bash`). */
function runsInShell(body: string): boolean {
  const shebang = SHEBANG.exec(body);
  if (!shebang) return true;
  const [, interpreter, argument] = shebang;
  return isShell(basename(interpreter) === 'env' ? argument : interpreter);
}
