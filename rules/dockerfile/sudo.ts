// dockerfile/sudo: `sudo` in a RUN step.
import { basename } from '../../server/src/dockerfile/shell.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { commandWord } from './support.js';

export default defineRule({
  meta: {
    id: 'dockerfile/sudo',
    title: 'sudo in RUN',
    defaultSeverity: 'warning',
    description: 'Flags RUN steps that call `sudo`.',
    rationale:
      'Build steps already run as the current USER: sudo adds a setuid binary and a sudoers policy to the image that an attacker in the running container can use to become root, and it behaves unpredictably without a TTY.',
    remediation: 'Switch users with USER: `USER root` for the steps that need it, then `USER <app user>` before CMD/ENTRYPOINT; at runtime use a tool like gosu or su-exec if the entrypoint must drop privileges.',
    peers: { hadolint: ['DL3004'], trivy: ['DS-0010'], checkov: ['CKV2_DOCKER_1'] },
    messages: { sudo: 'sudo in RUN: switch users with USER instead' },
    fixes: [],
    preset: 'recommended',
  },
  checkInstruction(instruction, context) {
    if (instruction.keyword !== 'RUN') return;
    for (const command of instruction.commands) {
      const word = commandWord(command);
      if (word && basename(word.value) === 'sudo') context.report({ messageId: 'sudo', range: word.range });
    }
  },
});
