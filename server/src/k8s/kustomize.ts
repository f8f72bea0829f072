// Kustomize, read from text alone: which files a kustomization names as patches, and the fact the
// caller hands the engine about a file that is one (server/src/k8s/kustomizeFiles.ts reads the disk).
import { isMap, isScalar, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { YamlNav } from '../yaml/nav.js';

/** The names `kustomize build` looks for in a folder, in its order. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/**
 * What the CLI or server can tell the engine about a file a kustomization names as a patch (the
 * engine never reads files): it sets some fields of resources defined elsewhere, so it is linted for
 * the values it writes, never for what it leaves out.
 */
export interface KustomizeHint {
  /** The kustomization that names the file, as messages may show it. */
  patchOf: string;
}

export function isKustomizationFileName(path: string): boolean {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(name);
}

/** Patch entries a kustomization may hold: `patches` (either kind), and the older per-kind lists. */
const PATCH_LISTS = ['patches', 'patchesStrategicMerge', 'patchesJson6902'] as const;

/**
 * The files a kustomization names as patches, as written (relative to its folder). A
 * `patchesStrategicMerge` entry is a path, or an inline patch when it spans lines: those are not files.
 */
export function patchFilesOf(kustomization: string): string[] {
  const doc = parseDocument(kustomization, { prettyErrors: false, uniqueKeys: false });
  const nav = new YamlNav(doc);
  const root = nav.resolve(doc.contents);
  if (!isMap(root)) return [];
  const files: string[] = [];
  for (const list of PATCH_LISTS) {
    for (const entry of nav.items(nav.seq(root, list))) {
      const path = isScalar(entry) ? entry.value : isMap(entry) ? nav.string(entry, 'path') : undefined;
      if (typeof path === 'string' && path.trim() && !path.includes('\n')) files.push(path.trim());
    }
  }
  return files;
}

/** An inline patch of a kustomization, and the `target:` of its entry (what a JSON 6902 patch applies to). */
export interface InlinePatch {
  patch: Scalar;
  target?: YAMLMap;
}

/**
 * Inline patches of a kustomization: the `patch` strings of its patch lists (one line is enough), and
 * the multi-line `patchesStrategicMerge` entries (a one-line entry there is a file's path).
 */
export function inlinePatchesOf(root: YAMLMap, nav: YamlNav): InlinePatch[] {
  const patches: InlinePatch[] = [];
  for (const list of PATCH_LISTS) {
    for (const entry of nav.items(nav.seq(root, list))) {
      const patch = isMap(entry) ? nav.field(entry, 'patch')?.node : entry;
      if (!isScalar(patch) || typeof patch.value !== 'string' || (!isMap(entry) && !patch.value.includes('\n'))) continue;
      patches.push({ patch, target: isMap(entry) ? nav.map(entry, 'target') : undefined });
    }
  }
  return patches;
}
