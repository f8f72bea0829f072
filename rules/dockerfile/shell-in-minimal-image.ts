// dockerfile/shell-in-minimal-image: a shell or a package manager copied (`COPY --from=…`) into a shipped
// stage built on scratch or a distroless-style image, which has none on purpose. Opt-in (strict): some
// teams add busybox on purpose to debug. A `:debug`/`-dev` base is non-minimal-base-image's finding.
import { parseImageRef, type ImageRef } from '../../server/src/dockerfile/images.js';
import { rootStage, shippedStage, type DockerfileFile, type Instruction, type Stage, type Word } from '../../server/src/dockerfile/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { classifyImage } from '../../server/src/images/classify.js';
import { shippedStageLabel, shippedStages } from './support.js';

/** Shells, and the multi-call binaries that are one (`busybox sh`). */
const SHELL = /^(?:sh|bash|ash|dash|zsh|ksh|mksh|csh|tcsh|fish|busybox|toybox)$/;
/** Package managers that install more software into the running container. */
const PACKAGE_MANAGER = /^(?:apk|apt|apt-get|dpkg|rpm|yum|dnf|microdnf|tdnf|pip\d*(?:\.\d+)?|npm)$/;
/** Where a package manager is installed (not its cache, `/root/.cache/pip`): a bin folder or a package folder. */
const PACKAGE_MANAGER_HOME = /^(?:s?bin|node_modules|site-packages|dist-packages)$/;
/** Folders whose copy brings the source's shell along (`/bin/sh` lives there on every distribution). */
const BIN_FOLDER = /^\/(?:usr\/)?s?bin\/?\*?$/;
/** A program in a bin folder: in a BusyBox image every one (`/bin/ls`, `/bin/wget`) is the busybox binary, a shell when run as `sh`. */
const IN_BIN_FOLDER = /^\/(?:usr\/)?s?bin\/[^/]+$/;

/** What a `COPY --from` copies from: an earlier stage, or an image pulled for the copy. */
type CopySource = { kind: 'stage'; stage: Stage } | { kind: 'image'; ref: ImageRef };

/** How messages name a base without a shell: `scratch`, or the image. */
function minimalBase(stage: Stage): string | undefined {
  const { base } = rootStage(stage);
  if (base.kind === 'scratch') return 'scratch';
  return base.kind === 'image' && classifyImage(base.ref)?.imageClass === 'minimal' ? base.ref.text : undefined;
}

/** `--from=<name>`, `--from=<index>` (an earlier stage) or `--from=<image>`; undefined when it depends on a build argument. */
function copySource(file: DockerfileFile, copy: Instruction, from: string): CopySource | undefined {
  if (from.includes('$')) return undefined;
  const before = copy.stage?.index ?? file.stages.length;
  const stage = /^\d+$/.test(from) ? file.stages[Number(from)] : file.stages.find((candidate) => candidate.name === from.toLowerCase());
  if (stage) return stage.index < before ? { kind: 'stage', stage } : undefined;
  const ref = parseImageRef(from);
  return ref && { kind: 'image', ref };
}

/** The image a source comes from (a stage's root image); undefined for scratch or a base known only at build time. */
function sourceImage(source: CopySource): ImageRef | undefined {
  if (source.kind === 'image') return source.ref;
  const { base } = rootStage(source.stage);
  return base.kind === 'image' ? base.ref : undefined;
}

/** Whether the source may hold a shell: an image that is not a known minimal one. */
function mayHoldShell(source: CopySource): boolean {
  const image = sourceImage(source);
  return image !== undefined && classifyImage(image)?.imageClass !== 'minimal';
}

function isBusyBox(source: CopySource): boolean {
  const image = sourceImage(source);
  return image !== undefined && classifyImage(image)?.family.label === 'BusyBox';
}

/** The folder and name of a source's last segment (`/bin/sh` → `bin`, `sh`; `/usr/lib/node_modules/npm/` → `node_modules`, `npm`). */
function lastSegments(path: string): { folder: string; name: string } {
  const segments = path.replace(/\/+$/, '').split('/');
  return { folder: segments[segments.length - 2] ?? '', name: segments[segments.length - 1] ?? '' };
}

export default defineRule({
  meta: {
    id: 'dockerfile/shell-in-minimal-image',
    title: 'Shell or package manager copied into a distroless or scratch image',
    defaultSeverity: 'info',
    description:
      'Flags `COPY --from=…` in the shipped stage (and the stages it continues) when that stage builds on `scratch` or a distroless-style image (distroless, Chainguard, UBI micro) and the copy brings a shell (`sh`, `bash`, `busybox`, …, or any program of a BusyBox image: each is the busybox binary), a package manager (`apk`, `apt-get`, `dpkg`, `rpm`, `pip`, `npm`, …), or a whole `/bin`, `/usr/bin` or `/sbin` folder of an image that has a shell. Only in the `strict` preset. A `:debug` or `-dev` base image itself is reported by `dockerfile/non-minimal-base-image`.',
    rationale:
      'A distroless or scratch image has no shell and no package manager so that an attacker who gets code execution cannot run scripts, fetch tools or install packages in the container. Copying busybox or `/bin/sh` back in undoes that, usually for debugging, and then ships to production.',
    remediation:
      'Leave the shell out of the shipped image and debug with an ephemeral container (`kubectl debug -it <pod> --image=busybox --target=<container>`) or the image\'s `:debug` tag in a separate debug build. Copy only the binaries the application runs, not whole bin folders.',
    peers: {},
    messages: {
      shell: 'COPY --from adds a shell ({{name}}) to {{stage}}, built on {{base}} to have none: leave it out and debug with an ephemeral container',
      packageManager: 'COPY --from adds a package manager ({{name}}) to {{stage}}, built on {{base}} to have none: copy only what the application runs',
      binFolder: 'COPY --from copies a whole bin folder ({{name}}), shell included, into {{stage}}, built on {{base}}: copy only the binaries the application runs',
    },
    fixes: [],
    preset: 'strict',
  },
  checkDockerfile(file, context) {
    const shipped = shippedStage(file, context.dockerfileTarget);
    if (!shipped) return;
    const base = minimalBase(shipped);
    if (!base) return;
    const stage = shippedStageLabel(file, shipped);
    const stages = shippedStages(file, context.dockerfileTarget);
    for (const copy of file.instructions) {
      const from = copy.keyword === 'COPY' && copy.stage && stages.has(copy.stage) ? copy.flag('from')?.value : undefined;
      const source = from === undefined ? undefined : copySource(file, copy, from);
      if (!source) continue;
      for (const path of copy.argv.slice(0, -1)) {
        const found = offendingCopy(path, source);
        if (found) context.report({ messageId: found.messageId, data: { name: found.name, stage, base }, range: path.range });
      }
    }
  },
});

/** What a copied path brings, named by the listed name it matched (never by the user's own text). */
function offendingCopy(path: Word, source: CopySource): { messageId: 'shell' | 'packageManager' | 'binFolder'; name: string } | undefined {
  const { folder, name } = lastSegments(path.value);
  if (SHELL.test(name)) return { messageId: 'shell', name };
  if (IN_BIN_FOLDER.test(path.value) && isBusyBox(source)) return { messageId: 'shell', name: 'busybox' };
  if (PACKAGE_MANAGER.test(name) && PACKAGE_MANAGER_HOME.test(folder)) return { messageId: 'packageManager', name };
  return BIN_FOLDER.test(path.value) && mayHoldShell(source) ? { messageId: 'binFolder', name: path.value } : undefined;
}
