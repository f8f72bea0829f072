// Writes a fix's edit of another file (a .dockerignore created or extended) for `scan --fix`. The file is
// created only where none exists, and extended only while it still holds the text the fix was planned
// from (`before`): a file that changed since, or that is not valid UTF-8, is left as it is.
import { basename, dirname } from 'node:path';
import { readTextFile } from '../files/readText.js';
import { createIfAbsent, replaceIfUnchanged, type ReplaceResult } from './atomicReplace.js';
import type { FileEdit } from './fixToEdits.js';

/** Writes `edit`; a refusal's message names the file (it is reported on the file whose fix it was). */
export function writeFileEdit(edit: FileEdit): ReplaceResult {
  const result = edit.before === undefined ? createIfAbsent(edit.path, edit.text) : extend(edit, edit.before);
  return result.ok ? result : { ...result, message: `${basename(edit.path)}: ${result.message}` };
}

function extend(edit: FileEdit, before: string): ReplaceResult {
  // Larger than it was read: it changed. A link out of its folder is not followed.
  const read = readTextFile(edit.path, { maxBytes: Buffer.byteLength(before, 'utf8'), root: dirname(edit.path) });
  if (!read.ok || read.text !== before) return { ok: false, reason: 'changed', message: 'Not fixed: the file changed on disk since it was read; run the fix again.' };
  if (!read.validUtf8) return { ok: false, reason: 'failed', message: 'Not fixed: the file is not valid UTF-8, and rewriting it would replace the bytes that are not.' };
  return replaceIfUnchanged(edit.path, before + edit.text, read);
}
