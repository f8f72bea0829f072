// Finds the files a scan lints: YAML manifests and Dockerfiles under the given paths, skipping
// dependency and VCS folders, what .gitignore files exclude, and the configured ignore globs. What it
// cannot look into (an unreadable folder, a path longer than the system allows, a FIFO named like a
// manifest) is reported, never skipped in silence.
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { DEFAULT_LIMITS, maxFileBytes } from '../text/limits.js';
import { languageOf } from '../text/fileKinds.js';
import { readTextFile } from '../files/readText.js';
import { notLinted, type FileResult } from './scan.js';

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

export interface Discovery {
  /** Absolute paths of lintable files, sorted, each once. */
  files: string[];
  /** Paths that should have been linted and cannot be (an unreadable folder, a FIFO named `deploy.yaml`), with the reason. */
  notLinted: FileResult[];
}

interface Level {
  dir: string;
  rules: Ignore;
}

const NOT_REGULAR = 'not a regular file (a pipe, a device or a socket).';

/**
 * Walks the given files and folders. A path named explicitly is linted even if .gitignore excludes it
 * or its name is not one manifestlint looks for (`rendered.txt`: read as YAML unless it is a
 * Dockerfile by name), and a link named explicitly is followed; links met inside folders are not
 * (their targets may lie outside the folder being scanned).
 */
export function discover(paths: readonly string[], options: DiscoverOptions = {}): Discovery {
  const root = resolve(options.root ?? process.cwd());
  const configured = ignore().add([...(options.ignorePatterns ?? [])]);
  const found = new Set<string>();
  const failures = new Map<string, FileResult>();
  const fail = (path: string, reason: string) => failures.set(path, notLinted(path, reason));

  const hasConfiguredIgnores = Boolean(options.ignorePatterns?.length);
  const isConfiguredIgnore = (absolute: string, isDir: boolean) => {
    if (!hasConfiguredIgnores) return false;
    const rel = relative(root, absolute).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && configured.ignores(isDir ? `${rel}/` : rel);
  };

  // A stack rather than recursion: a deep tree cannot exhaust the call stack.
  const walk = (start: string) => {
    const pending: { dir: string; levels: Level[] }[] = [{ dir: start, levels: [] }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const { dir, levels } = next;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        fail(dir, `cannot read this folder (${errorCode(error)}), so nothing in it was linted.`);
        continue;
      }
      // Read a .gitignore only where the listing shows one: most folders have none.
      const own = options.gitignore !== false && entries.some((entry) => entry.name === '.gitignore' && entry.isFile()) ? readGitignore(dir) : undefined;
      const active = own ? [...levels, { dir, rules: own }] : levels;
      for (const entry of entries) {
        const absolute = join(dir, entry.name);
        const isDir = entry.isDirectory();
        if (isDir && ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
        if (entry.isSymbolicLink()) continue; // not followed: its target may be outside the folder
        if (!isDir && !languageOf(entry.name)) continue;
        if (isConfiguredIgnore(absolute, isDir) || isGitIgnored(absolute, isDir, active)) continue;
        if (isDir) pending.push({ dir: absolute, levels: active });
        else if (entry.isFile()) found.add(absolute);
        else fail(absolute, NOT_REGULAR);
      }
    }
  };

  for (const path of paths.length ? paths : ['.']) {
    const absolute = resolve(path);
    let stats: Stats | undefined;
    try {
      stats = statSync(absolute, { throwIfNoEntry: false });
    } catch (error) {
      fail(absolute, `cannot read: ${errorCode(error)}.`);
      continue;
    }
    if (!stats) throw new UsageError(`no such file or directory: ${path}`);
    if (stats.isDirectory()) walk(absolute);
    else if (stats.isFile()) found.add(absolute);
    else fail(absolute, NOT_REGULAR);
  }
  return { files: [...found].sort(), notLinted: [...failures.values()].sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** The lintable files alone (the editor's scan, which has nowhere to show a folder it could not read). */
export function discoverFiles(paths: readonly string[], options: DiscoverOptions = {}): string[] {
  return discover(paths, options).files;
}

function readGitignore(dir: string): Ignore | undefined {
  const read = readTextFile(join(dir, '.gitignore'), { maxBytes: maxFileBytes(DEFAULT_LIMITS), root: dir });
  return read.ok ? ignore().add(read.text) : undefined;
}

function isGitIgnored(absolute: string, isDir: boolean, levels: readonly Level[]): boolean {
  return levels.some(({ dir, rules }) => {
    const rel = relative(dir, absolute).split(sep).join('/');
    return rules.ignores(isDir ? `${rel}/` : rel);
  });
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** A mistake in how the CLI was called (exit code 2), as opposed to findings. */
export class UsageError extends Error {}
