// The editor's view of the workspace for workspace rules (engine/workspace.ts): each file's summaries,
// read from disk for the files that are not open and taken from the last lint for those that are, and
// the workspace rules' findings over them. When an edit, a save, a file created or deleted on disk
// changes a summary, the findings are worked out again (over summaries: no file is parsed again) and
// the open documents whose workspace findings changed are linted again, so neither side goes stale.
import type { LintConfig } from '../engine/config.js';
import type { Finding } from '../engine/types.js';
import { isConfigFileName } from '../config/configFile.js';
import { readTextFile } from '../files/readText.js';
import { summarizeText, workspaceFindings, type FileSummaries } from '../linter/workspace.js';
import { discoverFiles } from '../scan/discover.js';
import { DOCKERFILE_NAME_PATTERNS } from '../text/fileKinds.js';
import { effectiveLimits, maxFileBytes } from '../text/limits.js';
import { placeMoves, samePlaces, shapeOf, type PlaceMoves, type SummaryShape } from './summaryMoves.js';
import { pathOfUri } from './uris.js';

export interface WorkspaceIndexDeps {
  /** The config of a file (by path); undefined when the file is not linted. */
  configFor(path: string): LintConfig | undefined;
  /** A file as messages name it (relative to its workspace folder). */
  nameOf(path: string): string;
  /** Open documents whose workspace findings changed: lint them again so that they show it. */
  relint(uris: readonly string[]): void;
}

/** The files whose changes on disk the index follows: the ones manifestlint lints. */
export const WORKSPACE_FILE_GLOBS = ['**/*.{yaml,yml}', ...DOCKERFILE_NAME_PATTERNS.map((pattern) => `**/${pattern}`)];

/** Memory stays bounded on a huge monorepo: past this many files, the rest of the workspace is not indexed. */
const MAX_INDEXED_FILES = 20_000;
/** Files summarized between two turns of the event loop while indexing: keystrokes are answered in between. */
const FILES_PER_TURN = 16;

export class WorkspaceIndex {
  /** Summaries of files as they are on disk, by path. */
  private readonly onDisk = new Map<string, FileSummaries>();
  /**
   * Summaries of open documents as last linted, by path (URI for a document not on disk), with their
   * shape (summaryMoves.ts): the next lint's is compared with it, so a keystroke stringifies them once.
   */
  private readonly inEditor = new Map<string, SummaryShape>();
  /** Open documents: their key (path or URI) → their URI. */
  private readonly openUris = new Map<string, string>();
  private findings = new Map<string, Finding[]>();
  private generation = 0;

  constructor(private readonly deps: WorkspaceIndexDeps) {}

  /**
   * (Re)reads the workspace folders in the background; an earlier indexing still running stops. No
   * folder (a file opened alone) reads nothing: the scan's "no path means here" is not for the editor,
   * whose process may have started anywhere (the user's home).
   */
  async indexFolders(folders: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    this.onDisk.clear();
    const roots = folders.flatMap((uri) => pathOfUri(uri) ?? []);
    const paths = roots.length ? discoverFiles(roots) : [];
    for (let i = 0; i < Math.min(paths.length, MAX_INDEXED_FILES); i++) {
      if (i % FILES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      if (generation !== this.generation) return;
      this.readFromDisk(paths[i]);
    }
    this.update();
  }

  /** A file changed, appeared or went away on disk (didChangeWatchedFiles). */
  fileChanged(uri: string, deleted: boolean): void {
    const path = pathOfUri(uri);
    if (!path) return;
    if (deleted) this.onDisk.delete(path);
    else this.readFromDisk(path);
    if (!this.inEditor.has(path)) this.update();
  }

  /** An open document was linted: `summaries` are what its text says now. Returns its workspace findings. */
  documentLinted(uri: string, summaries: FileSummaries | undefined): Finding[] {
    const key = keyOf(uri);
    this.openUris.set(key, uri);
    const before = this.inEditor.get(key);
    const now = shapeOf(summaries ?? {});
    this.inEditor.set(key, now);
    if (before && samePlaces(before, now)) return this.findings.get(key) ?? [];
    // Places moved, nothing else: the same findings, moved (every rule over every file otherwise).
    const moves = before && placeMoves(before, now);
    const moved = moves && this.movedFindings(key, moves);
    if (moved) this.replaceFindings(moved, uri);
    else this.update(uri);
    return this.findings.get(key) ?? [];
  }

  /** The workspace rules' findings on a file (open or not), as they stand. */
  findingsOf(uri: string): readonly Finding[] {
    return this.findings.get(keyOf(uri)) ?? [];
  }

  /** Closed: the file on disk speaks for it again (an unsaved edit is gone). */
  documentClosed(uri: string): void {
    const key = keyOf(uri);
    this.openUris.delete(key);
    if (this.inEditor.delete(key)) this.update();
  }

  private readFromDisk(path: string): void {
    // A team config is not a manifest (and may be hostile: the config service reports on it).
    if (isConfigFileName(path)) return;
    const config = this.deps.configFor(path);
    if (!config) return void this.onDisk.delete(path);
    const read = readTextFile(path, { maxBytes: maxFileBytes(effectiveLimits(config.limits)) });
    if (!read.ok) return void this.onDisk.delete(path);
    try {
      const summaries = summarizeText(read.text, { uri: path, config });
      if (Object.keys(summaries).length) this.onDisk.set(path, summaries);
      else this.onDisk.delete(path);
    } catch {
      this.onDisk.delete(path); // not lintable (a limit, a bug): it contributes nothing, as in a scan
    }
  }

  /** Works the findings out again; re-lints the open documents (but `linted`, which is being linted) whose findings changed. */
  private update(linted?: string): void {
    const files = new Map(this.onDisk);
    for (const [key, { summaries }] of this.inEditor) files.set(key, summaries);
    this.replaceFindings(workspaceFindings(files, this.deps.configFor, this.deps.nameOf), linted);
  }

  /** Every finding with its places in `file` moved; undefined when one is not a place the summaries held. */
  private movedFindings(file: string, moves: PlaceMoves): Map<string, Finding[]> | undefined {
    const next = new Map<string, Finding[]>();
    for (const [key, findings] of this.findings) {
      const moved: Finding[] = [];
      for (const finding of findings) {
        const one = moves.moved(finding, key === file, file);
        if (!one) return undefined;
        moved.push(one);
      }
      next.set(key, moved);
    }
    return next;
  }

  /** Takes `next` as the findings; re-lints the open documents (but `linted`) whose findings changed. */
  private replaceFindings(next: Map<string, Finding[]>, linted?: string): void {
    const before = this.findings;
    this.findings = next;
    const changed: string[] = [];
    for (const [key, uri] of this.openUris) {
      if (uri !== linted && JSON.stringify(before.get(key) ?? []) !== JSON.stringify(this.findings.get(key) ?? [])) changed.push(uri);
    }
    if (changed.length) this.deps.relint(changed);
  }
}

/** A document on disk is known by its path (as files read from disk are); any other by its URI. */
function keyOf(uri: string): string {
  return pathOfUri(uri) ?? uri;
}
