// The folder config discovery stops at when no workspace folder says otherwise: the repository root.
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/** The nearest folder at or above `start` that holds `.git`; `fallback` when there is none. */
export function findProjectRoot(start: string, fallback: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return fallback;
  }
}
