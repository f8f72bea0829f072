// What an `extends` entry names: a built-in preset, a file relative to the config, or a package in
// node_modules whose config file is data (never a module we would execute). Files stay inside the
// project: a cloned repository must not make the linter read (and quote) files elsewhere on the machine.
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { isInside, resolvesInside } from '../files/readText.js';
import { BUILT_IN_PRESETS, type BuiltInPreset } from './presets.js';
import { quote } from './quote.js';
import type { ConfigSource } from './source.js';

export type ExtendsTarget = { kind: 'preset'; name: BuiltInPreset } | { kind: 'file'; path: string } | { kind: 'error'; message: string };

const PRESET_PREFIX = 'manifestlint:';
/** The file a package provides when `extends` names the package itself. */
export const PACKAGE_CONFIG_FILES = ['manifestlint.yaml', 'manifestlint.yml', 'manifestlint.json'];
/** `name` or `@scope/name`, then an optional path inside the package. */
const PACKAGE_SPECIFIER = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/(.+))?$/i;

/**
 * Resolves `specifier` written in the config at `fromFile`. A file must be inside `root` (the project);
 * packages are looked up in node_modules folders from the config's folder up to `root`, as Node would,
 * but only data files are accepted. Where symlinks lead is checked when the file is read.
 */
export function resolveExtends(specifier: string, fromFile: string, root: string, source: ConfigSource): ExtendsTarget {
  if (specifier.startsWith(PRESET_PREFIX)) {
    const name = BUILT_IN_PRESETS.find((preset) => PRESET_PREFIX + preset === specifier);
    if (name) return { kind: 'preset', name };
    return { kind: 'error', message: `unknown preset ${quote(specifier)} (expected ${BUILT_IN_PRESETS.map((p) => PRESET_PREFIX + p).join(', ')})` };
  }
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const path = resolve(dirname(fromFile), specifier);
    // Checked before the file is even looked for: whether it exists is not the repository's business either.
    if (!isInside(path, root) || !resolvesInside(path, root)) return { kind: 'error', message: `${quote(specifier)} is outside the project folder ${root}: not read` };
    return source.version(path) ? { kind: 'file', path } : { kind: 'error', message: `cannot find extended config ${quote(specifier)} (looked for ${path})` };
  }
  const match = PACKAGE_SPECIFIER.exec(specifier);
  if (!match || specifier.split(/[\\/]/).includes('..')) return { kind: 'error', message: `${quote(specifier)} is not a preset, a relative path (./…) or a package name` };
  const [, packageName, subpath] = match;
  for (const dir of foldersUpTo(dirname(fromFile), root)) {
    const packageDir = join(dir, 'node_modules', packageName);
    if (!source.isDirectory(packageDir)) continue;
    const candidates = subpath ? [subpath] : PACKAGE_CONFIG_FILES;
    for (const candidate of candidates) {
      const path = join(packageDir, candidate);
      if (source.version(path)) return /\.(ya?ml|json)$/i.test(path) ? { kind: 'file', path } : { kind: 'error', message: `${quote(specifier)} is not a YAML or JSON config file` };
    }
    return { kind: 'error', message: `package ${quote(packageName)} has no ${subpath === undefined ? PACKAGE_CONFIG_FILES.join(', ') : quote(subpath)}` };
  }
  return { kind: 'error', message: `cannot find package ${quote(packageName)} in node_modules (install it, or use a relative path ./…)` };
}

/** `start`, its parent, … up to and including `root`; up to the filesystem root when `start` is outside `root`. */
export function foldersUpTo(start: string, root: string): string[] {
  const folders: string[] = [];
  const inside = start === root || start.startsWith(root.endsWith(sep) ? root : root + sep);
  for (let dir = start; ; dir = dirname(dir)) {
    folders.push(dir);
    if ((inside && dir === root) || dirname(dir) === dir) return folders;
  }
}
