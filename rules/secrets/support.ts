// What the secrets rules share: which YAML documents and resources hold committed values, walking
// string scalars, and how a found secret becomes a report (redacted, ranged on the secret itself).
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../../server/src/text/positions.js';
import type { Report } from '../../server/src/engine/types.js';
import type { K8sResource } from '../../server/src/k8s/model.js';
import { redact } from '../../server/src/secrets/redact.js';
import type { TokenMatch } from '../../server/src/secrets/tokens.js';
import { locateInScalar, ScalarSource, scalarContentRange } from '../../server/src/secrets/yamlSource.js';
import type { YamlDocument, YamlFile } from '../../server/src/k8s/yamlFile.js';
import type { YamlNav } from '../../server/src/yaml/nav.js';

/** Kinds whose values are ciphertext or references: they are the fix, not the problem. */
const ENCRYPTED_OR_REFERENCE_KINDS: ReadonlySet<string> = new Set(['SealedSecret', 'ExternalSecret', 'SecretProviderClass', 'ClusterExternalSecret', 'VaultStaticSecret', 'VaultDynamicSecret']);

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** SOPS writes its metadata in a top-level `sops:` map of the file it encrypted. */
export function isSopsEncrypted(root: unknown, nav: YamlNav): boolean {
  return isMap(root) && isMap(nav.map(root as YAMLMap, 'sops'));
}

/**
 * Documents worth scanning: all but SOPS-encrypted ones. A document with a syntax error is scanned
 * too, as far as the parser could read it: a secret in it has leaked whatever the YAML around it.
 */
export function scannableDocuments(file: YamlFile): YamlDocument[] {
  return file.documents.filter((d) => !isSopsEncrypted(d.doc.contents, d.nav));
}

export function isSecret(resource: K8sResource): boolean {
  return resource.kind === 'Secret' && resource.apiVersion === 'v1';
}

/** A resource whose content is encrypted or points at a secret store (SealedSecret, ExternalSecret, …). */
export function isEncryptedOrReference(resource: K8sResource): boolean {
  return ENCRYPTED_OR_REFERENCE_KINDS.has(resource.kind);
}

export interface ValueWalker {
  /** A string scalar in value position. */
  string?(node: Scalar<string>): void;
  /** A mapping; returning false skips what is below it. */
  map?(map: YAMLMap): boolean;
}

/**
 * Walks the values of a YAML tree: mappings, sequences and string scalars, never keys (keys are
 * never secrets) and never through aliases (an anchored value is visited where it is written).
 * Hand-rolled rather than `yaml`'s `visit`, which allocates a path per node: this runs per keystroke.
 */
export function walkValues(node: unknown, walker: ValueWalker): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string') walker.string?.(node as Scalar<string>);
  } else if (isMap(node)) {
    if (walker.map?.(node as YAMLMap) === false) return;
    for (const pair of node.items) walkValues(pair.value, walker);
  } else if (isSeq(node)) {
    for (const item of node.items) walkValues(item, walker);
  }
}

/** Where pieces of a scalar's parsed value are written; ask for several in order (see ScalarSource). */
export function scalarSource(file: YamlFile, node: Scalar, value: string): ScalarSource {
  return new ScalarSource(file.text, node, value);
}

/** The source range of `value.slice(start, end)`, where `value` is the scalar's parsed value. */
export function rangeInScalar(file: YamlFile, node: Scalar, value: string, start: number, end: number): OffsetRange {
  return locateInScalar(file.text, node, value, start, end);
}

/** The range of a scalar's content (inside quotes; the body of a block scalar). */
export function contentRange(file: YamlFile, node: Node): OffsetRange {
  return isScalar(node) ? scalarContentRange(file.text, node) : { start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 };
}

/** A token-format report: the issuer's name and a redacted preview, never the value. */
export function tokenReport(match: TokenMatch, range: OffsetRange, messageId = 'token', data: Record<string, string> = {}): Report {
  return {
    messageId,
    data: { description: match.pattern.description, preview: redact(match.secret), ...data },
    range,
    severity: match.severity,
  };
}
