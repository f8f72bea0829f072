// Registries that serve Docker Hub's official images under another name, to dodge its pull limits:
// `public.ecr.aws/docker/library/python` is `python`, `mirror.gcr.io/library/redis` is `redis`. The
// image tables (families, end of life, default users) know an image by its Docker Hub name.
import type { ImageRef } from '../dockerfile/images.js';

/** The registry paths of official-image mirrors, each followed by the image's own name. */
const OFFICIAL_IMAGE_MIRROR = /^(?:mirror\.gcr\.io\/library|public\.ecr\.aws\/docker\/library|docker\.mirror\.hashicorp\.services(?:\/library)?)\/[^/]+$/;

/** The repository the image tables know `ref` by: its Docker Hub name when it is an official image's mirror. */
export function tableRepository(ref: ImageRef): string {
  return OFFICIAL_IMAGE_MIRROR.test(ref.repository) ? ref.name : ref.repository;
}

/** Namespaces under which registries keep copies of published images: `…/library/redis`, `gcr.io/google_containers/nginx`. */
const MIRROR_NAMESPACES = /^(?:(?:docker\/)?library|google[_-]containers)$/;

/**
 * Whether `ref` may be a copy of the published image of its name: the name has no owner of its own
 * (`docker.mirror.hashicorp.services/nginx`) or sits under a mirror's namespace. `ghcr.io/acme/nginx` is acme's own.
 */
export function mayMirror(ref: ImageRef): boolean {
  const owner = ref.path.slice(0, Math.max(0, ref.path.length - ref.name.length - 1));
  return owner === '' || MIRROR_NAMESPACES.test(owner);
}
