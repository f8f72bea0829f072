// Finds the files a scan lints: YAML manifests and Dockerfiles under the given paths, skipping
// dependency and VCS folders, what .gitignore files exclude, and the configured ignore globs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOf } from '../engine/fileKinds.js';

/** Never descended into, whatever the config says: dependencies, VCS metadata, caches. */
export const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', 'third_party', '.terraform', '.cache']);

export interface DiscoverOptions {
  /** Extra gitignore-style patterns (the config's `ignore`), relative to `root`. */
  ignorePatterns?: readonly string[];
  /** Folder that `ignorePatterns` and reported paths are relative to. */
  root?: string;
  /** Honour .gitignore files found on the way down (default true). */
  gitignore?: boolean;
}

interface Level {
  dir: string;
  rules: Ignore;
}

/** Absolute paths of lintable files, sorted, each once. A path named explicitly is linted even if ignored by .gitignore. */
export function discoverFiles(paths: readonly string[], options: DiscoverOptions = {}): string[] {
  const root = resolve(options.root ?? process.cwd());
  const configured = ignore().add([...(options.ignorePatterns ?? [])]);
  const found = new Set<string>();

  const hasConfiguredIgnores = Boolean(options.ignorePatterns?.length);
  const isConfiguredIgnore = (absolute: string, isDir: boolean) => {
    if (!hasConfiguredIgnores) return false;
    const rel = relative(root, absolute).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && configured.ignores(isDir ? `${rel}/` : rel);
  };

  const walk = (dir: string, levels: Level[]) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to lint there
    }
    // Read a .gitignore only where the listing shows one: most folders have none, and a failed read costs an exception.
    const own = options.gitignore !== false && entries.some((entry) => entry.name === '.gitignore' && entry.isFile()) ? readGitignore(dir) : undefined;
    const active = own ? [...levels, { dir, rules: own }] : levels;
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      const isDir = entry.isDirectory();
      if (isDir && ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
      if (!isDir && !entry.isFile()) continue; // symlinks and sockets are not followed
      if (isConfiguredIgnore(absolute, isDir) || isGitIgnored(absolute, isDir, active)) continue;
      if (isDir) walk(absolute, active);
      else if (languageOf(entry.name)) found.add(absolute);
    }
  };

  for (const path of paths.length ? paths : ['.']) {
    const absolute = resolve(path);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (!stats) throw new UsageError(`no such file or directory: ${path}`);
    if (stats.isDirectory()) walk(absolute, []);
    else found.add(absolute);
  }
  return [...found].sort();
}

function readGitignore(dir: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isGitIgnored(absolute: string, isDir: boolean, levels: readonly Level[]): boolean {
  return levels.some(({ dir, rules }) => {
    const rel = relative(dir, absolute).split(sep).join('/');
    return rules.ignores(isDir ? `${rel}/` : rel);
  });
}

/** A mistake in how the CLI was called (exit code 2), as opposed to findings. */
export class UsageError extends Error {}
