// How a YAML document is laid out (indent width, whether sequences are indented under their key) and how
// values are written in it, so inserted text looks like the user wrote it.
import type { LineIndex } from '../text/positions.js';
import type { YamlPlain } from '../engine/types.js';

export interface YamlLayout {
  /** Columns a nested mapping is indented by (2 or 4 in practice). */
  indent: number;
  /** Columns from a key to the `-` of its block sequence: 0 for `key:\n- item`, usually `indent` otherwise. */
  sequenceIndent: number;
}

/** A key that opens a block on the next line (`key:`, `- key:`, optionally with a trailing comment). */
const BLOCK_OPENER = /^( *)((?:- +)*)(?:"[^"]*"|'[^']*'|[^\s#'"-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]+#.*)?[ \t]*$/;
const LEADING_SPACES = /^ */;
const SEQUENCE_ITEM = /^ *-(?: |$)/;
const COMMENT_OR_BLANK = /^\s*(?:#.*)?$/;

/** Learns the layout from every `key:` that opens a block: how far its first child is indented. */
export function detectLayout(lines: LineIndex): YamlLayout {
  const mapSteps = new Map<number, number>();
  const sequenceSteps = new Map<number, number>();
  let opener: number | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (COMMENT_OR_BLANK.test(content)) continue;
    const indentation = LEADING_SPACES.exec(content)?.[0].length ?? 0;
    if (opener !== undefined) {
      const step = indentation - opener;
      if (SEQUENCE_ITEM.test(content)) count(sequenceSteps, step);
      else if (step > 0) count(mapSteps, step);
    }
    const match = BLOCK_OPENER.exec(content);
    opener = match ? match[1].length + match[2].length : undefined;
  }
  const indent = mostFrequent(mapSteps) ?? 2;
  return { indent, sequenceIndent: mostFrequent(sequenceSteps) ?? indent };
}

function count(counts: Map<number, number>, key: number): void {
  if (key >= 0) counts.set(key, (counts.get(key) ?? 0) + 1);
}

function mostFrequent(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  for (const [value, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Plain scalars that YAML would read as something other than the string (booleans, null, numbers). */
const NON_STRING_PLAIN = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i;
const SAFE_PLAIN = /^[A-Za-z0-9_/.][\w./-]*$/;

export function plainScalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  return SAFE_PLAIN.test(value) && !NON_STRING_PLAIN.test(value) ? value : JSON.stringify(value);
}

/** A string written in the quoting style an existing scalar used (`"…"`, `'…'` or plain). */
export function scalarInStyle(value: string | number | boolean, style: string | undefined): string {
  if (typeof value !== 'string') return String(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  return plainScalar(value);
}

export function flowValue(value: YamlPlain): string {
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{${flowEntries(value)}}`;
  return plainScalar(value);
}

export function flowEntries(map: { [key: string]: YamlPlain }): string {
  return Object.entries(map)
    .map(([key, value]) => `${plainScalar(key)}: ${flowValue(value)}`)
    .join(', ');
}

/** `map` as block YAML lines, its keys at column `column` (nested values follow `layout`). */
export function blockLines(map: { [key: string]: YamlPlain }, column: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(column);
  return Object.entries(map).flatMap(([key, value]) => {
    const head = `${pad}${plainScalar(key)}:`;
    if (Array.isArray(value) && value.length > 0) {
      return [head, ...value.flatMap((item) => sequenceItemLines(item, column + layout.sequenceIndent, layout))];
    }
    if (isPlainMap(value) && Object.keys(value).length > 0) return [head, ...blockLines(value, column + layout.indent, layout)];
    return [`${head} ${flowValue(value)}`];
  });
}

/** One block sequence item (`- value`) with its `-` at column `column`. */
export function sequenceItemLines(item: YamlPlain, column: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(column);
  if (!isPlainMap(item) || Object.keys(item).length === 0) return [`${pad}- ${flowValue(item)}`];
  const [first, ...rest] = blockLines(item, column + 2, layout);
  return [`${pad}- ${first.trimStart()}`, ...rest];
}

export function isPlainMap(value: YamlPlain): value is { [key: string]: YamlPlain } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
