// What Dockerfile rules share: the stages that reach the shipped image, naming instructions in
// messages, and the structured fixes that insert lines into a stage.
import { type DockerfileFile, type Instruction, nextLineStart, rootStage, shippedStage, type Stage, stageChain } from '../../server/src/dockerfile/model.js';
import { basename, isCommandWrapper, wrapperOptionTakesValue } from '../../server/src/dockerfile/shell.js';
import type { ShellCommand, ShellWord } from '../../server/src/dockerfile/shellScript.js';
import type { FixChange, RelatedLocation } from '../../server/src/engine/types.js';

/** The shipped stage (see `shippedStage`) and the stages it continues (`FROM <stage>`): everything their instructions set ships. */
export function shippedStages(file: DockerfileFile, target: string | undefined): Set<Stage> {
  const shipped = shippedStage(file, target);
  return new Set(shipped ? stageChain(shipped) : []);
}

/** How messages name the shipped stage: `the final stage`, or `the target stage "runtime"` under a `dockerfileTarget`. */
export function shippedStageLabel(file: DockerfileFile, stage: Stage): string {
  return stage === file.finalStage ? 'the final stage' : `the target stage "${stage.name}"`;
}

/** Inserts `lines` on their own lines just after `instruction` (after its heredocs and continuations). */
export function insertLinesAfter(file: DockerfileFile, instruction: Instruction, lines: string[]): FixChange {
  const next = nextLineStart(file, instruction.range.end);
  if (next !== undefined) return { kind: 'text.insertLines', offset: next, lines };
  const end = instruction.range.end;
  return { kind: 'text.replace', range: { start: end, end }, text: lines.map((line) => file.eol + line).join('') };
}

/** Inserts `lines` just before `instruction`. */
export function insertLinesBefore(instruction: Instruction, lines: string[]): FixChange {
  return { kind: 'text.insertLines', offset: instruction.range.start, lines };
}

/**
 * Where the image a stage builds on was really chosen, for related information: the root `FROM` of a
 * `FROM <stage>` chain, and the `ARG` defaults substituted into it.
 */
export function baseImageLocations(stage: Stage): RelatedLocation[] {
  const root = rootStage(stage);
  const locations: RelatedLocation[] = [];
  if (root !== stage && root.image) locations.push({ message: `The chain of stages starts here: FROM ${root.image.raw}`, range: root.image.range });
  if (root.base.kind === 'image') {
    for (const arg of root.base.substitutedArgs) locations.push({ message: `ARG ${arg.key} sets the image`, range: arg.valueRange ?? arg.keyRange });
  }
  return locations;
}

export type PulledImage = Extract<Stage['base'], { kind: 'image' }>;

/**
 * Visits each FROM that pulls a registry image named in the file. Stage names, `scratch` and `$VAR`
 * images are skipped: the tag of a `$VAR` image is the build's choice (hadolint DL3006 agrees).
 */
export function forEachPulledImage(file: DockerfileFile, visit: (image: PulledImage, stage: Stage) => void): void {
  for (const stage of file.stages) {
    if (stage.base.kind === 'image' && stage.base.substitutedArgs.length === 0 && !stage.image?.value.includes('$')) visit(stage.base, stage);
  }
}

/** Visits every simple command the file's RUN instructions execute (heredoc scripts included). */
export function forEachRunCommand(file: DockerfileFile, visit: (command: ShellCommand, instruction: Instruction) => void): void {
  for (const instruction of file.instructions) {
    if (instruction.keyword !== 'RUN') continue;
    for (const command of instruction.commands) visit(command, instruction);
  }
}

/** A command a RUN executes, read as the program it really runs (through wrappers) and that program's arguments. */
export interface ProgramCall {
  command: ShellCommand;
  instruction: Instruction;
  /** The program without its directory: `apt-get` for `/usr/bin/apt-get`. */
  name: string;
  program: ShellWord;
  args: ShellWord[];
}

/** The program calls of one RUN (none for other instructions), in document order. */
export function programCalls(instruction: Instruction): ProgramCall[] {
  const calls: ProgramCall[] = [];
  for (const command of instruction.commands) {
    const run = programOf(command);
    if (run) calls.push({ command, instruction, name: basename(run.program.value), program: run.program, args: run.args });
  }
  return calls;
}

/** Visits the program calls of the RUN steps of `stages` (every stage when absent). */
export function forEachProgramCall(file: DockerfileFile, visit: (call: ProgramCall) => void, stages?: ReadonlySet<Stage>): void {
  for (const instruction of file.instructions) {
    if (instruction.keyword !== 'RUN' || (stages && !(instruction.stage && stages.has(instruction.stage)))) continue;
    for (const call of programCalls(instruction)) visit(call);
  }
}

/**
 * How a program reads its options: the long options (`--output`) and short letters (`o`) whose value
 * is the next word. A short letter that takes a value ends a bundle (`-fsSLo out`): the rest is its value.
 */
export interface OptionSyntax {
  longWithValue?: ReadonlySet<string>;
  shortWithValue?: string;
}

/**
 * The word that sets an option: `--insecure`, `--insecure=…`, or a short bundle holding the letter
 * (`-k`, `-fsSLk`). `--` ends the options.
 */
export function findOption(args: readonly ShellWord[], long: readonly string[], short = '', syntax: OptionSyntax = {}): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') return undefined;
    if (value.startsWith('--')) {
      const name = value.slice(2).split('=', 1)[0];
      if (long.includes(name)) return args[i];
      if (!value.includes('=') && syntax.longWithValue?.has(name)) i++;
    } else if (value.length > 1 && value.startsWith('-')) {
      const letters = shortLetters(value, syntax);
      if (short && [...short].some((letter) => letters.includes(letter))) return args[i];
      if (syntax.shortWithValue?.includes(value[value.length - 1]) && letters.length === value.length - 1) i++;
    }
  }
  return undefined;
}

/** The words that are not options nor option values, in order: a program's operands. */
export function operandsOf(args: readonly ShellWord[], syntax: OptionSyntax = {}): ShellWord[] {
  const operands: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') {
      for (let k = i + 1; k < args.length; k++) operands.push(args[k]);
      break;
    }
    if (value.startsWith('--')) {
      if (!value.includes('=') && syntax.longWithValue?.has(value.slice(2))) i++;
    } else if (value.length > 1 && value.startsWith('-')) {
      if (syntax.shortWithValue?.includes(value[value.length - 1]) && shortLetters(value, syntax).length === value.length - 1) i++;
    } else {
      operands.push(args[i]);
    }
  }
  return operands;
}

/** The option letters of a short bundle, up to the first one that takes a value (`-fsSLo` → `fsSLo`, `-ofile` → `o`). */
function shortLetters(word: string, syntax: OptionSyntax): string {
  let end = 1;
  while (end < word.length) {
    const letter = word[end++];
    if (syntax.shortWithValue?.includes(letter)) break;
  }
  return word.slice(1, end);
}

/** The program a command really runs and its arguments: `sh` in `sudo -E sh -s`, `curl` in `A=1 curl …`. */
export function programOf(command: ShellCommand): { program: ShellWord; args: ShellWord[] } | undefined {
  const { words } = command;
  let i = skipAssignments(words, 0);
  while (i < words.length && isCommandWrapper(words[i].value)) {
    const wrapper = words[i++].value;
    while (i < words.length && words[i].value.startsWith('-')) i += wrapperOptionTakesValue(wrapper, words[i].value) ? 2 : 1;
    i = skipAssignments(words, i);
  }
  return i < words.length ? { program: words[i], args: words.slice(i + 1) } : undefined;
}

/** The command word as written, after `VAR=value` prefixes: `sudo` in `HOME=/root sudo make`. */
export function commandWord(command: ShellCommand): ShellWord | undefined {
  return command.words[skipAssignments(command.words, 0)];
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function skipAssignments(words: readonly ShellWord[], from: number): number {
  let i = from;
  while (i < words.length && ASSIGNMENT.test(words[i].value)) i++;
  return i;
}
