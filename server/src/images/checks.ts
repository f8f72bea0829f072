// The checks on one image reference that Kubernetes containers and Compose services share: each takes
// the reference as written and says what to report (where, with which facts, and the text a quick fix
// writes), leaving message wording and severity to the rule.
import { withTag } from '../dockerfile/images.js';
import type { OffsetRange } from '../text/positions.js';
import { classifyImage } from './classify.js';
import { endOfLife, type EolVerdict } from './eol.js';
import type { ImageClass, Replacement } from './families.js';
import { tableRepository } from './mirrors.js';
import type { WrittenImage } from './written.js';

/** Replace `range` with `text`: the whole reference, keeping the quotes around it. */
export interface ImageEdit {
  title: string;
  range: OffsetRange;
  text: string;
}

/** The edit that swaps the tag, when the reference's characters are known exactly. */
function tagEdit(image: WrittenImage, tag: string): ImageEdit | undefined {
  if (!image.referenceRange) return undefined;
  const text = withTag(image.ref, tag);
  return { title: `Use ${text}`, range: image.referenceRange, text };
}

/** No tag (so `latest`) or the `latest` tag, unless a digest pins it. */
export function floatingTag(image: WrittenImage): { kind: 'untagged' | 'latest'; range: OffsetRange } | undefined {
  const { ref } = image;
  if (ref.digest) return undefined;
  if (ref.tag === undefined) return { kind: 'untagged', range: image.range };
  if (ref.tag === 'latest') return { kind: 'latest', range: image.tagRange ?? image.range };
  return undefined;
}

/** Not pinned by digest (`@sha256:…`). */
export function missingDigest(image: WrittenImage): { range: OffsetRange } | undefined {
  return image.ref.digest ? undefined : { range: image.range };
}

export interface NonMinimalImage {
  imageClass: Extract<ImageClass, 'fullOs' | 'fullLanguage' | 'toolchain'>;
  family: string;
  replacement: Replacement;
  range: OffsetRange;
  edit?: ImageEdit;
}

const NON_MINIMAL: ReadonlySet<ImageClass> = new Set(['fullOs', 'fullLanguage', 'toolchain']);

/** A well-known full OS, full language image or build toolchain, with the slim/JRE tag of the same family when there is one. */
export function nonMinimalImage(image: WrittenImage): NonMinimalImage | undefined {
  const verdict = classifyImage(image.ref);
  if (!verdict || !NON_MINIMAL.has(verdict.imageClass)) return undefined;
  const replacement = verdict.family.replacement?.(image.ref.tag, tableRepository(image.ref)) ?? { advice: 'a slim, alpine or distroless variant' };
  return {
    imageClass: verdict.imageClass as NonMinimalImage['imageClass'],
    family: verdict.family.label,
    replacement,
    range: image.range,
    edit: replacement.tag ? tagEdit(image, replacement.tag) : undefined,
  };
}

export interface EndOfLifeImage extends EolVerdict {
  range: OffsetRange;
  edit?: ImageEdit;
}

/** A release past (or within `warnDays` of) its end of security support; see images/eol.ts. */
export function endOfLifeImage(image: WrittenImage, today: string, warnDays: number): EndOfLifeImage | undefined {
  const verdict = endOfLife(image.ref, today, warnDays);
  if (!verdict) return undefined;
  // On the whole reference (inside quotes): a fix that rewrites it (the slim variant) leaves the same finding, not a new one.
  return { ...verdict, range: image.referenceRange ?? image.range, edit: verdict.tag ? tagEdit(image, verdict.tag) : undefined };
}

/** The registry and path an allow-list entry is compared with: `docker.io/library/nginx` for `nginx`. */
export function fullImageName(image: WrittenImage): string {
  const { ref } = image;
  if (!ref.dockerHub) return ref.repository;
  return `docker.io/${ref.path.includes('/') ? ref.path : `library/${ref.path}`}`;
}

/**
 * Whether `name` (see fullImageName) is under one of `allowed`: `registry.acme.io` (a whole registry),
 * `registry.acme.io/team/` (a path prefix, at a `/`), `docker.io/library/nginx` (one repository); a
 * trailing `*` or `/*` is read as a prefix too, as Kyverno patterns usually are written.
 */
export function isAllowedImage(name: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const prefix = entry.trim().replace(/\/?\*$/, '').replace(/\/$/, '').toLowerCase();
    if (!prefix) return false;
    const lower = name.toLowerCase();
    return lower === prefix || lower.startsWith(`${prefix}/`);
  });
}
