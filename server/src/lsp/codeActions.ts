// Code actions for manifestlint findings (quick fixes, disable comments, fix-all) as pure functions:
// the server passes its cached lint of the document; nothing here talks to the connection.
//
// Entry points, wired by server.ts:
//   CODE_ACTION_KINDS               `codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true }`
//   codeActions(document, params)   textDocument/codeAction: the list; each action carries `data`, no edit
//   codeActionUri(action)           codeAction/resolve: which document's cached lint to pass back
//   resolveCodeAction(action, doc)  codeAction/resolve: computes the action's edit (versioned WorkspaceEdit)
// `document` must be the lint of the document's current version: actions from another version resolve
// to no edit rather than to a wrong one.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { rulesById } from '../../../rules/index.js';
import type { LintResult } from '../engine/runRules.js';
import type { Finding, Fix } from '../engine/types.js';
import { fixAll, preferredFix } from '../fixes/fixAll.js';
import { FixSource } from '../fixes/fixSource.js';
import { changesToEdits, fileEdits, fixToEdits, type FileEdit } from '../fixes/fixToEdits.js';
import { URI } from 'vscode-uri';
import { LineIndex } from '../text/positions.js';
import { disableFileEdit, disableNextLineEdit } from '../suppressions/commentEdits.js';
import { toRangeEdits, type TextEdit } from '../text/edits.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.manifestlint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** A document as last linted: the version and text the cached result belongs to. */
export interface LintedDocument {
  uri: string;
  version: number;
  text: string;
  result: LintResult;
}

type ActionTarget =
  | { kind: 'fix'; finding: number; fix: number }
  | { kind: 'disableLine'; finding: number }
  | { kind: 'disableFile'; finding: number }
  | { kind: 'fixAll' };

/** What a listed action carries to codeAction/resolve. */
export type CodeActionData = ActionTarget & { uri: string; version: number };

export function codeActions(document: LintedDocument, params: CodeActionParams): CodeAction[] {
  if (params.textDocument.uri !== document.uri) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
  const action = (title: string, kind: string, target: ActionTarget, extra: Partial<CodeAction> = {}): CodeAction => ({
    title,
    kind,
    ...extra,
    data: { ...target, uri: document.uri, version: document.version } satisfies CodeActionData,
  });

  // One source for the request: the document's layout is learned once, however many fixes are planned.
  const source = new FixSource(document.text, document.result.lines, document.result.file);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const disables: CodeAction[] = [];
    const seenDisables = new Set<string>();
    // One fix can serve several findings (hardening a container serves each of its findings): listed once.
    const seenFixes = new Set<Fix>();
    for (const { diagnostic, index } of findingsOf(params.context.diagnostics, document)) {
      const finding = document.result.findings[index];
      finding.fixes?.forEach((fix, fixIndex) => {
        if (seenFixes.has(fix)) return;
        seenFixes.add(fix);
        if (!hasEdits(fix, source)) return;
        actions.push(action(fix.title, CodeActionKind.QuickFix, { kind: 'fix', finding: index, fix: fixIndex }, { isPreferred: fix.isPreferred === true, diagnostics: [diagnostic] }));
      });
      if (!rulesById.has(finding.ruleId)) continue; // suppression reports are not rules: nothing to disable
      const lineKey = `${finding.ruleId}@${finding.range.start.line}`;
      if (!seenDisables.has(lineKey)) {
        seenDisables.add(lineKey);
        disables.push(action(`Disable ${finding.ruleId} for this line`, CodeActionKind.QuickFix, { kind: 'disableLine', finding: index }, { diagnostics: [diagnostic] }));
      }
      if (!seenDisables.has(finding.ruleId)) {
        seenDisables.add(finding.ruleId);
        disables.push(action(`Disable ${finding.ruleId} for this file`, CodeActionKind.QuickFix, { kind: 'disableFile', finding: index }, { diagnostics: [diagnostic] }));
      }
    }
    // Fixes first, then the ways out: the lightbulb menu reads best that way.
    for (const disable of disables) actions.push(disable);
  }
  if (wants(FIX_ALL_KIND) && document.result.findings.some((finding) => !finding.suppressed && hasEdits(preferredFix(finding), source))) {
    actions.push(action('Fix all manifestlint problems', FIX_ALL_KIND, { kind: 'fixAll' }));
  }
  return actions;
}

/**
 * Whether `fix` plans to at least one edit. A fix the fix layer refuses (it would hide settings a `<<`
 * merge brings, or its changes collide) is not offered: a menu entry that does nothing on click.
 * Planning one fix touches only its own nodes, so the few fixes of one request stay cheap.
 */
function hasEdits(fix: Fix | undefined, source: FixSource): boolean {
  return !!fix && ((changesToEdits(fix.changes, source)?.length ?? 0) > 0 || fileEdits(fix).length > 0);
}

/** The document an action listed by `codeActions` belongs to, for finding its cached lint. */
export function codeActionUri(action: CodeAction): string | undefined {
  return isActionData(action.data) ? action.data.uri : undefined;
}

/** Fills in `action.edit`. An action from another version (or not ours) comes back unchanged. */
export function resolveCodeAction(action: CodeAction, document: LintedDocument): CodeAction {
  const data = action.data;
  if (!isActionData(data) || data.uri !== document.uri || data.version !== document.version) return action;
  const edits = editsFor(data, document) ?? [];
  const fix = data.kind === 'fix' ? document.result.findings[data.finding]?.fixes?.[data.fix] : undefined;
  const files = fix ? fileEdits(fix) : [];
  return edits.length > 0 || files.length > 0 ? { ...action, edit: workspaceEdit(document, edits, files) } : action;
}

function editsFor(target: ActionTarget, { text, result }: LintedDocument): TextEdit[] | undefined {
  if (target.kind === 'fixAll') return fixAll(text, result.findings, result.file, result.lines).edits;
  const finding = result.findings[target.finding];
  if (!finding) return undefined;
  if (target.kind === 'fix') {
    const fix = finding.fixes?.[target.fix];
    return fix && fixToEdits(text, fix, result.lines, result.file);
  }
  const edit = target.kind === 'disableLine' ? disableNextLineEdit(finding, result.lines, result.file) : disableFileEdit(finding.ruleId, result.lines, result.file);
  return edit && [edit];
}

function workspaceEdit(document: LintedDocument, edits: TextEdit[], files: readonly FileEdit[] = []): WorkspaceEdit {
  // Versioned: a client whose document moved on since the lint refuses the edit instead of misplacing it.
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = edits.length ? [{ textDocument: { uri: document.uri, version: document.version }, edits: toRangeEdits(edits, document.result.lines) }] : [];
  for (const file of files) for (const change of fileChanges(file)) documentChanges.push(change);
  return { documentChanges };
}

/** Another file's edit (a `.dockerignore`): created when it did not exist, then `text` appended at its end as read. */
function fileChanges(file: FileEdit): NonNullable<WorkspaceEdit['documentChanges']> {
  const uri = URI.file(file.path).toString();
  const before = new LineIndex(file.before ?? '');
  const end = before.positionAt((file.before ?? '').length);
  const append = { textDocument: { uri, version: null }, edits: [{ range: { start: end, end }, newText: file.text }] };
  return file.before === undefined ? [{ kind: 'create', uri, options: { ignoreIfExists: true } }, append] : [append];
}

/**
 * The findings behind the request's diagnostics: by the index our diagnostics carry when they come from
 * this version, else by rule and range (a client that drops `data`).
 */
function findingsOf(diagnostics: readonly Diagnostic[], document: LintedDocument): { diagnostic: Diagnostic; index: number }[] {
  const findings = document.result.findings;
  return diagnostics.flatMap((diagnostic) => {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    const byData = data?.version === document.version && typeof data.index === 'number' ? data.index : undefined;
    const index = byData !== undefined && matches(findings[byData], diagnostic) ? byData : findings.findIndex((finding) => matches(finding, diagnostic));
    return index === -1 ? [] : [{ diagnostic, index }];
  });
}

function matches(finding: Finding | undefined, diagnostic: Diagnostic): boolean {
  if (!finding || finding.ruleId !== diagnostic.code) return false;
  const a = finding.range;
  const b = diagnostic.range;
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function isActionData(data: unknown): data is CodeActionData {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as Partial<CodeActionData>;
  return typeof candidate.uri === 'string' && typeof candidate.version === 'number' && typeof candidate.kind === 'string';
}
