// Parses container image references (`[registry[:port]/][path/]name[:tag][@digest]`) and normalizes
// Docker Hub spellings, so `node`, `library/node` and `docker.io/library/node` are one image.

export interface ImageRef {
  /** The reference as written (after ARG substitution). */
  text: string;
  /** The registry host as written (`gcr.io`, `localhost:5000`); undefined for Docker Hub's implicit one. */
  registry?: string;
  /** True for Docker Hub, however it is spelled (`docker.io`, `index.docker.io`, implicit). */
  dockerHub: boolean;
  /** The path below the registry, `library/` removed on Docker Hub: `node`, `bitnami/redis`, `distroless/static-debian13`. */
  path: string;
  /** The last path segment: `node`, `redis`, `static-debian13`. */
  name: string;
  /** Registry (when not Docker Hub) and path: `node`, `gcr.io/distroless/static-debian13`. What tables match. */
  repository: string;
  tag?: string;
  /** `sha256:<hex>` */
  digest?: string;
  /** Offsets within `text`: the whole name (registry and path), the tag (after `:`), the digest (after `@`). */
  nameEnd: number;
  tagStart?: number;
  digestStart?: number;
}

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
// distribution/reference grammar: lower-case path components joined by `.`, `_`, `__` or dashes.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Why `text` is not an image reference (parseImageRef gave nothing), as `docker build` would be told to fix it. */
export function invalidImageReason(text: string): string {
  // `name:sha256:…`: a digest pinned with the tag's colon.
  const pinnedLikeATag = /^([^@]*?):((?:sha256|sha512):[0-9a-fA-F]+)$/.exec(text);
  if (pinnedLikeATag) return `a digest follows @, not : (${pinnedLikeATag[1]}@${pinnedLikeATag[2].slice(0, 15)}…)`;
  if (/[A-Z]/.test(text.split(/[:@]/)[0] ?? '')) return 'repository names are lower case';
  return 'expected [registry/]name[:tag][@digest]';
}

/** The parsed reference, or undefined when `text` is not a valid image reference. */
export function parseImageRef(text: string): ImageRef | undefined {
  const at = text.indexOf('@');
  const digest = at === -1 ? undefined : text.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;
  const named = at === -1 ? text : text.slice(0, at);
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  const tag = hasTag ? named.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  const fullName = hasTag ? named.slice(0, colon) : named;

  const slash = fullName.indexOf('/');
  const first = slash === -1 ? '' : fullName.slice(0, slash);
  const hasHost = slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasHost && !HOST.test(first)) return undefined;
  let path = hasHost ? fullName.slice(slash + 1) : fullName;
  if (path === '' || !path.split('/').every((component) => PATH_COMPONENT.test(component))) return undefined;

  const dockerHub = !hasHost || DOCKER_HUB_HOSTS.has(first.toLowerCase());
  if (dockerHub && path.startsWith('library/') && path.indexOf('/', 8) === -1) path = path.slice(8);
  return {
    text,
    registry: hasHost ? first : undefined,
    dockerHub,
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    repository: dockerHub ? path : `${first}/${path}`,
    tag,
    digest,
    nameEnd: fullName.length,
    tagStart: hasTag ? colon + 1 : undefined,
    digestStart: at === -1 ? undefined : at + 1,
  };
}

/** The reference as written with another tag; a digest is dropped, since it pinned the old tag's image. */
export function withTag(ref: ImageRef, tag: string): string {
  return `${ref.text.slice(0, ref.nameEnd)}:${tag}`;
}
