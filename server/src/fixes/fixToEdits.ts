// One fix (or a set of changes) → minimal text edits. The single place structured fixes become text:
// the server's code actions, fix-all, the CLI's --fix and the tests all come through here.
import type { ParsedFile } from '../engine/runRules.js';
import type { LineIndex } from '../text/positions.js';
import type { Fix, FixChange } from '../engine/types.js';
import { FixSource } from './fixSource.js';
import { standsForPatchText } from '../k8s/kustomizePatches.js';
import { byPosition, editsAreDisjoint, sameEdit, type TextEdit } from '../text/edits.js';
import { yamlChangesToEdits, type YamlChange } from '../yamlEdits/plan.js';

/**
 * The edits that apply `fix` to `text`, or an empty list when the fix cannot be applied safely (its
 * nodes are not in `file`, or its changes would collide). `file` and `lines` come from the lint of `text`.
 */
export function fixToEdits(text: string, fix: Fix, lines: LineIndex, file: ParsedFile | undefined): TextEdit[] {
  return changesToEdits(fix.changes, new FixSource(text, lines, file)) ?? [];
}

/** Edits for changes planned together (inserts into one mapping become one block); undefined if impossible. */
export function changesToEdits(changes: readonly FixChange[], source: FixSource): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const yamlChanges: YamlChange[] = [];
  for (const change of changes) {
    if (change.kind === 'text.replace') edits.push({ start: change.range.start, end: change.range.end, newText: change.text });
    else if (change.kind === 'text.insertLines') edits.push(insertLinesEdit(change.offset, change.lines, source));
    else if (change.kind === 'file.edit') continue; // another file's edit: see fileEdits()
    else if (editsBuiltNode(change)) return undefined;
    else yamlChanges.push(change);
  }
  if (yamlChanges.length > 0) {
    if (source.file?.language !== 'yaml') return undefined;
    const yamlEdits = yamlChangesToEdits(yamlChanges, source, source.file);
    if (!yamlEdits) return undefined;
    for (const edit of yamlEdits) edits.push(edit);
  }
  const unique = edits.sort(byPosition).filter((edit, i) => i === 0 || !sameEdit(edit, edits[i - 1]));
  return editsAreDisjoint(unique) ? unique : undefined;
}

/** A node that stands for Kustomize patch text (k8s/kustomizePatches.ts) is never edited. */
function editsBuiltNode(change: YamlChange): boolean {
  switch (change.kind) {
    case 'yaml.set':
      return standsForPatchText(change.node);
    case 'yaml.insert':
      return standsForPatchText(change.map);
    case 'yaml.append':
      return standsForPatchText(change.seq);
    case 'yaml.remove':
      return standsForPatchText(change.target);
  }
}

function insertLinesEdit(offset: number, lines: readonly string[], source: FixSource): TextEdit {
  const index = source.lines;
  const start = index.lineStart(index.positionAt(offset).line);
  return { start, end: start, newText: lines.map((line) => line + index.eol).join('') };
}

export type FileEdit = Extract<FixChange, { kind: 'file.edit' }>;

/** The changes of `fix` to files other than the linted one (a `.dockerignore` created or extended). */
export function fileEdits(fix: Fix): FileEdit[] {
  return fix.changes.filter((change): change is FileEdit => change.kind === 'file.edit');
}
