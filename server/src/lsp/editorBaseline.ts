// The workspace's baseline as the editor reads it: `.manifestlint-baseline.json` at the root of each
// workspace folder (where `manifestlint baseline` writes it), read once through files/readText.ts and
// again after it changes on disk (the server watches it as it watches team configs). Only the editor
// reads it here; `scan --baseline` has its own, explicit, file.
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { FileSystemWatcher } from 'vscode-languageserver';
import { BASELINE_FILE_NAME, readBaseline, type Baseline } from '../scan/baseline.js';
import { isInside } from '../files/readText.js';
import { pathOfUri } from './uris.js';

/** What the server asks the client to watch for baselines. */
export const BASELINE_FILE_WATCHER: FileSystemWatcher = { globPattern: `**/${BASELINE_FILE_NAME}` };

/**
 * The baselined findings of one file: how many entries each `ruleId` + fingerprint pair has (two equal
 * findings are two entries, matched one each, as `scan --baseline` matches them).
 */
export type FileBaseline = ReadonlyMap<string, number>;

export function baselineKey(ruleId: string, fingerprint: string): string {
  return `${ruleId}\u0000${fingerprint}`;
}

/** A folder's baseline, indexed by file; `undefined` when the folder has none (or an unreadable one). */
type FolderBaseline = Map<string, Map<string, number>> | undefined;

export class EditorBaselines {
  private folders: string[] = [];
  private readonly byFolder = new Map<string, FolderBaseline>();
  /** Problems already told: a baseline re-read after every config change must not repeat its warning. */
  private readonly told = new Set<string>();

  constructor(
    /** Told once per broken baseline file (not JSON, another version…): the editor then shows findings as usual. */
    private readonly warn: (message: string) => void,
    private readonly read: (path: string) => Baseline = readBaseline,
  ) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    // Longest first, so a nested folder of a multi-root workspace wins over its parent.
    this.folders = uris.flatMap((uri) => pathOfUri(uri) ?? []).sort((a, b) => b.length - a.length);
    this.forget();
  }

  /** A baseline changed on disk: each folder's is read again when next needed. */
  forget(): void {
    this.byFolder.clear();
  }

  /** The entries of the baseline of the document's workspace folder that name the document; undefined when there are none. */
  forFile(uri: string): FileBaseline | undefined {
    const path = pathOfUri(uri);
    const folder = path === undefined ? undefined : this.folders.find((candidate) => isInside(path, candidate));
    if (path === undefined || folder === undefined) return undefined;
    return this.folderBaseline(folder)?.get(relative(folder, path).split(sep).join('/'));
  }

  private folderBaseline(folder: string): FolderBaseline {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const baseline = this.load(`${folder}${sep}${BASELINE_FILE_NAME}`);
    this.byFolder.set(folder, baseline);
    return baseline;
  }

  private load(path: string): FolderBaseline {
    // No baseline is the usual case and says nothing; a broken one is worth a word.
    if (!existsSync(path)) return undefined;
    let baseline: Baseline;
    try {
      baseline = this.read(path);
    } catch (error) {
      const message = `manifestlint: ${path}: ${error instanceof Error ? error.message : String(error)}; the editor shows findings without the baseline.`;
      if (!this.told.has(message)) this.warn(message);
      this.told.add(message);
      return undefined;
    }
    const index = new Map<string, Map<string, number>>();
    for (const entry of baseline.entries) {
      let keys = index.get(entry.file);
      if (!keys) index.set(entry.file, (keys = new Map()));
      const key = baselineKey(entry.ruleId, entry.fingerprint);
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    return index;
  }
}
