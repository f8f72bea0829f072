// dockerfile/ssh-port: `EXPOSE 22` (or 22/tcp, or a port range that includes 22).
import { defineRule } from '../../server/src/engine/defineRule.js';

const PORT = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i;
const SSH = 22;

export default defineRule({
  meta: {
    id: 'dockerfile/ssh-port',
    title: 'SSH port exposed',
    defaultSeverity: 'warning',
    description: 'Flags EXPOSE of port 22 (TCP), alone or inside a port range.',
    rationale:
      'An SSH server in a container is a second way in, with its own keys and passwords to leak and patch: containers are reached with `docker exec` or `kubectl exec`, which use the platform’s authentication and audit.',
    remediation: 'Remove the SSH server and `EXPOSE 22`; use `docker exec` / `kubectl exec` (or an ephemeral debug container) to get a shell.',
    peers: { trivy: ['DS-0004'], checkov: ['CKV_DOCKER_1'] },
    messages: { ssh: 'EXPOSE {{port}} publishes SSH: use docker exec or kubectl exec instead of an SSH server' },
    fixes: [],
    preset: 'recommended',
  },
  checkInstruction(instruction, context) {
    if (instruction.keyword !== 'EXPOSE') return;
    for (const word of instruction.operands) {
      const match = PORT.exec(word.value);
      if (!match || match[3]?.toLowerCase() === 'udp' || match[3]?.toLowerCase() === 'sctp') continue;
      const low = Number(match[1]);
      const high = match[2] === undefined ? low : Number(match[2]);
      if (low <= SSH && SSH <= high) context.report({ messageId: 'ssh', data: { port: word.value }, range: word.range });
    }
  },
});
