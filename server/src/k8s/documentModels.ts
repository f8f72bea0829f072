// The Kubernetes model of one YAML document, kept while the parse cache (yaml/documentCache.ts) hands
// back the same tree for a document whose text did not change: a keystroke in a 10,000-line file
// builds the model of the edited document only. The model reads its ranges from the tree when asked
// (yaml/nav.ts, TreeField), so it stays right when the parse cache moves the tree after an edit above.
import type { Document } from 'yaml';
import { YamlNav } from '../yaml/nav.js';
import { buildResources, type K8sResource, type ModelOptions } from './model.js';

interface DocumentModel {
  nav: YamlNav;
  options: ModelOptions;
  /** Built on first use: a document with syntax errors never needs them. */
  resources?: K8sResource[];
}

const models = new WeakMap<Document.Parsed, DocumentModel>();

/** The navigator of a parsed document (Helm templates get a new one each time: the masked view decides it). */
export function navOf(doc: Document.Parsed, options: ModelOptions): YamlNav {
  return modelOf(doc, options).nav;
}

/** The resources of a parsed document that has no syntax errors, from the model kept for its tree when the options are the same. */
export function resourcesOf(doc: Document.Parsed, options: ModelOptions): K8sResource[] {
  const model = modelOf(doc, options);
  model.resources ??= buildResources(doc, model.nav, options);
  return model.resources;
}

function modelOf(doc: Document.Parsed, options: ModelOptions): DocumentModel {
  let model = models.get(doc);
  if (!model || model.options.podSpecPaths !== options.podSpecPaths || Boolean(model.options.partial) !== Boolean(options.partial)) {
    // A new navigator too: the model marks a patch's navigator as partial (model.ts, openDocuments).
    model = { nav: new YamlNav(doc), options };
    models.set(doc, model);
  }
  return model;
}
