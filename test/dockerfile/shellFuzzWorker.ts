// The shell model's property, run in a worker thread by shellFuzz.test.ts: each input is announced
// before it is read, so that a hang shows which input hung instead of stalling the suite.
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { parseDockerfile } from '../../server/src/dockerfile/model.js';
import { shellDockerfile } from './shellGenerators.js';

export interface FuzzRequest {
  seed: number;
  numRuns: number;
  examples: string[];
}

export type FuzzMessage = { input: string } | { failure?: string };

/** What is wrong with the commands rules see in `text`, or undefined: every range inside the document, links inside the list. */
function commandProblem(text: string): string | undefined {
  const inside = (range: { start: number; end: number }) => range.start >= 0 && range.start <= range.end && range.end <= text.length;
  for (const instruction of parseDockerfile(text, 'Dockerfile').instructions) {
    const commands = instruction.commands;
    const listed = new Set(commands);
    for (const command of commands) {
      if (command.words.length === 0) return 'a command without words';
      if (!inside(command.range)) return `command range ${JSON.stringify(command.range)} outside the document`;
      for (const word of command.words) if (!inside(word.range)) return `word range ${JSON.stringify(word.range)} outside the document`;
      if (command.pipedFrom && !listed.has(command.pipedFrom)) return 'pipedFrom names a command not in the list';
      if (command.substitutedInto && !listed.has(command.substitutedInto)) return 'substitutedInto names a command not in the list';
    }
  }
  return undefined;
}

const { seed, numRuns, examples } = workerData as FuzzRequest & { script: string };
const post = (message: FuzzMessage) => parentPort?.postMessage(message);
const details = fc.check(
  fc.property(shellDockerfile, (text) => {
    post({ input: text });
    const problem = commandProblem(text);
    if (problem) throw new Error(problem);
  }),
  { seed, numRuns, examples: examples.map((text) => [text]) },
);
post({ failure: details.failed ? fc.defaultReportMessage(details) : undefined });
