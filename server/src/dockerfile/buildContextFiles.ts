// Reads a Dockerfile's build context from disk for the CLI and the server (never for the engine, which
// is pure): the .dockerignore beside it and the secret-looking files in its folder. The folder is part of
// an untrusted repository: links are never followed, the walk stops after a bounded number of entries,
// and the .dockerignore is read through files/readText.ts within a size limit.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readTextFile } from '../files/readText.js';
import { languageOf } from '../text/fileKinds.js';
import { secretContextFile, type BuildContextHint } from './buildContext.js';

/** Enough for any real service folder; a huge monorepo root is sampled, never walked whole. */
const MAX_ENTRIES = 5000;
const MAX_SECRET_FILES = 100;
const MAX_DOCKERIGNORE_BYTES = 256 * 1024;
/** Folders walked past: `.git` is reported as a whole, dependencies are not the project's own files. */
const NOT_WALKED = new Set(['.git', 'node_modules']);

/** The hint for RunOptions.buildContext, taking the Dockerfile's folder as the build context. */
export function readBuildContext(dockerfilePath: string): BuildContextHint {
  const root = dirname(dockerfilePath);
  const dockerignorePath = join(root, '.dockerignore');
  const read = readTextFile(dockerignorePath, { maxBytes: MAX_DOCKERIGNORE_BYTES, root });
  return { dockerignorePath, dockerignore: read.ok ? read.text : undefined, secretFiles: secretFilesIn(root) };
}

/** Secret-looking entries under `root`, folder by folder (no recursion: a deep tree cannot exhaust the stack). */
function secretFilesIn(root: string): string[] {
  const found: string[] = [];
  const folders = [''];
  let seen = 0;
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES || found.length >= MAX_SECRET_FILES) return found.sort();
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      // Dirent types do not follow links: a linked folder is neither entered nor reported.
      const isFolder = entry.isDirectory();
      if (!isFolder && !entry.isFile()) continue;
      const relative = isFolder ? `${path}/` : path;
      if (secretContextFile(relative)) found.push(relative);
      else if (isFolder && !NOT_WALKED.has(entry.name)) folders.push(path);
    }
  }
  return found.sort();
}

/** The build context hint for a file on disk that is a Dockerfile; undefined for other files. */
export function buildContextFor(path: string): BuildContextHint | undefined {
  return languageOf(path) === 'dockerfile' ? readBuildContext(path) : undefined;
}
