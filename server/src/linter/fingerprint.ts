// A finding's fingerprint: what is wrong and where in the model, never where in the text. A baseline
// and code scanning match findings across commits by it, so it must survive edits elsewhere in the file
// (lines added above, documents reordered, an unrelated key renamed) and change when the offending value
// does. It is built from the rule id, the resource (kind/namespace/name), the path to the offending node
// (list items by their `name` where they have one), or the Dockerfile stage and instruction, and the
// offending text masked as secrets are in messages: a fingerprint never carries a secret.
import { createHash } from 'node:crypto';
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { DockerfileFile } from '../dockerfile/model.js';
import type { LintResult } from '../engine/runRules.js';
import type { Finding } from '../engine/types.js';
import type { YamlFile } from '../k8s/yamlFile.js';
import { redact } from '../secrets/redact.js';
import { lastAtOrBefore } from '../text/sortedSearch.js';

/** Bumped when the recipe changes: old baselines then match nothing rather than the wrong finding. */
const RECIPE = 'manifestlint-fingerprint/v1';
/** Descent stops here: a path this deep identifies a node well enough, and a hostile file cannot make it costly. */
const MAX_DEPTH = 64;

/** One fingerprint per finding of `result`, in the same order; `text` is the text that was linted. */
export function fingerprints(result: LintResult, text: string): string[] {
  const locate = locator(result.file);
  return result.findings.map((finding) => {
    const masked = redact(text.slice(finding.offsets.start, finding.offsets.end));
    return createHash('sha256').update([RECIPE, finding.ruleId, locate(finding), masked].join('\u0000')).digest('hex').slice(0, 32);
  });
}

type Locator = (finding: Finding) => string;

function locator(file: LintResult['file']): Locator {
  if (!file) return () => '';
  return file.language === 'yaml' ? yamlLocator(file) : dockerfileLocator(file);
}

function yamlLocator(file: YamlFile): Locator {
  const starts = file.documents.map((document) => document.doc.range[0]);
  return (finding) => {
    if (starts.length === 0) return '';
    const document = file.documents[lastAtOrBefore(starts, finding.offsets.start)].doc;
    return `${resourceIdentity(document)}|${pathTo(document.contents, finding.offsets.start).join('/')}`;
  };
}

/** `Deployment/shop/api` for a Kubernetes object; empty for other YAML (values files, Compose, CI configs). */
function resourceIdentity(document: Document.Parsed): string {
  const root = document.contents;
  if (!isMap(root)) return '';
  const metadata = root.get('metadata');
  const read = (map: unknown, key: string) => (isMap(map) ? String(map.get(key) ?? '') : '');
  return [read(root, 'kind'), read(metadata, 'namespace'), read(metadata, 'name')].join('/');
}

/** Keys and list items from `root` down to the deepest node that contains `offset`. */
function pathTo(root: unknown, offset: number): string[] {
  const path: string[] = [];
  let node = root;
  while (path.length < MAX_DEPTH && (isMap(node) || isSeq(node))) {
    const items: unknown[] = node.items;
    const index = items.findIndex((item) => contains(isPair(item) ? item.value ?? item.key : item, offset) || (isPair(item) && contains(item.key, offset)));
    if (index === -1) break;
    const item = items[index];
    if (isPair(item)) {
      path.push(isScalar(item.key) ? String(item.key.value) : `#${index}`);
      node = contains(item.key, offset) ? undefined : item.value;
    } else {
      path.push(itemName(item) ?? `#${index}`);
      node = item;
    }
  }
  return path;
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return Boolean(range && offset >= range[0] && offset < Math.max(range[2], range[0] + 1));
}

/** A list item's `name` (containers, env vars, volumes, ports): stays when items are reordered. */
function itemName(item: unknown): string | undefined {
  const name = isMap(item) ? item.get('name') : undefined;
  return typeof name === 'string' ? `name=${name}` : undefined;
}

function dockerfileLocator(file: DockerfileFile): Locator {
  const starts = file.instructions.map((instruction) => instruction.range.start);
  return (finding) => {
    if (starts.length === 0) return '';
    const instruction = file.instructions[lastAtOrBefore(starts, finding.offsets.start)];
    const stage = instruction.stage ? (instruction.stage.name ?? `#${instruction.stage.index}`) : '';
    return `${stage}|${instruction.keyword}`;
  };
}

/**
 * The fingerprint of a finding made from summaries (a workspace rule's), without a parsed model: its
 * rule and message, which name the resources and files involved and never a line.
 */
export function fingerprintOf(finding: Finding): string {
  return createHash('sha256').update([RECIPE, finding.ruleId, 'workspace', finding.message].join('\u0000')).digest('hex').slice(0, 32);
}
