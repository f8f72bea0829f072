// Parses a YAML file into documents, syntax errors and the Kubernetes resources it holds.
import { parseAllDocuments, type Document } from 'yaml';
import type { OffsetRange } from '../engine/types.js';
import { buildResources, type Container, type K8sResource, type PodSpec } from '../k8s/model.js';
import { YamlNav } from './nav.js';

export interface YamlSyntaxError {
  message: string;
  range: OffsetRange;
}

export interface YamlDocument {
  doc: Document.Parsed;
  nav: YamlNav;
  /** A document with syntax errors is not linted: its partial tree would produce false findings. */
  hasErrors: boolean;
}

export interface YamlFile {
  language: 'yaml';
  text: string;
  uri: string;
  documents: YamlDocument[];
  syntaxErrors: YamlSyntaxError[];
  /** Kubernetes resources (with `kind: List` items expanded) of the documents without errors. */
  resources: K8sResource[];
  podSpecs: PodSpec[];
  containers: Container[];
}

export function parseYamlFile(text: string, uri: string): YamlFile {
  const parsed = parseAllDocuments(text, { prettyErrors: false, keepSourceTokens: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents: YamlDocument[] = [];
  const syntaxErrors: YamlSyntaxError[] = [];
  for (const doc of docs) {
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      syntaxErrors.push({ message: error.message, range: { start, end: Math.max(end, start + 1) } });
    }
    documents.push({ doc, nav: new YamlNav(doc), hasErrors: doc.errors.length > 0 });
  }
  const resources = documents.filter((d) => !d.hasErrors).flatMap((d) => buildResources(d.doc, d.nav));
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
  };
}
