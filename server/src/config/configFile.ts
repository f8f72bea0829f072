// Reads one config file's text (YAML or JSON): its data when valid, otherwise problems located at the
// offending key or value in that file. Never throws on user input.
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import type { CustomPodSpecPath } from '../k8s/podCarriers.js';
import type { LintLimits } from '../text/limits.js';
import { LineIndex, type OffsetRange, type Range } from '../text/positions.js';
import { nodeRange } from '../yaml/nav.js';
import { shortMessage, shown } from './quote.js';
import type { RuleSeverity } from '../engine/config.js';
import { teamPatternProblems, type TeamSecretPattern } from '../secrets/teamPatterns.js';
import { validateConfigData, type JsonPath, type SchemaIssue } from './validate.js';

/** The config file names discovery looks for, in order of preference within one folder. */
export const CONFIG_FILE_NAMES = ['.manifestlint.yaml', '.manifestlint.yml', '.manifestlint.json'] as const;

export type RawRuleSetting = RuleSeverity | { severity?: RuleSeverity; options?: Record<string, unknown> };
export type RawRules = Record<string, RawRuleSetting>;

/** A config file's content, as the schema guarantees it once validated. */
export interface ConfigFileData {
  extends?: string | string[];
  rules?: RawRules;
  overrides?: { files: string[]; rules?: RawRules; dockerfileTarget?: string; limits?: Partial<LintLimits> }[];
  ignore?: string[];
  ignores?: { rule: string; kind?: string; name?: string; namespace?: string; files?: string[]; reason: string }[];
  locked?: string[];
  unusedSuppressions?: RuleSeverity;
  dockerfileTarget?: string;
  limits?: Partial<LintLimits>;
  podSpecPaths?: CustomPodSpecPath[];
  secrets?: { patterns?: TeamSecretPattern[] };
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

/**
 * Copies of anchored values that aliases (`*name`) may make while a config is read: the yaml package's
 * own default, set here on purpose. A "billion laughs" file of nested aliases is refused, not expanded.
 */
const MAX_ALIAS_COUNT = 100;
/** Problems reported per config file; one more says how many were left out. */
const MAX_PROBLEMS = 100;

export function parseConfigFile(path: string, text: string): ParsedConfigFile {
  const lines = new LineIndex(text);
  const problem = (message: string, range: OffsetRange): ConfigProblem => ({ file: path, message, range: lines.rangeOf(range) });
  const failed = (problems: ConfigProblem[], total = problems.length): ParsedConfigFile => ({ path, problems: withCountOfRest(problems, total), extendsRanges: [] });
  try {
    // Duplicate keys are found below with a set: the yaml package's `uniqueKeys` compares every pair of keys.
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    const syntaxErrors = doc.errors.map((e) => ({ message: syntaxMessage(e.message), range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) } })).concat(duplicateKeys(doc));
    if (syntaxErrors.length) {
      syntaxErrors.sort((a, b) => a.range.start - b.range.start);
      return failed(syntaxErrors.slice(0, MAX_PROBLEMS).map((e) => problem(`syntax error: ${e.message}`, e.range)), syntaxErrors.length);
    }
    const data = toData(doc);
    if (!data.ok) return failed([problem(data.message, firstAliasRange(doc) ?? { start: 0, end: 0 })]);
    const extendsRanges = extendsEntryRanges(doc).map((r) => lines.rangeOf(r));
    // Only the issues shown are described and located: locating one searches its mapping's keys.
    const validation = validateConfigData(data.value, MAX_PROBLEMS);
    // What a schema cannot say about team secret patterns: their regex compiles and is safe to run.
    const { issues, total } = validation.total ? validation : secretPatternIssues(data.value as ConfigFileData);
    if (total) {
      const problems = issues.map((issue) => problem(`${pathLabel(issue.path)}${issue.message}`, issueRange(doc, issue)));
      problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      return { ...failed(problems, total), extendsRanges };
    }
    return { path, data: data.value as ConfigFileData, problems: [], extendsRanges };
  } catch (error) {
    // The alias expansion or the validator recursed too deep on a pathological file.
    const why = error instanceof RangeError ? NESTED_TOO_DEEPLY : shortMessage(String(error));
    return failed([problem(`cannot read this config: ${why}`, { start: 0, end: 0 })]);
  }
}

const NESTED_TOO_DEEPLY = 'it is nested too deeply';

function secretPatternIssues(data: ConfigFileData): { issues: SchemaIssue[]; total: number } {
  const issues = (data.secrets?.patterns ?? []).flatMap((pattern, index) =>
    teamPatternProblems(pattern).map((p): SchemaIssue => ({ path: ['secrets', 'patterns', String(index), p.field], target: 'value', message: p.message })),
  );
  return { issues: issues.slice(0, MAX_PROBLEMS), total: issues.length };
}

/** The parser reports running out of stack as a syntax error; say what that means for the file. */
function syntaxMessage(message: string): string {
  return message.startsWith('Maximum call stack size exceeded') ? NESTED_TOO_DEEPLY : shortMessage(message);
}

/** The document as plain data, or why not: aliases copying past the limit are refused before they expand. */
function toData(doc: Document): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {} }; // an empty file is an empty config
  } catch (error) {
    if (error instanceof ReferenceError) {
      return { ok: false, message: `its aliases (*name) expand into more than ${MAX_ALIAS_COUNT} copies of anchored values: not read (a guard against "billion laughs" files)` };
    }
    throw error;
  }
}

/** "Map keys must be unique", as the yaml package says it, at each repeated key: one set per mapping. */
function duplicateKeys(doc: Document): { message: string; range: OffsetRange }[] {
  const found: { message: string; range: OffsetRange }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        if (seen.has(item.key.value) && item.key.range) found.push({ message: 'Map keys must be unique', range: { start: item.key.range[0], end: item.key.range[0] + 1 } });
        seen.add(item.key.value);
      }
    },
  });
  return found;
}

function firstAliasRange(doc: Document): OffsetRange | undefined {
  let first: Alias | undefined;
  visit(doc, {
    Alias(_, alias) {
      first = alias;
      return visit.BREAK;
    },
  });
  return nodeRange(first);
}

/** The first problems of a file, then one that counts the rest (of `total`): a file of thousands of mistakes stays readable. */
function withCountOfRest(shownProblems: ConfigProblem[], total: number): ConfigProblem[] {
  const rest = total - shownProblems.length;
  const last = shownProblems[shownProblems.length - 1];
  if (rest <= 0 || !last) return shownProblems;
  return shownProblems.concat({ ...last, message: `…and ${rest} more problem${rest === 1 ? '' : 's'} in this file` });
}

export function isConfigFileName(path: string): boolean {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/** `ignores[0].reason: ` — where in the config a message is about, for the CLI's one-line output. */
function pathLabel(path: JsonPath): string {
  if (!path.length) return '';
  return `${path.map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : `${i ? '.' : ''}${shown(segment)}`)).join('')}: `;
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
