// Where config files are read from: the disk for the CLI, the disk overlaid with the editor's unsaved
// documents for the language server. The version key lets caches skip re-parsing unchanged files.
import { readFileSync, statSync } from 'node:fs';

export interface ConfigSource {
  /** Changes whenever the content may have changed (mtime and size, or an editor version); undefined when absent. */
  version(path: string): string | undefined;
  read(path: string): string | undefined;
  isDirectory(path: string): boolean;
}

export const diskSource: ConfigSource = {
  version(path) {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isFile() ? `${stats.mtimeMs}:${stats.size}` : undefined;
  },
  read(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
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

  read(path: string): string | undefined {
    return this.open.get(path)?.text ?? this.disk.read(path);
  }

  isDirectory(path: string): boolean {
    return this.disk.isDirectory(path);
  }
}
