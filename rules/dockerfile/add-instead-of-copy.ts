// dockerfile/add-instead-of-copy: ADD of a remote URL without a checksum, and ADD of local files where
// COPY does the same without ADD's implicit download and extraction.
import type { Word } from '../../server/src/dockerfile/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';

const REMOTE = /^(?:https?:\/\/|git@|ssh:\/\/)/i;
/** A git source pinned to a commit: immutable, like a checksum. */
const PINNED_GIT = /#[0-9a-f]{40}$/i;
/** Local archives ADD unpacks on purpose: the one local use of ADD that COPY cannot replace. */
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst|lz|lzma))$/i;
/** ADD-only flags: with them the instruction is not a plain COPY. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  meta: {
    id: 'dockerfile/add-instead-of-copy',
    title: 'ADD instead of COPY',
    defaultSeverity: 'warning',
    description:
      'Flags ADD of a remote URL (or git repository) with no `--checksum` or commit pin, and ADD of local files or directories, where COPY does the same. ADD of a local tar archive (which ADD unpacks) is allowed.',
    rationale:
      'ADD downloads URLs without verifying them and silently unpacks archives: a changed or hijacked URL, or a file that happens to be an archive, changes the image. COPY only copies, so the Dockerfile says exactly what lands in the image.',
    remediation: 'Use COPY for local files. For downloads, use `ADD --checksum=sha256:<digest> <url>`, or `RUN curl -fsSLO <url> && echo "<sha256>  <file>" | sha256sum -c -`.',
    peers: { hadolint: ['DL3020'], trivy: ['DS-0005'], checkov: ['CKV_DOCKER_4'] },
    messages: {
      remote: 'ADD downloads {{url}} without verifying it: add --checksum=sha256:<digest> or download and check it in a RUN step',
      local: 'Use COPY to copy local files: ADD also fetches URLs and unpacks archives, which COPY never does',
    },
    fixes: ['Replace ADD with COPY'],
    preset: 'recommended',
  },
  checkInstruction(instruction, context) {
    if (instruction.keyword !== 'ADD') return;
    const sources: Word[] = instruction.argv.slice(0, -1).filter((word) => !word.value.startsWith('<<'));
    const hasChecksum = instruction.flag('checksum') !== undefined;
    let remote = false;
    for (const source of sources) {
      if (!REMOTE.test(source.value)) continue;
      remote = true;
      if (!hasChecksum && !PINNED_GIT.test(source.value)) context.report({ messageId: 'remote', data: { url: source.value }, range: source.range });
    }
    const local = sources.length > 0 || instruction.heredocs.length > 0;
    const copyWouldDo = sources.every((source) => !source.value.includes('$') && !ARCHIVE.test(source.value));
    if (remote || !local || !copyWouldDo || instruction.flags.some((flag) => ADD_ONLY_FLAGS.has(flag.name))) return;
    const range = instruction.keywordRange;
    const copy = instruction.spelling === 'add' ? 'copy' : 'COPY';
    context.report({
      messageId: 'local',
      range,
      fixes: [{ title: 'Replace ADD with COPY', isPreferred: true, changes: [{ kind: 'text.replace', range, text: copy }] }],
    });
  },
});
