// The editor's "Scan Workspace": lints every lintable file of the workspace folders in worker threads,
// runs the workspace rules over all of them (as `manifestlint scan` does), with cancellable work-done
// progress, and publishes diagnostics for files that are not open. Open
// documents keep their live (as-typed) diagnostics; a rescan clears files that are now clean; closing
// a scanned file shows its saved content's findings again instead of nothing. What is published follows
// the editor-only settings of each workspace folder, as open documents do (editorFindings.ts).
import type { CancellationToken, Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { discoverFiles } from '../scan/discover.js';
import { ScanConfig, type ConfigSpec } from '../scan/configForScan.js';
import { selectScanFiles } from '../scan/select.js';
import { lintFile, type FileResult } from '../scan/scan.js';
import { withWorkspaceFindings } from '../scan/workspaceFindings.js';
import { joinWorkspaceFindings } from '../linter/workspace.js';
import type { Finding } from '../engine/types.js';
import { ScanCancelledError, scanFiles } from '../scan/pool.js';
import { internalErrorDiagnostic, notLintedDiagnostic, toDiagnostic } from './diagnostics.js';
import type { FileBaseline } from './editorBaseline.js';
import { shownFindings } from './editorFindings.js';
import type { ScanWorkspaceResult } from './protocol.js';
import type { DocumentSettings } from './settings.js';

/**
 * The folders a scan can read: those on disk. A virtual workspace folder (a `vscode-vfs:` repository,
 * say) has no files this process can read, and its URI's path must not be taken for a local one.
 */
export function scannableRoots(folderUris: readonly string[]): string[] {
  return folderUris.flatMap((uri) => {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? [parsed.fsPath] : [];
  });
}

/** A scanned file's diagnostics are not tied to an open document version. */
const NO_VERSION = -1;

/** A workspace folder to scan: how to lint it, and the user's settings for it (asked once per folder). */
export interface ScanFolder {
  spec: ConfigSpec;
  settings: DocumentSettings;
}

export class WorkspaceScanner {
  /** URIs whose diagnostics came from the last scan, and the folder that linted them. */
  private readonly scanned = new Map<string, ScanFolder>();
  private running: AbortController | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    /** The baseline entries of a file, as the editor reads them (editorBaseline.ts). */
    private readonly baselineFor: (uri: string) => FileBaseline | undefined,
    /** How the workspace rules' messages name a file (as the workspace index names it). */
    private readonly nameOf: (path: string) => string,
  ) {}

  /** Stops when the user cancels the progress or the client cancels the request (`token`). */
  async scan(folders: readonly ScanFolder[], excludeFor: (root: string) => Promise<string[]>, token?: CancellationToken): Promise<ScanWorkspaceResult> {
    this.running?.abort(); // a new scan supersedes one in flight
    const controller = new AbortController();
    this.running = controller;
    const stop = token?.onCancellationRequested(() => controller.abort());
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('manifestlint: scanning workspace', 0, 'finding files…', true);
    progress.token.onCancellationRequested(() => controller.abort());
    try {
      const linted: FileResult[] = [];
      /** Each file's config: the folders' configs differ (a multi-root workspace), and the workspace rules read the file's. */
      const configByPath = new Map<string, ScanConfig>();
      const jobs: { folder: ScanFolder; config: ScanConfig; paths: string[] }[] = [];
      for (const folder of folders) {
        const { spec } = folder;
        const ignorePatterns = await excludeFor(spec.root);
        if (controller.signal.aborted) throw new ScanCancelledError(); // cancelled while we asked the client
        const discovered = discoverFiles([spec.root], { root: spec.root, ignorePatterns });
        // Config problems are shown in the config file by the config service; here they only mean "use the fallback".
        const config = new ScanConfig(spec);
        jobs.push({ folder, config, paths: selectScanFiles(discovered, config).files });
      }
      const total = jobs.reduce((sum, job) => sum + job.paths.length, 0);
      let before = 0;
      for (const { folder, config, paths } of jobs) {
        const results = await scanFiles(paths, {
          config: config.spec,
          scanConfig: config,
          signal: controller.signal,
          onProgress: (done) => progress.report(Math.round(((before + done) / Math.max(total, 1)) * 100), `${before + done}/${total} files`),
        });
        before += paths.length;
        for (const result of results) linted.push(result);
        for (const path of paths) {
          configByPath.set(path, config);
          this.scanned.set(URI.file(path).toString(), folder);
        }
      }
      // The folders are one workspace, as the editor's index sees them: a pod in one may run an image another builds.
      const found = new Map<string, FileResult>();
      for (const result of withWorkspaceFindings(linted, { configFor: (path) => configByPath.get(path)?.configFor(path), nameOf: this.nameOf })) found.set(URI.file(result.path).toString(), result);
      return { files: total, findings: await this.publish(found), cancelled: false };
    } catch (error) {
      if (error instanceof ScanCancelledError) return { files: 0, findings: 0, cancelled: true };
      throw error;
    } finally {
      stop?.dispose();
      progress.done();
      if (this.running === controller) this.running = undefined;
    }
  }

  /** Stops a scan in flight (the server is shutting down). */
  cancel(): void {
    this.running?.abort();
  }

  /** Publishes scan results for files not open in the editor, and clears files that became clean; counts the findings shown. */
  private async publish(results: Map<string, FileResult>): Promise<number> {
    let findings = 0;
    for (const [uri, folder] of [...this.scanned]) {
      if (!results.has(uri)) this.scanned.delete(uri); // deleted or newly ignored since the last scan
      if (this.documents.get(uri)) continue; // the live lint of an open document wins
      const result = results.get(uri);
      const diagnostics = result ? this.diagnosticsOf(result, uri, folder.settings) : [];
      findings += result && !result.error ? diagnostics.length : 0; // a "not linted" diagnostic is no finding
      await this.connection.sendDiagnostics({ uri, diagnostics });
    }
    return findings;
  }

  /**
   * What a closed document shows: its saved content's findings when it is part of a scan, with the
   * workspace rules' findings on it (`workspaceFindings`, from the editor's index), else nothing.
   */
  diagnosticsAfterClose(uri: string, workspaceFindings: readonly Finding[]): Diagnostic[] {
    const folder = this.scanned.get(uri);
    if (!folder) return [];
    const path = URI.parse(uri).fsPath;
    const result = lintFile(path, new ScanConfig(folder.spec).configFor);
    return this.diagnosticsOf({ ...result, findings: joinWorkspaceFindings(result.findings, workspaceFindings, result.workspaceSuppressions, false) }, uri, folder.settings);
  }

  private diagnosticsOf(result: FileResult, uri: string, settings: DocumentSettings): Diagnostic[] {
    if (result.internalError !== undefined) return [internalErrorDiagnostic(result.internalError)];
    if (result.error) return [notLintedDiagnostic(result.error)];
    // A scan gives every finding its fingerprint (scan/scan.ts): the baseline is matched on those.
    const shown = shownFindings(result.findings, settings, () => this.baselineFor(uri), (finding) => finding.fingerprint);
    return shown.map(({ index, finding, inBaseline }) => toDiagnostic(finding, uri, { index, version: NO_VERSION }, inBaseline));
  }
}
