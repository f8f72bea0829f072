// Parses a YAML file into documents, syntax errors and the Kubernetes resources it holds.
import type { Alias, Document, Node } from 'yaml';
import { YamlDocumentCache } from '../yaml/documentCache.js';
import { duplicateKeys } from '../yaml/duplicateKeys.js';
import type { OffsetRange } from '../text/positions.js';
import type { Severity } from '../text/severity.js';
import { hasGoTemplateFields } from '../helm/detect.js';
import { helmTemplateOf, templateOf, type HelmTemplate } from '../helm/template.js';
import { buildResources, type Container, type K8sResource, type ModelOptions, type PodSpec } from './model.js';
import { kustomizePatchResources } from './kustomizePatches.js';
import { YamlNav } from '../yaml/nav.js';
import { navOf, resourcesOf } from './documentModels.js';
import { safeYamlErrorMessage } from '../yaml/errorMessages.js';

export interface YamlSyntaxError {
  message: string;
  range: OffsetRange;
  /** Set when the error is reported below the rule's severity (Helm templates: `info`). */
  severity?: Severity;
}

export interface YamlDocument {
  doc: Document.Parsed;
  nav: YamlNav;
  /**
   * The parser could not read all of the document: its tree is partial, so the Kubernetes model skips
   * it (it would produce false findings), while rules that read values (secrets) still scan what was read.
   * A duplicate key is not such an error: the tree is whole.
   */
  hasErrors: boolean;
  /**
   * An alias has no anchor before it: the tree is whole but that value reads as empty, so the
   * Kubernetes model skips the document; rules that read text (secrets) still scan it.
   */
  hasUnknownAlias: boolean;
  /** The Kubernetes resources the document holds (with `kind: List` items expanded; none when it has errors or unknown aliases). */
  resources: K8sResource[];
}

export interface YamlFile {
  language: 'yaml';
  /** The text as parsed: carriage returns alone read as line feeds (same length, so offsets are the original's). */
  text: string;
  uri: string;
  documents: YamlDocument[];
  syntaxErrors: YamlSyntaxError[];
  /** Kubernetes resources (with `kind: List` items expanded) of the documents without errors or unknown aliases. */
  resources: K8sResource[];
  podSpecs: PodSpec[];
  containers: Container[];
  /** Set for a Helm template: it was parsed masked (see server/src/helm/mask.ts); ranges are the original's. */
  helm?: HelmTemplate;
  /**
   * The part of `text` this file stands for, when it is one document's view (engine/documentFindings.ts):
   * a rule that reads text outside the tree (comments) reads only this part. Undefined: all of it.
   */
  region?: OffsetRange;
}

/**
 * `cache`, held by the caller across versions of one document, makes re-parsing incremental; it holds
 * parsed documents only, so `model` (the config's pod carriers, a patch) may differ from call to call.
 */
export function parseYamlFile(original: string, uri: string, cache = new YamlDocumentCache(), model: ModelOptions = {}): YamlFile {
  const text = withLineFeeds(original);
  const { helm, source, docs } = parseDocuments(text, uri, cache);
  const templates = helm?.templatedNodes(docs);
  const documents: YamlDocument[] = [];
  const syntaxErrors: YamlSyntaxError[] = [];
  const report = (message: string, range: OffsetRange) => syntaxErrors.push({ message, range, ...(helm && { severity: 'info' as const }) });
  let star = source.indexOf('*'); // the next `*` at or after the current document: aliases need one
  for (const [i, doc] of docs.entries()) {
    for (const error of doc.errors) {
      if (helm && !helm.isRenderIndependent(error)) continue;
      const [start, end] = error.pos;
      report(safeYamlErrorMessage(error.message), { start, end: Math.max(end, start + 1) });
    }
    if (!helm) for (const key of duplicateKeys(doc)) report(DUPLICATE_KEY, firstCharacter(key));
    // A template's navigator depends on the masked view; a plain document's is kept with its tree.
    const nav = helm ? new YamlNav(doc, templates?.[i]) : navOf(doc, model);
    if (star !== -1 && star < doc.range[0]) star = source.indexOf('*', doc.range[0]);
    const mayHaveAliases = star !== -1 && star < doc.range[2];
    const unknownAliases = mayHaveAliases ? nav.unresolvedAliases() : [];
    for (const alias of unknownAliases) report(`unknown alias *${alias.source}: no &${alias.source} anchor before it in this document`, written(alias));
    const bomb = mayHaveAliases ? nav.excessiveAlias() : undefined;
    if (bomb) report(`*${bomb.source} expands to too many nodes: Kubernetes refuses a document with excessive aliasing`, written(bomb));
    const document: YamlDocument = { doc, nav, hasErrors: doc.errors.length > 0, hasUnknownAlias: unknownAliases.length > 0, resources: [] };
    // Kustomize patches (inline, or a JSON 6902 patch file) add the partial resources they write.
    if (!document.hasErrors && !document.hasUnknownAlias) document.resources = (helm ? buildResources(doc, nav, model) : resourcesOf(doc, model)).concat(kustomizePatchResources(document, text, uri, model));
    documents.push(document);
  }
  const resources = documents.flatMap((document) => document.resources);
  const podSpecs = resources.flatMap((r) => (r.podSpec ? [r.podSpec] : []));
  return {
    language: 'yaml',
    text,
    uri,
    documents,
    syntaxErrors,
    resources,
    podSpecs,
    containers: podSpecs.flatMap((p) => p.containers),
    ...(helm && { helm }),
  };
}

/** The documents as parsed, and for a template, its view and the masked text that was parsed. */
function parseDocuments(text: string, uri: string, cache: YamlDocumentCache): { helm?: HelmTemplate; source: string; docs: Document.Parsed[] } {
  const helm = helmTemplateOf(text, uri);
  const source = helm ? helm.mask.text : text;
  // Always one `---` chunk at a time: an unclosed quote then cannot swallow the documents after it.
  const docs = cache.parse(source, PARSE_OPTIONS);
  if (helm || !docs.some((doc) => doc.errors.length > 0) || !hasGoTemplateFields(text)) return { helm, source, docs };
  // A Go template outside a chart (a test fixture's `name: {{ .Group }}`) that does not parse as YAML
  // is read as the template it is. Rare: parsed without the cache, which keeps the plain text's chunks.
  const template = templateOf(text);
  return { helm: template, source: template.mask.text, docs: new YamlDocumentCache().parse(template.mask.text, PARSE_OPTIONS) };
}

/**
 * Duplicate keys are found with a set per mapping (duplicateKeys.ts), not by `uniqueKeys`. A template's
 * `if`/`else` branches may write the same key twice: not an error in the masked view.
 */
const PARSE_OPTIONS = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: false };

/** As the `yaml` package words it (its `uniqueKeys` check, which is off: see duplicateKeys.ts). */
const DUPLICATE_KEY = 'Map keys must be unique';

/** Where an alias is written. */
function written(alias: Alias): OffsetRange {
  return alias.range ? { start: alias.range[0], end: alias.range[1] } : { start: 0, end: 1 };
}

/** Where the parser reports a problem with a node: on its first character. */
function firstCharacter(node: Node): OffsetRange {
  const start = node.range?.[0] ?? 0;
  return { start, end: start + 1 };
}

const LONE_CR = /\r(?!\n)/g;

/**
 * YAML, like the editor, breaks lines at a carriage return alone (old Mac files), but the `yaml`
 * package does not. One line feed for one carriage return moves no offset, so ranges stay the original's.
 */
function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
}
