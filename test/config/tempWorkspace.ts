// Throw-away workspaces on disk for config tests: a folder tree from a { path: content } table.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempWorkspace {
  root: string;
  path(relativePath: string): string;
  write(relativePath: string, content: string): string;
  dispose(): void;
}

/** A fresh folder (with `.git`, so discovery stops there) holding `files`. */
export function tempWorkspace(files: Record<string, string> = {}): TempWorkspace {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'manifestlint-config-')));
  mkdirSync(join(root, '.git'));
  const workspace: TempWorkspace = {
    root,
    path: (relativePath) => join(root, relativePath),
    write(relativePath, content) {
      const path = join(root, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [path, content] of Object.entries(files)) workspace.write(path, content);
  return workspace;
}
