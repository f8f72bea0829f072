// Finds `ignore.manifestlint.io/<rule-name>: "<reason>"` annotations on Kubernetes resources and their
// pod templates. The rule name is the id without its domain (`privileged-container`), since an
// annotation key allows one `/`; names are unique across the domains that lint YAML.
import { isPair, isScalar, type Node } from 'yaml';
import type { OffsetRange } from '../text/positions.js';
import type { K8sResource } from '../k8s/model.js';
import { nodeRange } from '../yaml/nav.js';

export const ANNOTATION_PREFIX = 'ignore.manifestlint.io/';

export interface AnnotationSuppression {
  /** What follows the prefix: a rule id without its domain. */
  name: string;
  /** The annotation's value, trimmed; undefined when empty. */
  reason?: string;
  keyRange: OffsetRange;
  /** The whole resource: findings anywhere in it are covered. */
  scope: OffsetRange;
}

export function findAnnotationSuppressions(resources: readonly K8sResource[]): AnnotationSuppression[] {
  const found: AnnotationSuppression[] = [];
  for (const resource of resources) {
    const scope = nodeRange(resource.node);
    if (!scope) continue;
    const metadatas = new Set([resource.metadata, resource.podSpec?.metadata]);
    for (const metadata of metadatas) {
      const annotations = resource.nav.map(metadata, 'annotations');
      for (const item of annotations?.items ?? []) {
        if (!isPair(item) || !isScalar(item.key) || typeof item.key.value !== 'string' || !item.key.value.startsWith(ANNOTATION_PREFIX)) continue;
        const keyRange = nodeRange(item.key as Node);
        if (!keyRange) continue;
        const value = isScalar(item.value) ? String(item.value.value ?? '').trim() : '';
        found.push({ name: item.key.value.slice(ANNOTATION_PREFIX.length), reason: value || undefined, keyRange, scope });
      }
    }
  }
  return found;
}
