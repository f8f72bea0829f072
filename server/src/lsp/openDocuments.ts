// What the server keeps for each open document, in one record: its settings, its last lint (code
// actions resolve findings against it), its YAML parse cache, its Helm values and Kustomize hints, a
// Dockerfile's build context. Closing a document forgets all of it at once.
import type { BuildContextHint } from '../dockerfile/buildContext.js';
import type { LintResult } from '../engine/runRules.js';
import type { HelmHint } from '../helm/consumers.js';
import type { KustomizeHint } from '../k8s/kustomize.js';
import { YamlDocumentCache } from '../yaml/documentCache.js';
import { DocumentFindingsCache } from '../engine/documentFindings.js';
import { InstructionFindingsCache } from '../engine/instructionFindings.js';
import type { DocumentSettings } from './settings.js';

export interface OpenDocumentSources {
  /** The client's settings for a document (a request to the client). */
  settings(uri: string): Promise<DocumentSettings>;
  /** Which chart templates read which values, when the document is a values file on disk. */
  helmHint(uri: string): HelmHint | undefined;
  /** The kustomization that names the document as a patch, when it is a file on disk. */
  kustomizeHint(uri: string): KustomizeHint | undefined;
  /** The .dockerignore and secret-looking files beside the document, when it is a Dockerfile on disk. */
  buildContext(uri: string): BuildContextHint | undefined;
}

export class OpenDocument {
  /** The last lint and the version it belongs to; absent until linted, or when the lint failed. */
  lint: { version: number; result: LintResult } | undefined;
  /** What the last lint took, in milliseconds: how long a burst of changes waits before the next. */
  lintMs = 0;
  /** A keystroke re-parses only the YAML document it touched. */
  readonly yamlCache = new YamlDocumentCache();
  /** …and re-runs document-scoped rules on that document only. */
  readonly documentFindings = new DocumentFindingsCache();
  /** In a Dockerfile, a keystroke re-runs instruction rules on the instruction it touched only. */
  readonly instructionFindings = new InstructionFindingsCache();
  private settingsRequest: Promise<DocumentSettings> | undefined;
  private helm: { hint: HelmHint | undefined } | undefined;
  private kustomize: { hint: KustomizeHint | undefined } | undefined;
  private context: { hint: BuildContextHint | undefined } | undefined;

  constructor(
    readonly uri: string,
    private readonly sources: OpenDocumentSources,
  ) {}

  /** Asked once per document until the settings change. */
  settings(): Promise<DocumentSettings> {
    this.settingsRequest ??= this.sources.settings(this.uri);
    return this.settingsRequest;
  }

  forgetSettings(): void {
    this.settingsRequest = undefined;
  }

  /** Read from disk once per open. */
  helmHint(): HelmHint | undefined {
    this.helm ??= { hint: this.sources.helmHint(this.uri) };
    return this.helm.hint;
  }

  /** Read from disk once per open, and again after a kustomization changed (forgetKustomizeHint). */
  kustomizeHint(): KustomizeHint | undefined {
    this.kustomize ??= { hint: this.sources.kustomizeHint(this.uri) };
    return this.kustomize.hint;
  }

  forgetKustomizeHint(): void {
    this.kustomize = undefined;
  }

  /** Read from disk once per open, and again after a file in the context changed (forgetBuildContext). */
  buildContext(): BuildContextHint | undefined {
    this.context ??= { hint: this.sources.buildContext(this.uri) };
    return this.context.hint;
  }

  /** True when there was a build context to forget: the document is a Dockerfile on disk, to lint again. */
  forgetBuildContext(): boolean {
    const had = this.context?.hint !== undefined;
    this.context = undefined;
    return had;
  }
}

export class OpenDocuments {
  private readonly records = new Map<string, OpenDocument>();

  constructor(private readonly sources: OpenDocumentSources) {}

  /** The record of an open document, created on first use. */
  get(uri: string): OpenDocument {
    let record = this.records.get(uri);
    if (!record) {
      record = new OpenDocument(uri, this.sources);
      this.records.set(uri, record);
    }
    return record;
  }

  /** The record only if the document has one already (nothing is created). */
  peek(uri: string): OpenDocument | undefined {
    return this.records.get(uri);
  }

  close(uri: string): void {
    this.records.delete(uri);
  }

  /** A kustomization changed on disk: each document asks again whether one names it as a patch. */
  forgetKustomizeHints(): void {
    for (const record of this.records.values()) record.forgetKustomizeHint();
  }

  /** A .dockerignore or a secret-looking file changed on disk: the URIs of the Dockerfiles to lint again. */
  forgetBuildContexts(): string[] {
    const relint: string[] = [];
    for (const record of this.records.values()) if (record.forgetBuildContext()) relint.push(record.uri);
    return relint;
  }

  /** The settings changed: each document asks again on its next lint. */
  forgetSettings(): void {
    for (const record of this.records.values()) record.forgetSettings();
  }
}
