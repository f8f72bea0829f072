// dockerfile/world-writable: `chmod 777`, `a+rwx`, `o+w` (also `-R`, and COPY/ADD `--chmod=`).
import { basename } from '../../server/src/dockerfile/shell.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { programOf } from './support.js';

const OCTAL = /^[0-7]{3,4}$/;
const SYMBOLIC_CLAUSE = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/;
const OTHERS = /[ao]/;
const GRANTS_WRITE = /[+=][rwxXst]*w/;
/** `-w` is a mode (remove write), not an option. */
const SYMBOLIC_MODE_WITH_DASH = /^-[rwxXst]+$/;

/** Whether a chmod mode lets every user write: octal "other" digit with the write bit, or `o+w` / `a=rwx` clauses. */
export function isWorldWritable(mode: string): boolean {
  if (OCTAL.test(mode)) {
    const digits = mode.padStart(4, '0');
    const sticky = (Number(digits[0]) & 1) === 1; // 1777 is /tmp's mode: shared, but nobody can delete others' files
    return !sticky && (Number(digits[3]) & 2) === 2;
  }
  return mode.split(',').some((clause) => {
    const match = SYMBOLIC_CLAUSE.exec(clause);
    return match !== null && OTHERS.test(match[1]) && GRANTS_WRITE.test(match[2]);
  });
}

export default defineRule({
  meta: {
    id: 'dockerfile/world-writable',
    title: 'World-writable files',
    defaultSeverity: 'warning',
    description: 'Flags `chmod` in RUN steps and `COPY/ADD --chmod=` modes that let every user write (777, 666, a+rwx, o+w, with or without -R). The sticky /tmp mode 1777 is allowed.',
    rationale:
      'A world-writable file or directory lets any process in the container, whatever its user, replace binaries, scripts or config the application trusts: the usual first step from a foothold to code execution as the app user or root.',
    remediation: 'Give write access to the owner only (`chmod 755` for directories and executables, `644` for files) and `chown` what the application writes to its user.',
    peers: {},
    messages: { worldWritable: 'Mode {{mode}} makes files writable by every user: grant write access to the owner only' },
    fixes: [],
    preset: 'recommended',
  },
  checkInstruction(instruction, context) {
    if (instruction.keyword === 'RUN') {
      for (const command of instruction.commands) {
        const run = programOf(command);
        if (!run || basename(run.program.value) !== 'chmod') continue;
        const mode = run.args.find((word) => !word.value.startsWith('-') || SYMBOLIC_MODE_WITH_DASH.test(word.value));
        if (mode && isWorldWritable(mode.value)) context.report({ messageId: 'worldWritable', data: { mode: mode.value }, range: mode.range });
      }
    }
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return;
    const chmod = instruction.flag('chmod');
    if (chmod?.value && chmod.valueRange && isWorldWritable(chmod.value)) {
      context.report({ messageId: 'worldWritable', data: { mode: chmod.value }, range: chmod.valueRange });
    }
  },
});
