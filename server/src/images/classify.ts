// Looks an image reference up in the base-image tables: its family and class (minimal, full OS, …),
// and the user it runs as by default.
import type { ImageRef } from '../dockerfile/images.js';
import { EOL_FAMILIES } from './eolFamilies.js';
import { mayMirror, tableRepository } from './mirrors.js';
import { FALLBACK_NON_ROOT_USER, GENERIC_VARIANTS, IMAGE_FAMILIES, NON_ROOT_BY_DEFAULT, NON_ROOT_USERS, type ImageClass, type ImageFamily } from './families.js';

export interface ImageVerdict {
  family: ImageFamily;
  imageClass: ImageClass;
}

/** The family and class of `ref`, or undefined for an image the tables do not know (a private base, say). */
export function classifyImage(ref: ImageRef): ImageVerdict | undefined {
  const family = IMAGE_FAMILIES.find((candidate) => candidate.repository.test(tableRepository(ref)));
  if (!family) return undefined;
  const tokens = ref.tag ? ref.tag.toLowerCase().split('-') : [];
  const variant = (family.variants ?? GENERIC_VARIANTS).find(([token]) => tokens.some((t) => token.test(t)));
  return { family, imageClass: variant ? variant[1] : family.defaultClass };
}

const PUBLISHED_REPOSITORIES: readonly RegExp[] = [...IMAGE_FAMILIES, ...EOL_FAMILIES].map((family) => family.repository);

/**
 * Whether the tables know `ref` as a published image (`python`, `redis`, a distroless base), or as a
 * mirror of one: its name with no owner of its own (`docker.mirror.hashicorp.services/nginx`) or under
 * a mirror's namespace. No workspace builds it; `ghcr.io/acme/nginx` is acme's own.
 */
export function isPublishedImage(ref: ImageRef): boolean {
  if (PUBLISHED_REPOSITORIES.some((repository) => repository.test(tableRepository(ref)))) return true;
  return mayMirror(ref) && PUBLISHED_REPOSITORIES.some((repository) => repository.test(ref.name));
}

/** The non-root user `ref` runs as by default, or undefined when it runs as root (or we do not know). */
export function nonRootDefaultUser(ref: ImageRef): string | undefined {
  const tag = ref.tag ?? 'latest';
  const repository = tableRepository(ref);
  return NON_ROOT_BY_DEFAULT.find((entry) => entry.repository.test(repository) && (!entry.tag || entry.tag.test(tag)))?.user;
}

/** The user a quick fix switches to on `ref` (node images have `node`; otherwise UID 65532). */
export function suggestedNonRootUser(ref: ImageRef | undefined): string {
  return (ref && NON_ROOT_USERS.find((entry) => entry.repository.test(tableRepository(ref)))?.user) ?? FALLBACK_NON_ROOT_USER;
}
