// k8s/image-runs-as-root (workspace): a pod runs an image built from a Dockerfile of this workspace,
// the Dockerfile's shipped stage runs as root, and the pod does not make Kubernetes refuse or override
// that (runAsNonRoot: true, or a runAsUser above 0). Either file alone only says "may run as root";
// together they say "does". Reported on both files, each pointing to the other.
import { parseImageRef } from '../../server/src/dockerfile/images.js';
import { shippedStage } from '../../server/src/dockerfile/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Located, WorkspaceFile } from '../../server/src/engine/types.js';
import { stageUser } from '../../server/src/images/stageUser.js';
import { isTemplatedSetting } from '../../server/src/k8s/model.js';
import { containerLabel, resourceLabel } from './support.js';
import { imageMatcher, type BuiltImage } from './workspace-images.js';

interface PodImage {
  image: string;
  at: Located;
  container: string;
  resource: string;
}

type Summary = { kind: 'dockerfile'; root?: { why: string; at: Located } } | { kind: 'pods'; images: PodImage[] };

interface Options {
  /** Image repository → the Dockerfile that builds it (a path, or its end: `services/api/Dockerfile`). */
  images: Record<string, string>;
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/image-runs-as-root',
    title: 'Pod runs a workspace image as root',
    defaultSeverity: 'warning',
    description:
      "Flags a container whose image is built by a Dockerfile in the workspace when that Dockerfile's shipped stage runs as root (its last USER is root, or it sets none on a root base) and the pod sets neither `runAsNonRoot: true` nor a `runAsUser` above 0. Reported on the container's `image` and on the Dockerfile, each linking to the other. An image is matched to a Dockerfile by the `images` option, else by name: the image's last path segment (`acme/cartservice` → `cartservice`) equal to the Dockerfile's folder or its parent (`src/cartservice/Dockerfile`, `src/cartservice/src/Dockerfile`), when exactly one Dockerfile matches. An image the base-image tables know as published (`python:3.12`, `redis`, a distroless base), or a mirror of one (`gcr.io/google_containers/nginx`, `mirror.gcr.io/library/redis`; `ghcr.io/acme/nginx` is acme's own), is matched by the `images` option only: a folder named `python` builds something else.",
    rationale:
      "`dockerfile/root-user` and `k8s/run-as-root` each say a container may run as root; this rule sees both files and says it does. A root process in a container is root on the node once it escapes, and can rewrite the image's files.",
    remediation:
      'Best: add `USER <non-root user>` to the Dockerfile before CMD/ENTRYPOINT. Also (or meanwhile): set `securityContext.runAsNonRoot: true` and a `runAsUser` above 0 on the container, so that Kubernetes runs it as that user or refuses to start it.',
    peers: {},
    messages: {
      pod: '{{container}} runs {{image}}, built by {{dockerfile}}, which runs as root ({{why}}): set runAsNonRoot: true and a runAsUser above 0, or add a USER to the Dockerfile',
      dockerfile: 'This image runs as root ({{why}}) and {{resource}} runs it without runAsNonRoot or a non-root runAsUser ({{file}})',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: {
      type: 'object',
      properties: { images: { type: 'object', additionalProperties: { type: 'string', minLength: 1 }, description: 'Image repository (`acme/api`) → the Dockerfile that builds it (`services/api/Dockerfile`), for images not named after their folder.' } },
      additionalProperties: false,
    },
    defaultOptions: { images: {} },
  },
  summarize(file, context): Summary | undefined {
    if (file.language === 'dockerfile') {
      const stage = shippedStage(file, context.dockerfileTarget);
      if (!stage) return undefined;
      const user = stageUser(stage);
      if (user.kind === 'root') return { kind: 'dockerfile', root: { why: `USER ${user.user}`, at: context.locate(user.range) } };
      if (user.kind === 'defaultRoot' && user.knownBase) return { kind: 'dockerfile', root: { why: `no USER, and ${user.image} runs as root`, at: context.locate(user.range) } };
      return { kind: 'dockerfile' };
    }
    const images: PodImage[] = [];
    for (const container of file.containers) {
      if (container.podSpec.resource.partial) continue; // a Kustomize patch: its pod is completed elsewhere
      const image = container.podSpec.resource.nav.field(container.node, 'image');
      if (!image || image.templated || typeof image.value !== 'string' || enforcesNonRoot(container)) continue;
      images.push({ image: image.value, at: context.locate(image.valueRange), container: containerLabel(container), resource: resourceLabel(container.podSpec) });
    }
    return images.length ? { kind: 'pods', images } : undefined;
  },
  checkWorkspace(files: readonly WorkspaceFile<Summary>[], context) {
    const dockerfiles = new Map<string, BuiltImage & { root?: { why: string; at: Located } }>();
    for (const { file, summary } of files) if (summary.kind === 'dockerfile') dockerfiles.set(file, { path: file, root: summary.root });
    // Each file's config may map images: one workspace, one map.
    const images = Object.assign({}, ...files.map((file) => (file.options as Partial<Options>).images ?? {})) as Options['images'];
    const matchImage = imageMatcher([...dockerfiles.values()], images);
    for (const { file, summary } of files) {
      if (summary.kind !== 'pods') continue;
      for (const pod of summary.images) {
        const ref = parseImageRef(pod.image);
        const built = ref && matchImage(ref);
        const root = built && dockerfiles.get(built.path)?.root;
        if (!built || !root) continue;
        const { why, at } = root;
        context.report({
          file,
          messageId: 'pod',
          data: { container: pod.container, image: pod.image, dockerfile: context.nameOf(built.path), why },
          at: pod.at,
          related: [{ file: built.path, message: `The Dockerfile that builds ${pod.image} runs as root here`, at }],
        });
        context.report({
          file: built.path,
          messageId: 'dockerfile',
          data: { why, resource: pod.resource, file: context.nameOf(file) },
          at,
          related: [{ file, message: `${pod.container} runs this image as root`, at: pod.at }],
        });
      }
    }
  },
});

/** The pod makes Kubernetes run the container as a non-root user (or refuse it); templated settings count as set. */
function enforcesNonRoot(container: Parameters<typeof isTemplatedSetting>[0]): boolean {
  if (container.podSpec.windows || isTemplatedSetting(container, 'runAsNonRoot') || isTemplatedSetting(container, 'runAsUser')) return true;
  const { runAsNonRoot, runAsUser } = container.effective;
  return runAsNonRoot?.value === true || (typeof runAsUser?.value === 'number' && runAsUser.value > 0);
}
