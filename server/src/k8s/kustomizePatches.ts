// What a kustomization's patches write, as partial resources the Kubernetes rules check like any other
// resource (no second implementation of any check): an inline strategic-merge patch is the resource it
// writes; JSON 6902 operations (inline, or the file a kustomization names as a patch) become the fields
// their `add` and `replace` write, each value where it is written. Fields a patch leaves out stay the
// base's: never reported as missing.
import { Document, isMap, isPair, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { OffsetRange } from '../text/positions.js';
import { YamlNav, nodeRange, type Field } from '../yaml/nav.js';
import { parseBlockLiteral } from './embeddedYaml.js';
import { inlinePatchesOf, isKustomizationFileName } from './kustomize.js';
import { buildResources, type K8sResource, type ModelOptions } from './model.js';
import { podCarrierOf } from './podCarriers.js';

/** A parsed YAML document of the file being linted. */
interface ParsedDocument {
  doc: Document.Parsed;
  nav: YamlNav;
}

/**
 * The partial resources `document` holds beside the ones it is: a kustomization's inline patches, or,
 * in a file a kustomization names as a patch (`model.partial`), a list of JSON 6902 operations.
 */
export function kustomizePatchResources(document: ParsedDocument, text: string, uri: string, model: ModelOptions): K8sResource[] {
  const { doc, nav } = document;
  const root = nav.resolve(doc.contents);
  if (isSeq(root)) return model.partial ? jsonPatchResources(root, nav, undefined, model) : [];
  if (!isMap(root) || !isKustomization(root, nav, uri)) return [];
  const resources: K8sResource[] = [];
  for (const { patch, target } of inlinePatchesOf(root, nav)) {
    for (const patchDoc of parseBlockLiteral(patch, text) ?? []) {
      markTree(patchDoc);
      const patchNav = new YamlNav(patchDoc);
      const contents = patchNav.resolve(patchDoc.contents);
      const found = isSeq(contents) ? jsonPatchResources(contents, patchNav, patchTarget(target, nav), model) : buildResources(patchDoc, patchNav, { ...model, partial: true });
      for (const resource of found) resources.push(resource);
    }
  }
  return resources;
}

const KUSTOMIZE_KINDS = new Set(['Kustomization', 'Component']);

function isKustomization(root: YAMLMap, nav: YamlNav, uri: string): boolean {
  const kind = nav.string(root, 'kind');
  return kind === undefined ? isKustomizationFileName(uri) : KUSTOMIZE_KINDS.has(kind);
}

/** What a JSON 6902 patch applies to, as far as the kustomization says (`target:`), and where it says so. */
interface PatchTarget {
  apiVersion?: string;
  kind?: Field;
  name?: Field;
}

function patchTarget(target: YAMLMap | undefined, nav: YamlNav): PatchTarget | undefined {
  if (!target) return undefined;
  const group = nav.string(target, 'group');
  const version = nav.string(target, 'version');
  const kind = nav.field(target, 'kind');
  const name = nav.field(target, 'name');
  const apiVersion = version === undefined ? undefined : group ? `${group}/${version}` : version;
  return { apiVersion, ...(typeof kind?.value === 'string' && { kind }), ...(typeof name?.value === 'string' && { name }) };
}

/** The workload a pod path belongs to when nothing names the target's kind: the shape of the path decides. */
const KIND_BY_PATH: readonly { prefix: string; apiVersion: string; kind: string }[] = [
  { prefix: '/spec/jobTemplate/spec/template/', apiVersion: 'batch/v1', kind: 'CronJob' },
  { prefix: '/spec/template/', apiVersion: 'apps/v1', kind: 'Deployment' },
  { prefix: '/spec/', apiVersion: 'v1', kind: 'Pod' },
];

/** The operations' writes as one partial resource of the target's kind; none when no operation writes a value. */
function jsonPatchResources(operations: YAMLSeq, nav: YamlNav, target: PatchTarget | undefined, model: ModelOptions): K8sResource[] {
  const tree = new PatchedTree();
  let firstPath: Field | undefined;
  for (const item of nav.items(operations)) {
    if (!isMap(item)) continue;
    const op = nav.string(item, 'op');
    const path = nav.field(item, 'path');
    const value = nav.field(item, 'value');
    // `remove`, `move`, `copy` and `test` introduce no value of their own; a missing field is never a finding.
    if ((op !== 'add' && op !== 'replace') || !path || !value) continue;
    const segments = pointerSegments(path);
    if (!segments) continue;
    // The field the operation writes is its `value:` pair: findings on it sit there, as on `privileged: true`.
    segments[segments.length - 1] = { ...segments[segments.length - 1], range: value.keyRange };
    tree.set(segments, value.node);
    firstPath ??= path;
  }
  if (!firstPath) return [];
  const kindName = typeof target?.kind?.value === 'string' ? target.kind.value : undefined;
  const byPath = KIND_BY_PATH.find((entry) => String(firstPath?.value).startsWith(entry.prefix));
  const kind = kindName ?? byPath?.kind;
  if (!kind) return [];
  const apiVersion = target?.apiVersion ?? (kindName === undefined ? byPath?.apiVersion : apiVersionOf(kindName));
  // Resource-level findings sit on the target's kind, or on the first path when nothing names it.
  const at = target?.kind?.valueRange ?? firstPath.valueRange;
  tree.set([{ name: 'apiVersion', range: at }], scalar(apiVersion ?? 'v1', at));
  tree.set([{ name: 'kind', range: at }], scalar(kind, at));
  // The target's name, for messages: a copy, so that no fix reaches the kustomization's own `name:`.
  if (target?.name) tree.set([{ name: 'metadata', range: at }, { name: 'name', range: target.name.keyRange }], scalar(String(target.name.value), target.name.valueRange));
  const root = tree.root;
  root.range = [at.start, at.end, at.end];
  // A document of its own, as buildResources reads one: the root has its range now, as a parsed one does.
  const doc = new Document() as Document.Parsed;
  doc.contents = root as YAMLMap.Parsed;
  return buildResources(doc, new YamlNav(doc), { ...model, partial: true });
}

/** A target named by kind alone (`kind: Deployment`): the API group of the workload of that kind. */
function apiVersionOf(kind: string): string {
  const group = podCarrierOf(undefined, kind)?.group;
  return group ? `${group}/v1` : 'v1';
}

/** A JSON pointer's segment, unescaped (`~1` is `/`, `~0` is `~`), and where it is written. */
interface Segment {
  name: string;
  range: OffsetRange;
}

/** The segments of a JSON pointer (`/spec/template/…`); undefined when it is not one. */
function pointerSegments(path: Field): Segment[] | undefined {
  const pointer = path.value;
  if (typeof pointer !== 'string' || !pointer.startsWith('/')) return undefined;
  const base = writtenStart(path.node, pointer);
  const segments: Segment[] = [];
  // Each pass consumes one segment and the `/` before it.
  for (let start = 1; start <= pointer.length; ) {
    const slash = pointer.indexOf('/', start);
    const end = slash === -1 ? pointer.length : slash;
    const range = base === undefined ? path.valueRange : { start: base + start, end: base + end };
    segments.push({ name: pointer.slice(start, end).replace(/~1/g, '/').replace(/~0/g, '~'), range });
    start = end + 1;
  }
  return segments;
}

/** Where the pointer's first character is in the file, when the scalar is written as its value is (no escapes). */
function writtenStart(node: Node, value: string): number | undefined {
  const range = nodeRange(node);
  if (!range || !isScalar(node)) return undefined;
  const quoted = node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE;
  if (!quoted && node.type !== Scalar.PLAIN) return undefined;
  return range.end - range.start === value.length + (quoted ? 2 : 0) ? range.start + (quoted ? 1 : 0) : undefined;
}

/**
 * Nodes no fix may edit: those built here from JSON 6902 paths, whose ranges point at text that is not
 * them (a path segment, the target's kind), and those parsed from a patch string, made afresh by each
 * lint (the editor's cache of a document's findings would keep them past a move of the text). The
 * values a JSON 6902 patch file writes are the file's own nodes: fixes edit them as usual.
 */
const built = new WeakSet<object>();

/** Whether a fix would edit a node that stands for patch text rather than a node of the file itself. */
export function standsForPatchText(node: unknown): boolean {
  return typeof node === 'object' && node !== null && built.has(node);
}

function markTree(doc: Document.Parsed): void {
  visit(doc, {
    Node: (_key, node) => void built.add(node),
    Pair: (_key, pair) => void built.add(pair),
  });
}

function scalar(value: string, range: OffsetRange): Scalar {
  const node = new Scalar(value);
  node.range = [range.start, range.end, range.end];
  built.add(node);
  return node;
}

/** A list index or `-` (append): the segment before it names a list. */
const LIST_INDEX = /^(?:\d+|-)$/;

/**
 * The mappings and lists JSON 6902 operations write into, built from their paths. Nodes parsed from the
 * file are never changed (the parse cache may hand them to the next lint): a path that goes on inside
 * a value written by an earlier operation continues in a copy of that value.
 */
class PatchedTree {
  /** Where each key (or list index) of a built mapping (or list) is among its items: found without a scan. */
  private readonly positions = new WeakMap<YAMLMap | YAMLSeq, Map<string, number>>();
  readonly root = this.create('map', undefined);

  set(segments: readonly Segment[], value: Node): void {
    let parent: YAMLMap | YAMLSeq = this.root;
    for (let i = 0; i < segments.length - 1; i++) parent = this.child(parent, segments[i], LIST_INDEX.test(segments[i + 1].name) ? 'list' : 'map');
    this.put(parent, segments[segments.length - 1], value);
  }

  /** The mapping or list at `segment` below `parent`, built (or copied) when it is not one of ours. */
  private child(parent: YAMLMap | YAMLSeq, segment: Segment, shape: 'map' | 'list'): YAMLMap | YAMLSeq {
    const existing = this.get(parent, segment);
    const fitting = shape === 'list' ? (isSeq(existing) ? existing : undefined) : isMap(existing) ? existing : undefined;
    if (fitting && built.has(fitting)) return fitting;
    const node = fitting ? this.copy(fitting) : this.create(shape, segment);
    this.put(parent, segment, node);
    return node;
  }

  private get(parent: YAMLMap | YAMLSeq, segment: Segment): unknown {
    const position = this.positions.get(parent)?.get(segment.name);
    if (position === undefined) return undefined;
    const item: unknown = parent.items[position];
    return isPair(item) ? item.value : item;
  }

  /** Writes `node` at `segment`: a later operation on the same path replaces the earlier one's pair, range and all. */
  private put(parent: YAMLMap | YAMLSeq, segment: Segment, node: Node): void {
    const positions = this.positions.get(parent);
    const position = segment.name === '-' ? undefined : positions?.get(segment.name);
    if (position === undefined && segment.name !== '-') positions?.set(segment.name, parent.items.length);
    const at = position ?? parent.items.length;
    if (isSeq(parent)) parent.items[at] = node;
    else parent.items[at] = this.mark(new Pair(scalar(segment.name, segment.range), node));
  }

  private mark<T extends object>(node: T): T {
    built.add(node);
    return node;
  }

  private create(shape: 'map' | 'list', segment: Segment | undefined): YAMLMap | YAMLSeq {
    const node = this.mark(shape === 'list' ? new YAMLSeq() : new YAMLMap());
    if (segment) node.range = [segment.range.start, segment.range.end, segment.range.end];
    this.positions.set(node, new Map());
    return node;
  }

  /** A built copy of a value an earlier operation wrote, which stays as parsed. */
  private copy(node: YAMLMap | YAMLSeq): YAMLMap | YAMLSeq {
    const positions = new Map<string, number>();
    if (isSeq(node)) {
      const list = this.mark(new YAMLSeq());
      list.range = node.range;
      list.items = [...node.items];
      for (let i = 0; i < list.items.length; i++) positions.set(String(i), i);
      this.positions.set(list, positions);
      return list;
    }
    const map = this.mark(new YAMLMap());
    map.range = node.range;
    map.items = node.items.map((pair, i) => {
      if (isScalar(pair.key)) positions.set(String(pair.key.value), i);
      return this.mark(new Pair(pair.key, pair.value));
    });
    this.positions.set(map, positions);
    return map;
  }
}
