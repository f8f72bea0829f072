// The shell commands a RUN executes: its shell-form command line, a heredoc script (`RUN <<EOF`,
// `RUN bash <<EOF`), or `["sh", "-c", "…"]`, split into simple commands with words and document ranges.
// A light reading of POSIX sh: quotes, escapes, `;` `&&` `||` `|` `&`, `$( )`, `<( )` and comments.
import type { OffsetRange } from '../engine/types.js';
import type { Instruction } from './instruction.js';
import { jsonValueOffsets } from './words.js';

export interface ShellWord {
  /** Quotes removed. */
  value: string;
  range: OffsetRange;
}

export interface ShellCommand {
  words: ShellWord[];
  /** `a | b`: for `b`, the command `a` whose output it reads. */
  pipedFrom?: ShellCommand;
  /** `b` in `a "$(b)"` or `a <(b)`: the command `a` that consumes this one's output. */
  substitutedInto?: ShellCommand;
  /** First word start to last word end. */
  range: OffsetRange;
}

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
export function runCommands(instruction: Instruction): ShellCommand[] {
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
  if (instruction.heredocs.length && (first === undefined || isShell(first.words[0]?.value) || first.words[0]?.value.startsWith('<<'))) {
    for (const heredoc of instruction.heredocs) {
      const base = heredoc.bodyRange.start;
      splitCommands(heredoc.body, (s, e) => ({ start: base + s, end: base + e }), commands);
    }
  }
  return commands;
}

/** Splits `script` into simple commands, appending them to `out`; `toRange` maps script offsets to the document. */
function splitCommands(script: string, toRange: (start: number, end: number) => OffsetRange, out: ShellCommand[]): void {
  const splitter = new CommandSplitter(out);
  const length = script.length;
  let i = 0;
  while (i < length) {
    const c = script[i];
    const next = script[i + 1];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\n' || c === ';' || (c === '&' && next !== '&')) {
      splitter.finish();
      i++;
    } else if ((c === '&' && next === '&') || (c === '|' && next === '|')) {
      splitter.finish();
      i += 2;
    } else if (c === '|') {
      splitter.pipe();
      i += next === '&' ? 2 : 1;
    } else if ((c === '$' || c === '<') && next === '(') {
      splitter.open();
      i += 2;
    } else if (c === ')' && splitter.nested) {
      splitter.close();
      i++;
    } else if (c === '#' && (i === 0 || script[i - 1] === ' ' || script[i - 1] === '\t' || script[i - 1] === '\n')) {
      while (i < length && script[i] !== '\n') i++;
    } else {
      i = readWord(script, i, splitter.words, toRange);
    }
  }
  splitter.end();
}

/** The commands being assembled while a script is read: the current word list, pipes and `$( )` nesting. */
class CommandSplitter {
  words: ShellWord[] = [];
  private pipedFrom?: ShellCommand;
  /** Inside `$(`/`<(`: the outer command being read (its words so far), restored at `)`. */
  private readonly enclosing: { words: ShellWord[]; pipedFrom?: ShellCommand }[] = [];
  /** A nested command ends before its owner does: link them by the owner's word list at the end. */
  private readonly ownerWords = new Map<ShellCommand, ShellWord[]>();

  /** Finished commands; a nested one finishes before its owner, so they are sorted at the end. */
  private readonly commands: ShellCommand[] = [];

  constructor(private readonly out: ShellCommand[]) {}

  get nested(): boolean {
    return this.enclosing.length > 0;
  }

  finish(): ShellCommand | undefined {
    const { words } = this;
    if (words.length === 0) return undefined;
    const command: ShellCommand = { words, pipedFrom: this.pipedFrom, range: { start: words[0].range.start, end: words[words.length - 1].range.end } };
    const owner = this.enclosing[this.enclosing.length - 1];
    if (owner) this.ownerWords.set(command, owner.words);
    this.commands.push(command);
    this.words = [];
    this.pipedFrom = undefined;
    return command;
  }

  pipe(): void {
    this.pipedFrom = this.finish();
  }

  open(): void {
    this.enclosing.push({ words: this.words, pipedFrom: this.pipedFrom });
    this.words = [];
    this.pipedFrom = undefined;
  }

  close(): void {
    this.finish();
    const outer = this.enclosing.pop();
    if (!outer) return;
    this.words = outer.words;
    this.pipedFrom = outer.pipedFrom;
  }

  end(): void {
    while (this.enclosing.length) this.close();
    this.finish();
    for (const [command, owner] of this.ownerWords) command.substitutedInto = this.commands.find((candidate) => candidate.words === owner);
    if (this.ownerWords.size) this.commands.sort((a, b) => a.range.start - b.range.start);
    for (const command of this.commands) this.out.push(command);
  }
}

const PLAIN_WORD = /[^\s;&|()'"\\$<`]+/y;
const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '&', '|', ')']);

/** Reads one word from `start`; returns where it ends. Quotes group, `\` escapes, `$(`…`)` inside a word nests. */
function readWord(script: string, start: number, words: ShellWord[], toRange: (start: number, end: number) => OffsetRange): number {
  // Most words are plain (`apt-get`, `-y`, `/app`): take them as a slice.
  PLAIN_WORD.lastIndex = start;
  const plain = PLAIN_WORD.exec(script);
  const after = script[PLAIN_WORD.lastIndex];
  if (plain && (after === undefined || WORD_END.has(after))) {
    words.push({ value: plain[0], range: toRange(start, PLAIN_WORD.lastIndex) });
    return PLAIN_WORD.lastIndex;
  }
  let i = start;
  let value = '';
  let depth = 0;
  const length = script.length;
  while (i < length) {
    const c = script[i];
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      const end = close === -1 ? length : close;
      value += script.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < length && script[i] !== '"') {
        if (script[i] === '\\' && i + 1 < length) i++;
        value += script[i++];
      }
      i++;
    } else if (c === '\\' && i + 1 < length) {
      value += script[i + 1];
      i += 2;
    } else if (c === '$' && script[i + 1] === '(') {
      depth++;
      value += '$(';
      i += 2;
    } else if (c === ')' && depth > 0) {
      depth--;
      value += c;
      i++;
    } else if (depth === 0 && (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';' || c === '&' || c === '|' || c === ')' || ((c === '<' || c === '$') && script[i + 1] === '(' && i > start))) {
      break;
    } else {
      value += c;
      i++;
    }
  }
  const end = Math.min(i, length);
  words.push({ value, range: toRange(start, end) });
  return end;
}
