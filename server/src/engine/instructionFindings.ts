// A keystroke in a 2,000-line Dockerfile changes one instruction: the rules that read one instruction
// at a time (Rule.checkInstruction) are run on instructions whose text is new, and what they reported
// on the others is reused, moved to where those instructions now start. What such a rule reports
// depends on the instruction's text alone (and the file's escape character), so identical
// instructions (the same `COPY . .` in every stage) are checked once per lint, in a scan too.
import type { DockerfileFile, Instruction } from '../dockerfile/model.js';
import { sameInputs, type KeptPart, type PartReports } from './reuse.js';

/**
 * Held by the caller across versions of one open Dockerfile (a lint without one uses a fresh one).
 * Memory is bounded by one version: a lint keeps only the texts of the instructions it saw.
 */
export class InstructionFindingsCache {
  private inputs: readonly unknown[] = [];
  private byText = new Map<string, PartReports>();

  /**
   * Starts a lint of `file` under `inputs` (the run's): what the last lint kept is reused when the inputs
   * and the escape character are the same. Returns each instruction with the reports kept for its text,
   * which the lint completes.
   */
  begin(file: DockerfileFile, inputs: readonly unknown[]): KeptPart<Instruction>[] {
    const withEscape = [...inputs, file.escape];
    const previous = sameInputs(this.inputs, withEscape) ? this.byText : new Map<string, PartReports>();
    this.inputs = withEscape;
    this.byText = new Map();
    return file.instructions.map((instruction) => {
      const text = file.text.slice(instruction.range.start, instruction.range.end);
      let kept = this.byText.get(text) ?? previous.get(text);
      if (!kept) kept = new Map();
      this.byText.set(text, kept);
      return { start: instruction.range.start, kept, subject: () => instruction };
    });
  }
}
