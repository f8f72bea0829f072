// The fix for a secret build ARG used by one RUN: drop the ARG and let that RUN read the secret from
// a BuildKit secret mount (`/run/secrets/<id>`), which is neither in the image history nor its layers.
// A quick fix, never fix-all's: the build command must change with it (`--secret` for `--build-arg`).
import type { DockerfileFile, Instruction, KeyValue } from '../../server/src/dockerfile/model.js';
import { nextLineStart } from '../../server/src/dockerfile/model.js';
import type { Fix } from '../../server/src/engine/types.js';

const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `$NAME` or `${NAME…}`, not `$NAME_SUFFIX`. */
function mentions(text: string, name: string): boolean {
  return new RegExp(`\\$(?:\\{${name}(?![A-Za-z0-9_])|${name}(?![A-Za-z0-9_]))`).test(text);
}

function usesArg(instruction: Instruction, name: string): boolean {
  if (instruction.keyword === 'ARG') return instruction.pairs.some((pair) => pair.key === name);
  return mentions(instruction.args, name) || instruction.heredocs.some((heredoc) => mentions(heredoc.body, name));
}

/**
 * Offered only where the edit keeps the build's meaning: an `ARG NAME` without a default, alone on its
 * line, inside a stage, named by exactly one later instruction of that stage, a shell-form RUN without
 * heredocs. The RUN exports the variable before its command, so its programs see it as they saw the ARG.
 * The build then takes `--secret id=<id>,env=NAME` where it took `--build-arg NAME`.
 */
export function secretMountFix(file: DockerfileFile, arg: Instruction, pair: KeyValue): Fix | undefined {
  const name = pair.key;
  const stage = arg.stage;
  if (arg.keyword !== 'ARG' || pair.rawValue !== undefined || arg.pairs.length !== 1 || !stage || !SHELL_NAME.test(name)) return undefined;
  const after = stage.instructions.slice(stage.instructions.indexOf(arg) + 1);
  const users = after.filter((instruction) => usesArg(instruction, name));
  const run = users[0];
  if (users.length !== 1 || !run || run.keyword !== 'RUN' || run.json || run.heredocs.length > 0) return undefined;
  const command = run.operands[0];
  if (!command) return undefined;
  const id = name.toLowerCase();
  const flags = run.rangeOf(0, command.start);
  const lineStart = file.text.lastIndexOf('\n', arg.range.start - 1) + 1;
  return {
    title: `Read ${name} from a secret mount in the RUN that uses it (build with --secret id=${id},env=${name})`,
    changes: [
      { kind: 'text.replace', range: { start: lineStart, end: nextLineStart(file, arg.range.end) ?? arg.range.end }, text: '' },
      {
        kind: 'text.replace',
        range: flags,
        text: `--mount=type=secret,id=${id} ${file.text.slice(flags.start, flags.end)}export ${name}="$(cat /run/secrets/${id})" && `,
      },
    ],
  };
}
