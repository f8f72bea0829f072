// What rules see of a RUN's commands, in a form tests can compare: words, the document text of each
// command's range, and the commands it reads from (`pipedFrom`) or feeds (`substitutedInto`), by index.
import { parseDockerfile } from '../../server/src/dockerfile/model.js';

export interface CommandView {
  words: string[];
  text: string;
  pipedFrom?: number;
  into?: number;
}

/** The commands of instruction `index` (the RUN after `FROM a`, by default). */
export function commandsOf(text: string, index = 1): CommandView[] {
  const file = parseDockerfile(text, 'Dockerfile');
  const commands = file.instructions[index].commands;
  return commands.map((c) => ({
    words: c.words.map((w) => w.value),
    text: file.text.slice(c.range.start, c.range.end),
    pipedFrom: c.pipedFrom && commands.indexOf(c.pipedFrom),
    into: c.substitutedInto && commands.indexOf(c.substitutedInto),
  }));
}

/** Just the document text of each command of `RUN <script>`. */
export function commandTexts(script: string): string[] {
  return commandsOf(`FROM a\nRUN ${script}\n`).map((c) => c.text);
}
