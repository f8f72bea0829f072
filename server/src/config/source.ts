// Where config files are read from: the disk for the CLI, the disk overlaid with the editor's unsaved
// documents for the language server. The version key lets caches skip re-parsing unchanged files.
import { statSync } from 'node:fs';
import { readTextFile } from '../files/readText.js';

/** A config file larger than this is not read: a real config is a few kilobytes, and parsing cost grows with size. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config file's text, or why it was not read (a message that never quotes the file). */
export type ConfigText = { text: string } | { refused: string };

export interface ConfigSource {
  /** Changes whenever the content may have changed (mtime and size, or an editor version); undefined when absent. */
  version(path: string): string | undefined;
  /** `root`: refuse a file whose real path (symlinks resolved) is outside this folder. */
  read(path: string, root?: string): ConfigText;
  isDirectory(path: string): boolean;
}

export const diskSource: ConfigSource = {
  version(path) {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isFile() ? `${stats.mtimeMs}:${stats.size}` : undefined;
  },
  read(path, root) {
    const read = readTextFile(path, { maxBytes: MAX_CONFIG_BYTES, root });
    return read.ok ? { text: read.text } : { refused: read.message };
  },
  isDirectory(path) {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  },
};

/** Disk content, except for files open in the editor, whose unsaved text wins. */
export class OverlaySource implements ConfigSource {
  private readonly open = new Map<string, { text: string; version: number }>();

  constructor(private readonly disk: ConfigSource = diskSource) {}

  set(path: string, text: string, version: number): void {
    this.open.set(path, { text, version });
  }

  delete(path: string): void {
    this.open.delete(path);
  }

  version(path: string): string | undefined {
    const open = this.open.get(path);
    return open ? `editor:${open.version}` : this.disk.version(path);
  }

  read(path: string, root?: string): ConfigText {
    const open = this.open.get(path);
    if (!open) return this.disk.read(path, root);
    // Unsaved text obeys the same size limit as the file on disk.
    return open.text.length > MAX_CONFIG_BYTES ? { refused: `larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB: not read` } : { text: open.text };
  }

  isDirectory(path: string): boolean {
    return this.disk.isDirectory(path);
  }
}
