// Code actions as the server computes them: the cheap list, lazy resolution, disable comments, fix-all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocumentEdit } from 'vscode-languageserver';
import { lintDocument } from '../../server/src/linter/lint.js';
import { LineIndex } from '../../server/src/text/positions.js';
import { applyEdits } from '../../server/src/text/edits.js';
import { codeActions, codeActionUri, FIX_ALL_KIND, resolveCodeAction, type LintedDocument } from '../../server/src/lsp/codeActions.js';
import { toDiagnostic } from '../../server/src/lsp/diagnostics.js';
import { MERGED_HARDENING_POD, MERGED_WEB_LINE, PRIVILEGED_LINE, PRIVILEGED_POD } from './fixtures.js';

const uri = 'file:///work/deploy.yaml';

function linted(text: string, version = 3, documentUri = uri): LintedDocument {
  return { uri: documentUri, version, text, result: lintDocument(text, { uri: documentUri }) };
}

/** The request VS Code sends for the diagnostics on `line` (0-based). */
function request(document: LintedDocument, line: number, only?: string[]): CodeActionParams {
  const diagnostics = document.result.findings
    .map((finding, index) => toDiagnostic(finding, document.uri, { index, version: document.version }))
    .filter((d) => d.range.start.line <= line && d.range.end.line >= line);
  return { textDocument: { uri: document.uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics, only } };
}

/** Resolves an action and applies its edit to the document text. */
function applied(action: CodeAction, document: LintedDocument): string {
  const resolved = resolveCodeAction(action, document);
  const change = resolved.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  assert.ok(change, `"${action.title}" resolved to no edit`);
  assert.deepEqual(change.textDocument, { uri: document.uri, version: document.version });
  const lines = new LineIndex(document.text);
  return applyEdits(document.text, change.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: 'newText' in e ? e.newText : '' })));
}

const text = PRIVILEGED_POD;
const privilegedLine = PRIVILEGED_LINE;

describe('codeActions', () => {
  it('lists quick fixes (preferred first), then disable actions, without computing edits', () => {
    const document = linted(text);
    const actions = codeActions(document, request(document, privilegedLine));
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Set privileged: false', CodeActionKind.QuickFix, true],
        ['Harden container securityContext', CodeActionKind.QuickFix, false],
        ['Disable k8s/privileged-container for this line', CodeActionKind.QuickFix, false],
        ['Disable k8s/privileged-container for this file', CodeActionKind.QuickFix, false],
        ['Fix all manifestlint problems', FIX_ALL_KIND, false],
      ],
    );
    assert.ok(actions.every((a) => a.edit === undefined && codeActionUri(a) === uri));
    assert.equal(actions[0].diagnostics?.[0].code, 'k8s/privileged-container');
  });

  it('resolves the quick fix and the hardening fix to edits that fix the finding', () => {
    const document = linted(text);
    const [setFalse, harden] = codeActions(document, request(document, privilegedLine));
    assert.equal(applied(setFalse, document), text.replace('privileged: true', 'privileged: false'));
    const hardened = applied(harden, document);
    assert.ok(hardened.includes('privileged: false\n') && hardened.includes('        runAsUser: 10001\n'), hardened);
    assert.deepEqual(lintDocument(hardened, { uri }).findings.map((f) => f.ruleId), []);
  });

  it('disables a rule for a line (indented like it) or for the file', () => {
    const document = linted(text);
    const actions = codeActions(document, request(document, privilegedLine));
    const line = applied(actions[2], document);
    assert.ok(line.includes('        # manifestlint-disable-next-line k8s/privileged-container -- <reason>\n        privileged: true\n'), line);
    assert.ok(applied(actions[3], document).startsWith('# manifestlint-disable-file k8s/privileged-container -- <reason>\napiVersion: v1\n'));
    // With a reason filled in, the comment does suppress the finding.
    const suppressed = line.replace('<reason>', 'the CNI plugin needs it');
    assert.deepEqual(lintDocument(suppressed, { uri }).findings.map((f) => f.ruleId), []);
  });

  it('puts a Dockerfile’s file-level disable comment after its parser directives', () => {
    const dockerfile = '# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\n';
    const document: LintedDocument = { uri: 'file:///w/Dockerfile', version: 1, text: dockerfile, result: lintDocument(dockerfile, { uri: 'file:///w/Dockerfile' }) };
    const finding = { ruleId: 'dockerfile/x', severity: 'warning' as const, message: 'm', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, offsets: { start: 30, end: 34 } };
    document.result.findings.splice(0, document.result.findings.length, finding);
    const action: CodeAction = { title: 'Disable', data: { kind: 'disableFile', finding: 0, uri: document.uri, version: 1 } };
    assert.equal(applied(action, document), '# syntax=docker/dockerfile:1\n# escape=`\n# manifestlint-disable-file dockerfile/x -- <reason>\nFROM alpine\n');
  });

  it('offers only fix-all when asked for source.fixAll (as on save), and resolves it to every preferred fix', () => {
    const insecure = text.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false').replace('runAsNonRoot: true', 'runAsNonRoot: false');
    const document = linted(insecure);
    const actions = codeActions(document, request(document, 0, [CodeActionKind.SourceFixAll]));
    assert.deepEqual(actions.map((a) => a.kind), [FIX_ALL_KIND]);
    const fixed = applied(actions[0], document);
    assert.deepEqual(lintDocument(fixed, { uri }).findings.map((f) => f.ruleId), []);
  });

  it('does not offer a fix that would hide securityContext settings a `<<` merge brings', () => {
    const document = linted(MERGED_HARDENING_POD);
    const web = document.result.findings.filter((f) => f.range.start.line === MERGED_WEB_LINE);
    assert.deepEqual(web.map((f) => f.ruleId), ['k8s/writable-root-filesystem']);
    const actions = codeActions(document, request(document, MERGED_WEB_LINE));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Disable k8s/writable-root-filesystem for this line', 'Disable k8s/writable-root-filesystem for this file', 'Fix all manifestlint problems'],
    );
    // Fix-all adds the key where "web" gets its settings from (the anchored container), nothing to "web" itself.
    const fixed = applied(actions[2], document);
    assert.equal(fixed.match(/securityContext:/g)?.length, 2, fixed);
    assert.deepEqual(lintDocument(fixed, { uri }).findings.map((f) => f.ruleId), []);
  });

  it('lists "Harden container securityContext" once for a bare container with several findings', () => {
    const bare = 'apiVersion: v1\nkind: Pod\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: web\n      image: nginx\n';
    const document = linted(bare);
    const request5 = request(document, 5);
    assert.ok(request5.context.diagnostics.length >= 4, `${request5.context.diagnostics.length} diagnostics on the container`);
    const titles = codeActions(document, request5).map((a) => a.title);
    assert.equal(titles.filter((t) => t === 'Harden container securityContext').length, 1, titles.join('\n'));
    // Each finding's own quick fix is still offered.
    assert.equal(titles.filter((t) => t.startsWith('Add ')).length, request5.context.diagnostics.length, titles.join('\n'));
  });

  it('resolves an action listed for an older version to no edit', () => {
    const [action] = codeActions(linted(text, 3), request(linted(text, 3), privilegedLine));
    assert.equal(resolveCodeAction(action, linted(text, 4)).edit, undefined);
  });

  it('does not offer a line disable inside a block scalar (the comment would become its content)', () => {
    const configMap = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    note: |\n      line one\n';
    const document = linted(configMap);
    const finding = { ruleId: 'k8s/host-pid', severity: 'error' as const, message: 'm', range: { start: { line: 6, character: 6 }, end: { line: 6, character: 10 } }, offsets: { start: configMap.indexOf('line one'), end: configMap.indexOf('line one') + 4 } };
    document.result.findings.push(finding);
    const action: CodeAction = { title: 'Disable', data: { kind: 'disableLine', finding: document.result.findings.length - 1, uri, version: 3 } };
    assert.equal(resolveCodeAction(action, document).edit, undefined);
  });
});
