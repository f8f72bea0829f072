// dockerfile/build-context-secrets needs the build context (RunOptions.buildContext), which the rule
// tables do not pass: its cases run through lintDocument and the code-action layer directly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDocument } from '../../../server/src/linter/lint.js';
import { BUILD_CONTEXT_GLOBS, secretFilesSent, touchesBuildContext, type BuildContextHint } from '../../../server/src/dockerfile/buildContext.js';
import { resolveCodeAction, type LintedDocument } from '../../../server/src/lsp/codeActions.js';
import { onlyRule } from '../../support/ruleTester.js';

const RULE = 'dockerfile/build-context-secrets';
const DOCKERFILE = 'FROM node:22\nWORKDIR /app\nCOPY . .\nADD --chown=1:1 ./ /srv/\nCOPY --from=build . /x\n';
const present = ['.env', '.git/', 'config/server.key', 'certs/ca.pem'];

function lintWith(hint: BuildContextHint | undefined, code = DOCKERFILE) {
  return lintDocument(code, { uri: '/repo/Dockerfile', config: onlyRule(RULE), buildContext: hint });
}

describe(RULE, () => {
  it('reports COPY . and ADD ./ (not COPY --from) naming the files, when there is no .dockerignore', () => {
    const { findings } = lintWith({ dockerignorePath: '/repo/.dockerignore', secretFiles: present });
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1} ${f.message}`),
      [
        '3:6-7 COPY . copies .env, .git/, config/server.key and 1 more into the image: the build context has no .dockerignore to exclude them',
        '4:17-19 ADD . copies .env, .git/, config/server.key and 1 more into the image: the build context has no .dockerignore to exclude them',
      ],
    );
    assert.deepEqual(findings[0].fixes?.[0].changes, [
      { kind: 'file.edit', path: '/repo/.dockerignore', before: undefined, text: '# Secrets never go to the builder (added by manifestlint)\n**/.env*\n.git\n**/*.key\n**/*.pem\n' },
    ]);
  });

  it('is silent without the build context, without secret files, and when .dockerignore excludes them all', () => {
    assert.equal(lintWith(undefined).findings.length, 0);
    assert.equal(lintWith({ dockerignorePath: '/repo/.dockerignore', secretFiles: [] }).findings.length, 0);
    assert.equal(lintWith({ dockerignorePath: '/repo/.dockerignore', dockerignore: '.git\n**/.env*\n**/*.key\n**/*.pem\n', secretFiles: present }).findings.length, 0);
  });

  it('a builder stage’s COPY . is not reported: what it copies stays on the build machine unless copied on', () => {
    const multiStage = 'FROM golang:1.24 AS build\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\n';
    assert.deepEqual(lintWith({ dockerignorePath: '/repo/.dockerignore', secretFiles: present }, multiStage).findings, []);
  });

  it('reads .dockerignore the way Docker does: patterns anchored at the context root, ! exceptions', () => {
    const hint = (dockerignore: string): BuildContextHint => ({ dockerignorePath: '/r/.dockerignore', dockerignore, secretFiles: present });
    assert.deepEqual(secretFilesSent(hint('*.key\n*.pem\n.env\n.git/\n')), ['config/server.key', 'certs/ca.pem']);
    assert.deepEqual(secretFilesSent(hint('**/*\n!.env\n')), ['.env']);
    assert.deepEqual(secretFilesSent(hint('./config\n/certs\n# .git\n')), ['.env', '.git/']);
  });

  it('extends an existing .dockerignore: the code action appends at its end, after a missing final line break', () => {
    const hint = { dockerignorePath: '/repo/.dockerignore', dockerignore: 'node_modules', secretFiles: ['.env'] };
    const result = lintWith(hint);
    const document: LintedDocument = { uri: 'file:///repo/Dockerfile', version: 3, text: DOCKERFILE, result };
    const action = resolveCodeAction({ title: 'x', data: { kind: 'fix', finding: 0, fix: 0, uri: document.uri, version: 3 } }, document);
    assert.deepEqual(action.edit?.documentChanges, [
      { textDocument: { uri: 'file:///repo/.dockerignore', version: null }, edits: [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, newText: '\n# Secrets never go to the builder (added by manifestlint)\n**/.env*\n' }] },
    ]);
  });

  it('extends a CRLF .dockerignore with CRLF lines', () => {
    const { findings } = lintWith({ dockerignorePath: '/repo/.dockerignore', dockerignore: 'node_modules\r\ndist', secretFiles: ['.npmrc'] });
    assert.deepEqual(findings[0].fixes?.[0].changes, [
      { kind: 'file.edit', path: '/repo/.dockerignore', before: 'node_modules\r\ndist', text: '\r\n# Secrets never go to the builder (added by manifestlint)\r\n**/.npmrc\r\n' },
    ]);
  });

  it('names the files an editor watches to lint Dockerfiles again: .dockerignore and the secret-looking names', () => {
    assert.deepEqual(BUILD_CONTEXT_GLOBS, ['**/.dockerignore', '**/.env*', '**/*.pem', '**/*.key', '**/id_*', '**/.git', '**/.npmrc', '**/.aws', '**/*.tfstate*', '**/kubeconfig']);
    assert.deepEqual(['.dockerignore', '.env.local', '.git', '.aws', 'id_ed25519', 'prod.tfstate', 'README.md', '.env.example', 'Dockerfile'].map(touchesBuildContext), [true, true, true, true, true, true, false, false, false]);
  });

  it('creates .dockerignore when there is none', () => {
    const result = lintWith({ dockerignorePath: '/repo/.dockerignore', secretFiles: ['id_rsa'] });
    const document: LintedDocument = { uri: 'file:///repo/Dockerfile', version: 1, text: DOCKERFILE, result };
    const action = resolveCodeAction({ title: 'x', data: { kind: 'fix', finding: 0, fix: 0, uri: document.uri, version: 1 } }, document);
    assert.deepEqual(action.edit?.documentChanges?.[0], { kind: 'create', uri: 'file:///repo/.dockerignore', options: { ignoreIfExists: true } });
  });
});
