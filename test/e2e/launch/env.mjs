// Where the e2e tools live: the repository, the git-ignored cache filled by scripts/e2e/setup.sh, and
// the built suite. One definition for the launchers, the UI check and scripts/e2e/run.mjs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CACHE = path.resolve(process.env.MANIFESTLINT_E2E_CACHE || path.join(REPO, '.cache/e2e'));
export const NODE24 = path.join(CACHE, 'node24/bin/node');
export const CODE_SERVER_ENTRY = path.join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = '/usr/bin/chromium';
/** The suite compiled by run.mjs: runner.js (the extensionTestsPath module) and *.e2e.js. */
export const SUITE_DIR = path.join(CACHE, 'suite');
export const SUITE_RUNNER = path.join(SUITE_DIR, 'runner.js');
/** Fixtures; every run works on a fresh copy, so edits made by tests never touch them. */
export const WORKSPACE_FIXTURES = path.join(REPO, 'test/e2e/workspace');
/** Screenshots and logs a CI run keeps as artifacts (git-ignored). */
export const RESULTS = path.join(REPO, 'test-results');

/** Loads a tool installed in the cache (mocha, playwright-core, @vscode/*); fails loudly when setup has not run. */
export function fromCache(name) {
  if (!existsSync(path.join(CACHE, 'node_modules', name))) {
    throw new Error(`${name} is not installed in ${CACHE}: run bash scripts/e2e/setup.sh`);
  }
  return createRequire(path.join(CACHE, 'package.json'))(name);
}

export function mustExist(file, what) {
  if (!existsSync(file)) throw new Error(`missing ${what} (${file}): run bash scripts/e2e/setup.sh`);
  return file;
}

const t0 = Date.now();
/** Log line with seconds since this process started, so every step's duration can be read off. */
export function log(tag, ...parts) {
  console.log(`[${tag} ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);
}
