// Lints an open document as it is now and publishes the diagnostics with the version they belong to.
// The lint reads the document's current text synchronously, so it never lints a version that has
// already been replaced; a document closed while its settings were fetched is not linted at all.
import type { PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintedDocument } from './codeActions.js';
import type { WorkspaceConfigService } from './configService.js';
import type { EditorFindings } from './editorFindings.js';
import type { OpenDocuments } from './openDocuments.js';
import { validateText } from './validate.js';
import type { WorkspaceIndex } from './workspaceIndex.js';
import type { LintResult } from '../engine/runRules.js';
import type { Finding } from '../engine/types.js';
import { hasWorkspaceRules, joinWorkspaceFindings } from '../linter/workspace.js';

export interface DocumentLinterDeps {
  documents: TextDocuments<TextDocument>;
  open: OpenDocuments;
  configs: Pick<WorkspaceConfigService, 'configFor' | 'isConfigDocument'>;
  /** The workspace rules' view: told each lint's summaries, it answers the document's workspace findings. */
  workspace: Pick<WorkspaceIndex, 'documentLinted'>;
  /** Which findings the editor shows (settings, baseline): the diagnostics published are those. */
  findings: Pick<EditorFindings, 'diagnostics'>;
  publish(params: PublishDiagnosticsParams): Promise<void>;
  logError(message: string): void;
}

export class DocumentLinter {
  constructor(private readonly deps: DocumentLinterDeps) {}

  /**
   * `force`: lint even when the settings say to lint on save only and the document was linted before.
   * Never rejects: whatever fails is logged, and the server goes on with the other documents.
   */
  async lint(uri: string, force: boolean): Promise<void> {
    try {
      await this.lintAndPublish(uri, force);
    } catch (error) {
      this.deps.logError(`manifestlint could not lint ${uri}: ${describe(error)}`);
    }
  }

  private async lintAndPublish(uri: string, force: boolean): Promise<void> {
    const { documents, open, configs } = this.deps;
    if (!documents.get(uri)) return;
    const record = open.get(uri);
    const settings = await record.settings();
    const document = documents.get(uri);
    if (!document || open.peek(uri) !== record) return; // closed while the settings were fetched
    if (configs.isConfigDocument(uri)) return; // the config service publishes config problems
    if (!force && settings.run === 'onSave' && record.lint) return;
    const { version, languageId } = document;
    const text = document.getText();
    if (!settings.enable) {
      record.lint = undefined;
      await this.deps.publish({ uri, version, diagnostics: [] });
      return;
    }
    const config = configs.configFor(uri, settings.configFile);
    const started = performance.now();
    const validation = validateText(text, { uri, languageId, config, summarize: hasWorkspaceRules, helm: record.helmHint(), kustomize: record.kustomizeHint(), buildContext: record.buildContext(), yamlCache: record.yamlCache, documentFindings: record.documentFindings, instructionFindings: record.instructionFindings });
    record.lintMs = performance.now() - started;
    if (!validation.result) {
      record.lint = undefined;
      // One bad document must not take the server down: it gets one diagnostic saying so, and we go on.
      if (validation.error) this.deps.logError(`manifestlint failed on ${uri}: ${describe(validation.error)}`);
      return this.deps.publish({ uri, version, diagnostics: validation.diagnostics });
    }
    const result = withFindings(validation.result, this.deps.workspace.documentLinted(uri, validation.result.summaries));
    record.lint = { version, result };
    await this.deps.publish({ uri, version, diagnostics: this.deps.findings.diagnostics({ uri, version, text, result }, settings) });
  }

  /** The last lint of a document when it belongs to the version the editor holds now (code actions need that). */
  linted(uri: string): LintedDocument | undefined {
    const document = this.deps.documents.get(uri);
    const lint = this.deps.open.peek(uri)?.lint;
    return document && lint?.version === document.version ? { uri, version: document.version, text: document.getText(), result: lint.result } : undefined;
  }
}

/** The lint with the workspace rules' findings on the document joined (linter/workspace.ts). */
function withFindings(result: LintResult, workspaceFindings: readonly Finding[]): LintResult {
  const findings = joinWorkspaceFindings(result.findings, workspaceFindings, result.workspaceSuppressions, false);
  return findings === result.findings ? result : { ...result, findings };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
