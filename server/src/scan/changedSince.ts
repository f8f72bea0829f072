// `scan --changed-since <ref>`: the files that differ from a git commit (committed since, staged, edited
// or new and not ignored), so a pre-commit hook or a pull-request job lints only what the change touches.
// The repository is untrusted: its git config must not make git run a program (fsmonitor hooks,
// external diff drivers, text conversion filters), so those are switched off on the command line.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export class ChangedSinceError extends Error {}

/** Settings a hostile `.git/config` could use to run a command while we only list names. */
const SAFE_GIT = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '--no-pager'];
/** Enough for the names of a very large change; git is stopped past it rather than buffered without end. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Real paths of the files changed since `ref` in the repository that holds `cwd` (compare with `realpathSync`). */
export function changedSince(ref: string, cwd: string): Set<string> {
  if (ref.startsWith('-')) throw new ChangedSinceError(`"${ref}" is not a git revision`);
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd, `no commit "${ref}" in this repository`);
  const changed = git(['diff', '--name-only', '--no-renames', '--no-ext-diff', '--no-textconv', '--diff-filter=ACMRT', '-z', ref, '--'], top);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], top);
  const names = `${changed}\u0000${untracked}`.split('\u0000').filter(Boolean);
  return new Set(names.map((name) => resolve(top, name)));
}

function git(args: string[], cwd: string, failure?: string): string {
  try {
    return execFileSync('git', [...SAFE_GIT, ...args], { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { code, stderr } = error as NodeJS.ErrnoException & { stderr?: string };
    if (code === 'ENOENT') throw new ChangedSinceError('--changed-since needs git, and git was not found on PATH');
    if (failure) throw new ChangedSinceError(failure);
    const said = String(stderr ?? '').trim().split('\n')[0];
    throw new ChangedSinceError(said.includes('not a git repository') ? '--changed-since needs a git repository, and this folder is not in one' : `git failed: ${said || 'no message'}`);
  }
}
