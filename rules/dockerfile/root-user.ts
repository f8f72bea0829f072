// dockerfile/root-user: the shipped image runs as root, because its last USER is root or because no
// USER is set on a base image that defaults to root.
import { rootStage, shippedStage, type DockerfileFile, type Instruction, type Stage } from '../../server/src/dockerfile/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { capitalized } from '../../server/src/engine/messages.js';
import type { Fix } from '../../server/src/engine/types.js';
import { suggestedNonRootUser } from '../../server/src/images/classify.js';
import { insertLinesAfter, insertLinesBefore, shippedStageLabel } from './support.js';
import { stageUser } from '../../server/src/images/stageUser.js';

const STARTS_PROCESS = new Set(['CMD', 'ENTRYPOINT']);
/** Steps that need the build's user: a USER added before them would change what they do. */
const RUNS_AS_USER = new Set(['RUN', 'USER']);

export default defineRule({
  meta: {
    id: 'dockerfile/root-user',
    title: 'Image runs as root',
    defaultSeverity: 'warning',
    description:
      "Flags the shipped stage (the final stage, or the config's `dockerfileTarget`) when its last USER (followed through `FROM <stage>` chains) is root or 0, or when it sets no USER on a base image that runs as root (info when the base image is one we do not know, which may set its own USER). Images that already default to a non-root user (distroless `:nonroot`, Chainguard, .NET chiseled and distroless, Nano Server) need no USER.",
    rationale:
      'A process running as root in a container is root on the host when it escapes, and can rewrite every file of the image: a non-root user is the cheapest defence in depth, and Kubernetes `runAsNonRoot` refuses images without one.',
    remediation: 'Add `USER <non-root user or UID>` after the steps that need root and before CMD/ENTRYPOINT (e.g. `USER node` on node images, `USER 65532` elsewhere), and make the files the app writes owned by that user.',
    peers: { hadolint: ['DL3002'], trivy: ['DS-0002'], checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'] },
    messages: {
      rootUser: '{{stage}} runs as root (USER {{user}}): switch to a non-root user before the container starts',
      noUser: '{{stage}} runs as root: {{image}} defaults to root and no USER sets another user',
      noUserUnknownBase: 'No USER in {{stageLower}}: it runs as root unless {{image}} sets a non-root user',
    },
    fixes: ['Add USER <non-root user> before CMD/ENTRYPOINT'],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const stage = shippedStage(file, context.dockerfileTarget);
    if (!stage) return;
    const label = shippedStageLabel(file, stage);
    const named = { stage: capitalized(label), stageLower: label };
    const root = rootStage(stage);
    const ref = root.base.kind === 'image' ? root.base.ref : undefined;
    // Built only for a finding: most Dockerfiles with a USER report nothing.
    const fixes = (): Fix[] => [addUserFix(file, stage, label, suggestedNonRootUser(ref))];

    const user = stageUser(stage);
    if (user.kind === 'root') context.report({ messageId: 'rootUser', data: { ...named, user: user.user }, range: user.range, fixes: fixes() });
    else if (user.kind === 'defaultRoot') context.report({ messageId: user.knownBase ? 'noUser' : 'noUserUnknownBase', data: { ...named, image: user.image }, range: user.range, severity: user.knownBase ? undefined : 'info', fixes: fixes() });
  },
});

/** `USER <user>` after the last RUN/USER of the shipped stage, before the CMD/ENTRYPOINT that follows (or at the stage's end). */
function addUserFix(file: DockerfileFile, stage: Stage, label: string, user: string): Fix {
  const { instructions } = stage;
  const lastStep = instructions.findLastIndex((instruction) => RUNS_AS_USER.has(instruction.keyword));
  const start: Instruction | undefined = instructions.slice(lastStep + 1).find((instruction) => STARTS_PROCESS.has(instruction.keyword));
  const line = `USER ${user}`;
  if (start) return { title: `Add ${line} before ${start.keyword}`, changes: [insertLinesBefore(start, [line])] };
  const last = instructions[instructions.length - 1] ?? stage.from;
  return { title: `Add ${line} at the end of ${label}`, changes: [insertLinesAfter(file, last, [line])] };
}
