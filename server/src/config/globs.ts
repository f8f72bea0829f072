// Glob matching for `overrides.files`, `ignores.files` and `ignore`, on paths relative to the folder
// the config's globs are anchored to ('/'-separated). Compiled once per config.
import picomatch from 'picomatch';

export type PathMatcher = (relativePath: string) => boolean;

/** Always skipped, whatever the config says: dependencies and VCS metadata. */
export const DEFAULT_IGNORE = ['node_modules', '.git', 'vendor'];

/** True when any pattern matches the path (a pattern without a slash matches a file name at any depth). */
export function globMatcher(patterns: readonly string[]): PathMatcher {
  if (!patterns.length) return () => false;
  const match = compile(patterns);
  return (relativePath) => !isOutside(relativePath) && match(relativePath);
}

/** True when the path or one of its folders matches: `generated` skips everything under any `generated/`. */
export function ignoreMatcher(patterns: readonly string[]): PathMatcher {
  const match = compile(patterns);
  return (relativePath) => {
    if (isOutside(relativePath)) return false;
    const segments = relativePath.split('/');
    for (let i = 1; i <= segments.length; i++) if (match(segments.slice(0, i).join('/'))) return true;
    return false;
  };
}

/** picomatch's own `basename` option stops slash patterns from matching, so names and paths are split here. */
function compile(patterns: readonly string[]): PathMatcher {
  const byName = patterns.filter((p) => !p.includes('/'));
  const byPath = patterns.filter((p) => p.includes('/'));
  const name = byName.length ? picomatch(byName, { dot: true }) : undefined;
  const path = byPath.length ? picomatch(byPath, { dot: true }) : undefined;
  return (relativePath) => Boolean(path?.(relativePath) || name?.(relativePath.slice(relativePath.lastIndexOf('/') + 1)));
}

function isOutside(relativePath: string): boolean {
  return relativePath === '' || relativePath.startsWith('../') || relativePath === '..';
}
