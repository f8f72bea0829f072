// Which lint configuration applies to a document, per workspace folder, and the language server's side
// of config files: their problems as diagnostics, a warning when a broken config falls back, and the
// unsaved text of open config documents taking effect at once. Config files are read, and their problems
// published, only inside the document's workspace folder: the `configFile` setting can come from the
// repository (.vscode/settings.json) as much as the configs themselves.
import { dirname, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type FileSystemWatcher } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, isConfigFileName, type ConfigProblem } from '../config/configFile.js';
import { isInside } from '../files/readText.js';
import { recommendedConfig } from '../config/presets.js';
import { findProjectRoot } from '../config/projectRoot.js';
import { ConfigResolver } from '../config/resolver.js';
import { OverlaySource } from '../config/source.js';
import type { LintConfig } from '../engine/config.js';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import { pathOfUri } from './uris.js';

export interface ConfigService {
  configFor(uri: string, configFile?: string): LintConfig;
}

/** What the server asks the client to watch: team configs anywhere in the workspace (`workspace/didChangeWatchedFiles`). */
export const CONFIG_FILE_WATCHERS: FileSystemWatcher[] = [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }];

/** The diagnostic code of config-file problems: they come from the loader, not from a rule. */
export const CONFIG_DIAGNOSTIC_CODE = 'config';

export interface ConfigEvents {
  /** The problems of a config file changed; an empty list clears them. */
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** A config just became invalid and the last valid one stays in force. */
  warn(message: string): void;
}

export class WorkspaceConfigService implements ConfigService {
  private folders: string[] = [];
  private readonly source = new OverlaySource();
  private readonly resolver = new ConfigResolver({ source: this.source, rootFor: (path) => this.rootFor(path) });
  /** Config files whose diagnostics we own, with the fingerprint last published for each. */
  private readonly published = new Map<string, string>();
  /** Configs currently broken (the fallback is in force); the user was told once. */
  private readonly broken = new Set<string>();

  constructor(private readonly events: ConfigEvents) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    // Longest first, so a nested folder of a multi-root workspace wins over its parent.
    this.folders = uris.flatMap((uri) => pathOfUri(uri) ?? []).sort((a, b) => b.length - a.length);
    this.changed();
  }

  configFor(uri: string, configFile?: string): LintConfig {
    const path = pathOfUri(uri);
    if (!path) return recommendedConfig();
    const resolved = this.resolver.resolve(path, configFile || undefined);
    const configPath = resolved.configFile;
    if (configPath) {
      const root = this.rootFor(path);
      const files = [configPath, ...resolved.sources.filter((source) => !source.startsWith('manifestlint:')), ...resolved.problems.map((problem) => problem.file)];
      for (const file of files) if (isInside(file, root)) this.track(file);
      if (resolved.problems.length && !this.broken.has(configPath)) {
        this.broken.add(configPath);
        // A problem in no file the editor is shown (a `configFile` setting outside the folder) is told here instead.
        const unpublished = resolved.problems.find((problem) => !this.published.has(problem.file));
        const what = unpublished ? unpublished.message : `${configPath} has ${resolved.problems.length} problem(s)`;
        this.events.warn(`manifestlint: ${what}; ${fallbackLabel(resolved.sources)} stays in force until ${unpublished ? 'it is' : 'they are'} fixed.`);
      } else if (!resolved.problems.length) {
        this.broken.delete(configPath);
      }
    }
    return resolved.config;
  }

  /** A config file: by name, or because some config extends it or a setting names it. */
  isConfigDocument(uri: string): boolean {
    const path = pathOfUri(uri);
    return Boolean(path && (isConfigFileName(path) || this.published.has(path) || this.resolver.isConfigFile(path)));
  }

  /** An open config document's text changed: it takes effect before it is saved. */
  configDocumentChanged(uri: string, text: string, version: number): void {
    const path = pathOfUri(uri);
    if (!path) return;
    this.source.set(path, text, version);
    this.track(path);
    this.changed();
  }

  /** Closing drops unsaved edits: the file on disk is the config again. */
  configDocumentClosed(uri: string): void {
    const path = pathOfUri(uri);
    if (!path) return;
    this.source.delete(path);
    this.changed();
  }

  /** Config files changed on disk (file watcher, save). */
  filesChanged(): void {
    this.changed();
  }

  private changed(): void {
    this.resolver.invalidate();
    this.publishProblems();
  }

  private track(path: string): void {
    if (this.published.has(path)) return;
    this.published.set(path, '');
    this.publishProblems();
  }

  /** Publishes each tracked config file's own problems when they differ from what the editor shows. */
  private publishProblems(): void {
    for (const [path, shown] of this.published) {
      if (this.source.version(path) === undefined) {
        // Deleted: nothing left to show problems in.
        this.published.delete(path);
        if (shown) this.events.publish(pathToFileURL(path).href, []);
        continue;
      }
      const problems = this.resolver.problemsOf(path).filter((p) => p.file === path);
      const fingerprint = JSON.stringify(problems);
      if (fingerprint === shown) continue;
      this.published.set(path, fingerprint);
      this.events.publish(pathToFileURL(path).href, problems.map(toConfigDiagnostic));
    }
  }

  /**
   * The config of a file the editor has not opened (the workspace rules' index reads many): resolved,
   * but its problems are published and warned about only once a document under it is linted.
   */
  quietConfigFor(path: string): LintConfig {
    return this.resolver.resolve(path, undefined).config;
  }

  /** A path as messages name it: relative to its workspace folder (or its project, outside every folder). */
  displayPath(path: string): string {
    return relative(this.rootFor(path), path) || path;
  }

  private rootFor(path: string): string {
    const folder = this.folders.find((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
    return folder ?? findProjectRoot(dirname(path), dirname(path));
  }
}

function fallbackLabel(sources: readonly string[]): string {
  return sources.length === 1 && sources[0].startsWith('manifestlint:') ? `the ${sources[0]} preset` : 'the last valid config';
}

function toConfigDiagnostic(problem: ConfigProblem): Diagnostic {
  return { range: problem.range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: CONFIG_DIAGNOSTIC_CODE, message: problem.message };
}
