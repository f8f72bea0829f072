// Which Dockerfile of the workspace builds a pod's image: what workspace rules that connect the two
// (k8s/image-runs-as-root) share. Explicit first (the rule's `images` option), then by name, and only
// when exactly one Dockerfile fits: a guess between two would be a false alarm. An image the tables
// know as published (`python:3.12`, `redis`), or a mirror of one (`gcr.io/google_containers/nginx`), is
// never matched by name: a folder named `python` in the
// workspace holds a Dockerfile that builds something else.
import type { ImageRef } from '../../server/src/dockerfile/images.js';
import { isPublishedImage } from '../../server/src/images/classify.js';

/** A Dockerfile of the workspace, as a workspace summary names it. */
export interface BuiltImage {
  /** The Dockerfile's path (or URI), as the scan or the editor names files. */
  path: string;
}

/** `images` maps an image repository (`acme/api`, `gcr.io/acme/api`) to a Dockerfile path or its end. */
export function imageMatcher(dockerfiles: readonly BuiltImage[], images: Readonly<Record<string, string>>): (ref: ImageRef) => BuiltImage | undefined {
  const byFolder = new Map<string, BuiltImage[]>();
  for (const dockerfile of dockerfiles) {
    // The Dockerfile's folder and its parent: `src/api/Dockerfile` and `src/api/src/Dockerfile` both build `api`.
    for (const folder of new Set(segments(dockerfile.path).slice(-3, -1))) {
      const list = byFolder.get(folder) ?? [];
      list.push(dockerfile);
      byFolder.set(folder, list);
    }
  }
  return (ref) => {
    const declared = images[ref.repository] ?? images[ref.path];
    if (declared !== undefined) return unique(dockerfiles.filter((dockerfile) => endsWithPath(dockerfile.path, declared)));
    return isPublishedImage(ref) ? undefined : unique(byFolder.get(ref.name.toLowerCase()) ?? []);
  };
}

function unique(candidates: readonly BuiltImage[]): BuiltImage | undefined {
  return candidates.length === 1 ? candidates[0] : undefined;
}

function segments(path: string): string[] {
  return path
    .replace(/^[a-z][a-z0-9+.-]+:\/\//i, '')
    .split(/[\\/]/)
    .filter(Boolean)
    .map((segment) => decodeSegment(segment).toLowerCase());
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function endsWithPath(path: string, end: string): boolean {
  const whole = segments(path);
  const tail = segments(end);
  return tail.length > 0 && tail.length <= whole.length && tail.every((segment, i) => whole[whole.length - tail.length + i] === segment);
}
