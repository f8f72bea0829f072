// Writes fixed text over a file without ever losing what was there: the new content goes to a temporary
// file beside it, which replaces the original in one rename, and only if the original is still what the
// fixes were computed from. A failure at any step leaves the original as it was. A file a fix creates
// (a .dockerignore) appears whole, in one link, and never over one that appeared meanwhile.
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { readTextFile } from '../files/readText.js';

/** What the fixes were computed from: the file's text as read. */
export interface ReadSnapshot {
  text: string;
  size: number;
}

export type ReplaceResult = { ok: true } | { ok: false; reason: 'changed' | 'failed'; message: string };

/** The file operations used; a test replaces one to play a disk that fails mid-write. */
export interface ReplaceIo {
  openSync(path: string, flags: string, mode: number): number;
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, newPath: string): void;
  unlinkSync(path: string): void;
}

/**
 * Replaces the file at `path` with `text` (UTF-8) if it still holds `snapshot.text`. A symlink is
 * followed, so the link stays a link; the file's permission bits (and, where allowed, owner) are kept.
 */
export function replaceIfUnchanged(path: string, text: string, snapshot: ReadSnapshot, io: ReplaceIo = fs): ReplaceResult {
  let target: string;
  let stats: fs.Stats;
  try {
    target = fs.realpathSync(path);
    stats = fs.statSync(target);
  } catch (error) {
    return failed(error);
  }
  const temp = tempPathBeside(target);
  let created = false;
  try {
    // Private until it has the original's mode.
    writeTemp(io, temp, text, 0o600, (fd) => {
      io.fchmodSync(fd, stats.mode & 0o7777);
      keepOwner(io, fd, stats);
    });
    created = true;
    // Compared as late as possible; an edit landing between this check and the rename is the one window left.
    if (!stillAsRead(target, snapshot)) {
      io.unlinkSync(temp);
      return { ok: false, reason: 'changed', message: 'Not fixed: the file changed on disk while it was being fixed; run the fix again.' };
    }
    io.renameSync(temp, target);
    return { ok: true };
  } catch (error) {
    if (created) removeQuietly(io, temp);
    return failed(error);
  }
}

/**
 * Creates the file at `path` holding `text` (UTF-8), only if nothing is there: the content is written
 * to a temporary file first and linked into place, which fails rather than replace a file (or a link)
 * that appeared since the fix was planned. The new file gets the usual permissions (umask applies).
 */
export function createIfAbsent(path: string, text: string, io: ReplaceIo = fs): ReplaceResult {
  const temp = tempPathBeside(path);
  try {
    writeTemp(io, temp, text, 0o666);
  } catch (error) {
    return failed(error);
  }
  try {
    io.linkSync(temp, path);
    return { ok: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return failed(error);
    return { ok: false, reason: 'changed', message: 'Not fixed: the file appeared on disk while it was being created; run the fix again.' };
  } finally {
    removeQuietly(io, temp);
  }
}

/** A short name: beside a file whose own name is near the length limit, a longer one could not be created. */
function tempPathBeside(path: string): string {
  return join(dirname(path), `.manifestlint-${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `text` to a new temporary file (`mode`, less the umask; `prepare` runs first); on a failure, removes it and throws. */
function writeTemp(io: ReplaceIo, temp: string, text: string, mode: number, prepare?: (fd: number) => void): void {
  const fd = io.openSync(temp, 'wx', mode);
  try {
    try {
      prepare?.(fd);
      writeAll(io, fd, Buffer.from(text, 'utf8'));
      io.fsyncSync(fd); // the rename (or link) must not land before the content does
    } finally {
      io.closeSync(fd);
    }
  } catch (error) {
    removeQuietly(io, temp);
    throw error;
  }
}

function writeAll(io: ReplaceIo, fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) {
    const count = io.writeSync(fd, bytes, written, bytes.length - written);
    if (count <= 0) throw new Error('the disk accepted no more bytes');
    written += count;
  }
}

function stillAsRead(target: string, snapshot: ReadSnapshot): boolean {
  // A file that grew past its old size is not read in full: it changed.
  const current = readTextFile(target, { maxBytes: snapshot.size });
  return current.ok && current.text === snapshot.text;
}

/** Only root may give a file away; for anyone else the new file is theirs already, as the old one was. */
function keepOwner(io: ReplaceIo, fd: number, stats: fs.Stats): void {
  try {
    io.fchownSync(fd, stats.uid, stats.gid);
  } catch {
    // EPERM for a non-root user fixing a file of their own group: the group is theirs, nothing is lost.
  }
}

function removeQuietly(io: ReplaceIo, temp: string): void {
  try {
    io.unlinkSync(temp);
  } catch {
    // Already gone, or the folder turned read-only: the original is intact either way.
  }
}

function failed(error: unknown): ReplaceResult {
  return { ok: false, reason: 'failed', message: `Not fixed: cannot write the fixed file (${(error as Error).message}); the file is unchanged.` };
}
