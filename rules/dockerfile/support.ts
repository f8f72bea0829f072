// What Dockerfile rules share: the stages that reach the shipped image, naming instructions in
// messages, and the structured fixes that insert lines into a stage.
import { type DockerfileFile, type Instruction, nextLineStart, rootStage, shippedStage, type Stage, stageChain } from '../../server/src/dockerfile/model.js';
import { isCommandWrapper, wrapperOptionTakesValue } from '../../server/src/dockerfile/shell.js';
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
