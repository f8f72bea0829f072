// Where CLI output goes: a file (--output) or stdout, written synchronously so exit codes follow it.
import { writeFileSync } from 'node:fs';

export function writeOutput(text: string, outputPath: string | undefined): void {
  if (outputPath) writeFileSync(outputPath, text);
  else process.stdout.write(text);
}
