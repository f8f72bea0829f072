// Reads one config file's text (YAML or JSON): its data when valid, otherwise problems located at the
// offending key or value in that file. Never throws on user input.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { LineIndex } from '../engine/positions.js';
import type { OffsetRange, Range } from '../engine/types.js';
import { nodeRange } from '../yaml/nav.js';
import type { RuleSeverity } from './types.js';
import { validateConfigData, type JsonPath, type SchemaIssue } from './validate.js';

/** The config file names discovery looks for, in order of preference within one folder. */
export const CONFIG_FILE_NAMES = ['.manifestlint.yaml', '.manifestlint.yml', '.manifestlint.json'] as const;

export type RawRuleSetting = RuleSeverity | { severity?: RuleSeverity; options?: Record<string, unknown> };
export type RawRules = Record<string, RawRuleSetting>;

/** A config file's content, as the schema guarantees it once validated. */
export interface ConfigFileData {
  extends?: string | string[];
  rules?: RawRules;
  overrides?: { files: string[]; rules?: RawRules; dockerfileTarget?: string }[];
  ignore?: string[];
  ignores?: { rule: string; kind?: string; name?: string; namespace?: string; files?: string[]; reason: string }[];
  locked?: string[];
  unusedSuppressions?: RuleSeverity;
  dockerfileTarget?: string;
}

/** A mistake in a config file, where it is. */
export interface ConfigProblem {
  /** Absolute path of the config file. */
  file: string;
  message: string;
  range: Range;
}

export interface ParsedConfigFile {
  path: string;
  /** Undefined when the file does not parse or does not match the schema. */
  data?: ConfigFileData;
  problems: ConfigProblem[];
  /** Where each `extends` entry is written, for problems about resolving it. */
  extendsRanges: Range[];
}

export function parseConfigFile(path: string, text: string): ParsedConfigFile {
  const lines = new LineIndex(text);
  const problem = (message: string, range: OffsetRange): ConfigProblem => ({ file: path, message, range: lines.rangeOf(range) });
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const problems = doc.errors.map((e) => problem(`syntax error: ${e.message.split('\n')[0]}`, { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }));
    return { path, problems, extendsRanges: [] };
  }
  const data: unknown = doc.toJS() ?? {}; // an empty file is an empty config
  const extendsRanges = extendsEntryRanges(doc).map((r) => lines.rangeOf(r));
  const issues = validateConfigData(data);
  if (issues.length) {
    const problems = issues.map((issue) => problem(`${pathLabel(issue.path)}${issue.message}`, issueRange(doc, issue)));
    problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { path, problems, extendsRanges };
  }
  return { path, data: data as ConfigFileData, problems: [], extendsRanges };
}

export function isConfigFileName(path: string): boolean {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/** `ignores[0].reason: ` — where in the config a message is about, for the CLI's one-line output. */
function pathLabel(path: JsonPath): string {
  if (!path.length) return '';
  return `${path.map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : `${i ? '.' : ''}${segment}`)).join('')}: `;
}

interface Located {
  pair?: Pair;
  node?: Node;
}

/** The pair holding the value at `path` and the value itself, following the document's structure. */
function locate(doc: Document, path: JsonPath): Located {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      pair = node.items.find((item): item is Pair => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
      node = (pair?.value as Node | undefined) ?? null;
    } else if (isSeq(node)) {
      pair = undefined;
      node = (node.items[Number(segment)] as Node | undefined) ?? null;
    } else {
      return {};
    }
    if (!node && !pair) return {};
  }
  return { pair, node: node ?? undefined };
}

function issueRange(doc: Document, issue: SchemaIssue): OffsetRange {
  const found = locate(doc, issue.path);
  const keyRange = nodeRange(found.pair?.key as Node | undefined);
  const valueRange = nodeRange(found.node);
  const fileStart = { start: 0, end: 0 };
  if (issue.target === 'key') return keyRange ?? valueRange ?? fileStart;
  if (issue.target === 'missing') {
    // Point at the key that holds the incomplete mapping, or at a list item's first key.
    if (keyRange) return keyRange;
    const firstKey = isMap(found.node) ? nodeRange(found.node.items[0]?.key as Node | undefined) : undefined;
    return firstKey ?? valueRange ?? fileStart;
  }
  return valueRange ?? keyRange ?? fileStart;
}

function extendsEntryRanges(doc: Document): OffsetRange[] {
  const { node } = locate(doc, ['extends']);
  if (isSeq(node)) return node.items.map((item) => nodeRange(item as Node) ?? { start: 0, end: 0 });
  const single = nodeRange(node);
  return single ? [single] : [];
}
