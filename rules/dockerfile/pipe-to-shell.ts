// dockerfile/pipe-to-shell: a RUN that runs a downloaded script without checking it
// (`curl … | sh`, `wget -O- … | bash`, `sh -c "$(curl …)"`, `bash <(curl …)`).
import { basename, isShell } from '../../server/src/dockerfile/shell.js';
import type { ShellCommand } from '../../server/src/dockerfile/shellScript.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { RuleContext } from '../../server/src/engine/types.js';
import { programOf } from './support.js';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);
const INTERPRETERS = new Set(['python', 'python3', 'perl', 'ruby', 'node', 'php']);
const DOWNLOAD_IN_WORD = /(?:\$\(|`)\s*(curl|wget)\s/;

function programName(command: ShellCommand | undefined): string | undefined {
  const program = command && programOf(command)?.program.value;
  return program === undefined ? undefined : basename(program);
}

function runsScripts(command: ShellCommand | undefined): boolean {
  const name = programName(command);
  return name !== undefined && (isShell(name) || INTERPRETERS.has(name));
}

export default defineRule({
  meta: {
    id: 'dockerfile/pipe-to-shell',
    title: 'Downloaded script piped into a shell',
    defaultSeverity: 'warning',
    description: 'Flags RUN steps that run a script straight from the network: `curl … | sh`, `wget -O- … | bash`, `sh -c "$(curl …)"`, `bash <(curl …)`, and the same into python, perl, ruby or node.',
    rationale:
      'Whatever the server returns runs as the build user, usually root, with no integrity check: a compromised or hijacked URL (or a truncated download) becomes code in your image, and the build is not reproducible.',
    remediation: 'Download the script or binary to a file, verify its checksum or signature (`echo "<sha256>  install.sh" | sha256sum -c -`), then run it; better, install a versioned package or `COPY --from=` an official image.',
    peers: {},
    messages: { piped: 'A download ({{downloader}}) runs unverified in {{shell}}: save it, check its checksum, then run it' },
    fixes: [],
    preset: 'recommended',
  },
  checkInstruction(instruction, context) {
    if (instruction.keyword !== 'RUN') return;
    for (const command of instruction.commands) checkCommand(command, context);
  },
});

function checkCommand(command: ShellCommand, context: RuleContext): void {
  const name = programName(command);
  if (name === undefined) return;
  if (DOWNLOADERS.has(name)) {
    // `bash <(curl …)` / `sh -c "$(curl …)"` written as a nested command.
    const consumer = command.substitutedInto;
    if (consumer && runsScripts(consumer)) {
      const range = { start: consumer.range.start, end: Math.max(consumer.range.end, command.range.end) };
      context.report({ messageId: 'piped', data: { downloader: name, shell: programName(consumer) ?? '' }, range });
    }
    return;
  }
  if (!runsScripts(command)) return;
  const source = command.pipedFrom;
  const downloader = programName(source);
  if (source && downloader && DOWNLOADERS.has(downloader)) {
    context.report({ messageId: 'piped', data: { downloader, shell: name }, range: { start: source.range.start, end: command.range.end } });
    return;
  }
  // `sh -c "$(curl -fsSL …)"`: the substitution sits inside a quoted word.
  for (const word of command.words) {
    const download = DOWNLOAD_IN_WORD.exec(word.value);
    if (!download) continue;
    context.report({ messageId: 'piped', data: { downloader: download[1], shell: name }, range: command.range });
    return;
  }
}
