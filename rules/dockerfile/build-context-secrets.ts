// dockerfile/build-context-secrets: `COPY . .` / `ADD . …` when the build context holds secret-looking
// files (.env, keys, .git, .npmrc, .aws, Terraform state, kubeconfig) that .dockerignore does not exclude.
// Cross-file: the caller reads the context (RunOptions.buildContext); without it the rule is silent.
import { secretContextFile, secretFilesSent, type BuildContextHint } from '../../server/src/dockerfile/buildContext.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Fix } from '../../server/src/engine/types.js';
import { shippedStages } from './support.js';

/** Sources that send the whole context folder. */
const WHOLE_CONTEXT = new Set(['.', './']);
const NAMED_IN_MESSAGE = 3;

/** Lines that exclude `files` (one pattern per kind of file), appended to .dockerignore or written as a new one. */
function dockerignoreFix(hint: BuildContextHint, files: readonly string[]): Fix {
  const patterns = [...new Set(files.map((file) => secretContextFile(file)?.pattern).filter((pattern): pattern is string => pattern !== undefined))];
  const before = hint.dockerignore;
  // Lines end as the file's own do (a CRLF .dockerignore stays CRLF).
  const eol = before?.includes('\r\n') ? '\r\n' : '\n';
  const separator = before === undefined || before === '' || before.endsWith('\n') ? '' : eol;
  const header = `# Secrets never go to the builder (added by manifestlint)${eol}`;
  return {
    title: before === undefined ? 'Create .dockerignore excluding them' : 'Exclude them in .dockerignore',
    isPreferred: true,
    changes: [{ kind: 'file.edit', path: hint.dockerignorePath, before, text: `${separator}${header}${patterns.map((pattern) => `${pattern}${eol}`).join('')}` }],
  };
}

export default defineRule({
  meta: {
    id: 'dockerfile/build-context-secrets',
    title: 'Secret-looking files sent with COPY . into the image',
    defaultSeverity: 'warning',
    description:
      'Flags `COPY . …` and `ADD . …` in the shipped stage (and the stages it continues) when the Dockerfile’s folder (the build context) holds secret-looking files — `.env*`, `*.pem`, `*.key`, `id_rsa*`, `.git/`, `.npmrc`, `.aws/`, `*.tfstate`, `kubeconfig` — and there is no .dockerignore, or one that does not exclude them. Names the files; needs the files on disk (editor and CLI), so a lint of text alone never reports it.',
    rationale:
      'Everything in the context that .dockerignore does not exclude is sent to the builder, and `COPY . .` writes it into an image layer: a local .env, a private key or the whole git history (with secrets once committed and since deleted) ends up readable by anyone who can pull the image.',
    remediation: 'List secret files in .dockerignore (`**/.env*`, `**/*.pem`, `**/*.key`, `.git`, …), or copy only what the build needs (`COPY package*.json ./`, `COPY src/ ./src/`).',
    peers: {},
    messages: {
      noDockerignore: '{{keyword}} . copies {{files}} into the image: the build context has no .dockerignore to exclude them',
      notExcluded: '{{keyword}} . copies {{files}} into the image: .dockerignore does not exclude them',
    },
    fixes: ['Create .dockerignore excluding them', 'Exclude them in .dockerignore'],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const hint = context.buildContext;
    if (!hint || hint.secretFiles.length === 0) return;
    const sent = secretFilesSent(hint);
    if (sent.length === 0) return;
    const files = sent.slice(0, NAMED_IN_MESSAGE).join(', ') + (sent.length > NAMED_IN_MESSAGE ? ` and ${sent.length - NAMED_IN_MESSAGE} more` : '');
    // One fix object for every COPY . of the file: it edits .dockerignore once.
    const fix = dockerignoreFix(hint, sent);
    // A builder stage's copy stays on the build machine: only what the shipped stages copy is in the image.
    const shipped = shippedStages(file, context.dockerfileTarget);
    for (const instruction of file.instructions) {
      if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.flag('from') || !(instruction.stage && shipped.has(instruction.stage))) continue;
      const source = instruction.argv.slice(0, -1).find((word) => WHOLE_CONTEXT.has(word.value));
      if (!source) continue;
      context.report({
        messageId: hint.dockerignore === undefined ? 'noDockerignore' : 'notExcluded',
        data: { keyword: instruction.keyword, files },
        range: source.range,
        fixes: [fix],
      });
    }
  },
});
