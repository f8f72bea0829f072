// An image reference as written in a YAML value (`image:` of a Kubernetes container or a Compose
// service), with the ranges the image checks report on. Values a template decides are not references.
import { isScalar } from 'yaml';
import { parseImageRef, type ImageRef } from '../dockerfile/images.js';
import type { OffsetRange } from '../text/positions.js';
import type { Field } from '../yaml/nav.js';

export interface WrittenImage {
  ref: ImageRef;
  /** The value as written, quotes included. */
  range: OffsetRange;
  /** The tag's characters, when the value's text is exactly the reference (no escapes, one line). */
  tagRange?: OffsetRange;
  /** The reference's characters, inside any quotes: what a quick fix replaces. Set with tagRange. */
  referenceRange?: OffsetRange;
}

/** Template syntax of Helm, envsubst, Compose interpolation and Kustomize-style placeholders. */
const TEMPLATED = /\{\{|\$|<|>/;

/** The image reference `field` holds, or undefined when it is missing, templated or not a valid reference. */
export function writtenImage(field: Field | undefined, text: string): WrittenImage | undefined {
  if (!field || field.templated || !isScalar(field.node) || typeof field.value !== 'string') return undefined;
  const value = field.value;
  if (TEMPLATED.test(value)) return undefined;
  const ref = parseImageRef(value);
  if (!ref) return undefined;
  const range = field.valueRange;
  const type = field.node.type;
  const start = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? range.start + 1 : range.start;
  const exact = (type === 'PLAIN' || type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') && text.slice(start, start + value.length) === value;
  if (!exact) return { ref, range };
  const tagRange = ref.tagStart !== undefined && ref.tag !== undefined ? { start: start + ref.tagStart, end: start + ref.tagStart + ref.tag.length } : undefined;
  return { ref, range, tagRange, referenceRange: { start, end: start + value.length } };
}
