// Parses a YAML file into documents, syntax errors and the Kubernetes resources it holds.
import { isAlias, parseAllDocuments, type Alias, type Document } from 'yaml';
import type { YamlDocumentCache } from './documentCache.js';
import type { OffsetRange, Severity } from '../engine/types.js';
import { helmTemplateOf, type HelmTemplate } from '../helm/template.js';
import { buildResources, type Container, type K8sResource, type PodSpec } from '../k8s/model.js';
import { YamlNav } from './nav.js';
import { forEachNode } from './walk.js';

export interface YamlSyntaxError {
  message: string;
  range: OffsetRange;
  /** Set when the error is reported below the rule's severity (Helm templates: `info`). */
  severity?: Severity;
}

export interface YamlDocument {
  doc: Document.Parsed;
  nav: YamlNav;
  /** A document with syntax errors is not linted: its partial tree would produce false findings. */
  hasErrors: boolean;
  /**
   * An alias has no anchor before it: the tree is whole but that value reads as empty, so the
   * Kubernetes model skips the document; rules that read text (secrets) still scan it.
   */
  hasUnknownAlias: boolean;
}

export interface YamlFile {
  language: 'yaml';
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
}

/** `cache`, held by the caller across versions of one document, makes re-parsing incremental. */
export function parseYamlFile(text: string, uri: string, cache?: YamlDocumentCache): YamlFile {
  const helm = helmTemplateOf(text, uri);
  // A template's `if`/`else` branches may write the same key twice: not an error in the masked view.
  const options = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: !helm };
  const source = helm ? helm.mask.text : text;
  const parsed = cache ? cache.parse(source, options) : parseAllDocuments(source, options);
  const docs = Array.isArray(parsed) ? parsed : [];
  const templates = helm?.templatedNodes(docs);
  const documents: YamlDocument[] = [];
  const syntaxErrors: YamlSyntaxError[] = [];
  let star = source.indexOf('*'); // the next `*` at or after the current document: aliases need one
  for (const [i, doc] of docs.entries()) {
    for (const error of doc.errors) {
      if (helm && !helm.isRenderIndependent(error)) continue;
      const [start, end] = error.pos;
      syntaxErrors.push({ message: error.message, range: { start, end: Math.max(end, start + 1) }, ...(helm && { severity: 'info' as const }) });
    }
    if (star !== -1 && star < doc.range[0]) star = source.indexOf('*', doc.range[0]);
    const unknownAliases = star !== -1 && star < doc.range[2] ? unresolvedAliases(doc) : [];
    for (const alias of unknownAliases) {
      const [start, end] = alias.range ?? [0, 1];
      syntaxErrors.push({ message: `unknown alias *${alias.source}: no &${alias.source} anchor before it in this document`, range: { start, end }, ...(helm && { severity: 'info' as const }) });
    }
    documents.push({ doc, nav: new YamlNav(doc, templates?.[i]), hasErrors: doc.errors.length > 0, hasUnknownAlias: unknownAliases.length > 0 });
  }
  const resources = documents.filter((d) => !d.hasErrors && !d.hasUnknownAlias).flatMap((d) => buildResources(d.doc, d.nav));
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

/**
 * Aliases without an anchor before them: the `yaml` package reads them as empty, Kubernetes rejects
 * the file. One pass in document order, collecting anchors as they come (`Alias.resolve` would walk
 * the whole document for each alias).
 */
function unresolvedAliases(doc: Document.Parsed): Alias[] {
  const anchors = new Set<string>();
  const unresolved: Alias[] = [];
  forEachNode(doc.contents, (node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) unresolved.push(node);
    } else if (node.anchor) {
      anchors.add(node.anchor);
    }
  });
  return unresolved;
}
