// Finds the kustomization that names a file as a patch, for the CLI and the server (never for the
// engine, which is pure): the folder of the file and those above it, up to the repository root.
// Kustomizations are read through files/readText.ts and kept while they do not change on disk.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readTextFile } from '../files/readText.js';
import { isProjectRoot } from '../config/projectRoot.js';
import { KUSTOMIZATION_FILE_NAMES, patchFilesOf, type KustomizeHint } from '../k8s/kustomize.js';

/** A kustomization is a short file: a larger one is not read. */
const MAX_KUSTOMIZATION_BYTES = 1024 * 1024;
/** Folders climbed at most: deep enough for any overlay tree, bounded on a hostile path. */
const MAX_LEVELS = 64;

interface Kustomization {
  mtimeMs: number;
  size: number;
  /** Absolute paths of the files it names as patches. */
  patches: ReadonlySet<string>;
}

/** Parsed kustomizations by path, kept while their size and time on disk do not change. */
const kustomizations = new Map<string, Kustomization>();

/**
 * The hint for RunOptions.kustomize: set when a kustomization in the file's folder or one above it
 * (not above the repository root) names the file as a patch. Each call looks at the disk afresh (the
 * editor); a scan keeps one KustomizeLookup for all its files.
 */
export function kustomizeHintFor(path: string): KustomizeHint | undefined {
  return new KustomizeLookup().hintFor(path);
}

/**
 * Kustomization lookups for one scan. Files do not change under a scan, and thousands of files share
 * a few folders: what each folder holds (its kustomization, whether it is the repository root) is
 * looked up once, not once per file and name (four stats per folder climbed, a tenth of a scan's time).
 */
export class KustomizeLookup {
  private readonly folders = new Map<string, { found: Found | undefined; projectRoot: boolean }>();

  hintFor(path: string): KustomizeHint | undefined {
    const file = resolve(path);
    let dir = dirname(file);
    for (let level = 0; level < MAX_LEVELS; level++) {
      const folder = this.folder(dir);
      if (folder.found?.kustomization.patches.has(file)) return { patchOf: folder.found.path };
      if (folder.projectRoot || dirname(dir) === dir) return undefined;
      dir = dirname(dir);
    }
    return undefined;
  }

  private folder(dir: string): { found: Found | undefined; projectRoot: boolean } {
    let folder = this.folders.get(dir);
    if (!folder) this.folders.set(dir, (folder = { found: kustomizationIn(dir), projectRoot: isProjectRoot(dir) }));
    return folder;
  }
}

/** Forgets what was read (the server calls it when a kustomization changes on disk). */
export function forgetKustomizations(): void {
  kustomizations.clear();
}

interface Found {
  path: string;
  kustomization: Kustomization;
}

function kustomizationIn(dir: string): Found | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path, { throwIfNoEntry: false }); // most folders have none: no exception built for each
    } catch {
      continue; // unreadable
    }
    if (!stat?.isFile()) continue;
    const cached = kustomizations.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return { path, kustomization: cached };
    const read = readTextFile(path, { maxBytes: MAX_KUSTOMIZATION_BYTES, root: dir });
    if (!read.ok) return undefined;
    const kustomization = { mtimeMs: read.mtimeMs, size: read.size, patches: new Set(patchFilesOf(read.text).map((patch) => resolve(dir, patch))) };
    kustomizations.set(path, kustomization);
    return { path, kustomization };
  }
  return undefined;
}
