// Reads a file of an untrusted repository as text, safely: only regular files (a FIFO, a device or a
// socket is refused without blocking), only below a size limit checked before reading, and only inside
// an allowed root once symlinks are resolved. The one place the CLI, the server and the config loader
// read workspace files through.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';

export type ReadFailure = 'missing' | 'notRegularFile' | 'tooLarge' | 'outsideRoot' | 'unreadable';

export type ReadResult =
  | {
      ok: true;
      text: string;
      /** False when the bytes are not valid UTF-8 (the text then holds U+FFFD): lint it, never rewrite it. */
      validUtf8: boolean;
      /** Size and modification time when read: a writer refuses a file that changed since. */
      size: number;
      mtimeMs: number;
    }
  | { ok: false; failure: ReadFailure; message: string };

export interface ReadOptions {
  maxBytes: number;
  /** Refuse a file whose real path (symlinks resolved) is outside this folder. */
  root?: string;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LOSSY_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function readTextFile(path: string, options: ReadOptions): ReadResult {
  let real: string;
  try {
    real = realpathSync.native(path); // one system call; the JavaScript one stats every folder of the path, for every file of a scan
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? failed('missing', 'no such file') : failed('unreadable', `cannot read: ${errorCode(error)}`);
  }
  if (options.root !== undefined && !isInside(real, realRoot(options.root))) return failed('outsideRoot', 'a link to a file outside the folder being linted: not followed');
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return failed('unreadable', `cannot read: ${errorCode(error)}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return failed('notRegularFile', 'not a regular file (a pipe, device or socket): not read');
    if (stats.size > options.maxBytes) return failed('tooLarge', `larger than ${formatMegabytes(options.maxBytes)} MB: not read`);
    const bytes = readAll(fd, stats.size, options.maxBytes);
    if (bytes === undefined) return failed('tooLarge', `larger than ${formatMegabytes(options.maxBytes)} MB: not read`);
    let text: string;
    let validUtf8 = true;
    try {
      text = STRICT_UTF8.decode(bytes);
    } catch {
      text = LOSSY_UTF8.decode(bytes);
      validUtf8 = false;
    }
    return { ok: true, text, validUtf8, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch (error) {
    return failed('unreadable', `cannot read: ${errorCode(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** Whether `path` is `root` or below it (both absolute, already real paths). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Whether `path`, with every symlink on the way resolved, stays inside `root`: judged by its nearest
 * part that exists, so a link out of the root gives the same answer whether or not its target exists
 * (which would otherwise tell a repository whether a file outside it exists).
 */
export function resolvesInside(path: string, root: string): boolean {
  let realRootPath: string;
  try {
    realRootPath = realpathSync(root);
  } catch {
    return true; // no root on disk (a config held in memory): no link to leave it through
  }
  for (let part = path; ; part = dirname(part)) {
    try {
      return isInside(realpathSync(part), realRootPath);
    } catch {
      if (dirname(part) === part) return false;
    }
  }
}

/** The real path of a root folder; the path itself when it cannot be resolved (then nothing real is inside it but itself). */
export function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/** Reads to the end, or undefined once past `maxBytes`: a file that grows while read is not read without end. */
function readAll(fd: number, expected: number, maxBytes: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(Math.min(expected - total, maxBytes + 1 - total), 64 * 1024));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) return undefined;
  }
}

function failed(failure: ReadFailure, message: string): ReadResult {
  return { ok: false, failure, message };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

function formatMegabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 100) / 100);
}
