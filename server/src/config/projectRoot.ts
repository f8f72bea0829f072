// The folder config discovery stops at when no workspace folder says otherwise: the repository root.
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/** The nearest folder at or above `start` (and not above `ceiling`, when given) that holds `.git`; `fallback` when there is none. */
export function findProjectRoot(start: string, fallback: string, ceiling?: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (dir === ceiling || dirname(dir) === dir) return fallback;
  }
}

export function isProjectRoot(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/**
 * What a config at `configFile` may extend: its own project. Inside a root that is a repository, that
 * is the root (a monorepo's shared policy stays reachable); inside a folder that is not (a scan run
 * from a home folder, say), it is the nearest repository around the config, so a cloned repository's
 * config cannot reach the files beside the clone (`extends: ../../.kube/config`).
 */
export function containmentRoot(configFile: string, root: string): string {
  return isProjectRoot(root) ? root : findProjectRoot(dirname(configFile), root, root);
}
