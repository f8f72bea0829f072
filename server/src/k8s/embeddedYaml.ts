// YAML written inside a YAML string (a kustomization's `patch: |`): parsed as the text the string holds,
// which is what the tool reading it sees, with every node's range moved to where it is written in the
// file, so that findings and fixes on it point into the file like any other.
import { parseAllDocuments, Scalar, visit, type Document, type Node } from 'yaml';

/** A line of the string's value and where it starts, in the value and in the file. */
interface LineStart {
  value: number;
  file: number;
}

/**
 * The documents a block literal (`|`, `|-`, `|+`) holds, without those that do not parse, ranges in
 * `fileText`. Undefined for any other scalar (a quoted or folded string has escapes or joined lines:
 * its offsets do not map), or when the value is not the file's lines less their indentation.
 */
export function parseBlockLiteral(node: Scalar, fileText: string): Document.Parsed[] | undefined {
  if (node.type !== Scalar.BLOCK_LITERAL || typeof node.value !== 'string' || !node.range) return undefined;
  const lines = lineStarts(node.value, fileText, node.range[0]);
  if (!lines) return undefined;
  const toFile = (offset: number) => {
    const line = lines[lastAtOrBefore(lines, offset)];
    return line.file + (offset - line.value);
  };
  const docs = parseAllDocuments(node.value, { prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(docs)) return [];
  const parsed = docs.filter((doc) => doc.errors.length === 0);
  for (const doc of parsed) {
    doc.range = [toFile(doc.range[0]), toFile(doc.range[1]), toFile(doc.range[2])];
    visit(doc, {
      Node(_key, item: Node) {
        if (item.range) item.range = [toFile(item.range[0]), toFile(item.range[1]), toFile(item.range[2])];
      },
    });
  }
  return parsed;
}

/**
 * Where each line of `value` starts in the file: the content starts on the line after the header at
 * `header`, and each of its lines is the file's line less its indentation (spaces only).
 */
function lineStarts(value: string, fileText: string, header: number): LineStart[] | undefined {
  const headerEnd = fileText.indexOf('\n', header);
  if (headerEnd === -1) return undefined;
  const starts: LineStart[] = [];
  let inValue = 0;
  let inFile = headerEnd + 1;
  // Each pass consumes one line of both texts.
  for (;;) {
    // After the value's last line break: nothing of the file to compare (the next key may be there).
    if (inValue === value.length && starts.length > 0) {
      starts.push({ value: inValue, file: inFile });
      return starts;
    }
    const valueEnd = endOfLine(value, inValue);
    const fileEnd = endOfLine(fileText, inFile);
    const line = value.slice(inValue, valueEnd);
    const written = fileText.slice(inFile, fileEnd).replace(/\r$/, '');
    const indentation = written.slice(0, written.length - line.length);
    if (!written.endsWith(line) || !/^ *$/.test(indentation)) return undefined;
    starts.push({ value: inValue, file: inFile + indentation.length });
    if (valueEnd === value.length) return starts;
    if (fileEnd === fileText.length) return undefined;
    inValue = valueEnd + 1;
    inFile = fileEnd + 1;
  }
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** The index of the last line starting at or before `offset` (binary search: lines are in order). */
function lastAtOrBefore(lines: readonly LineStart[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].value <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
