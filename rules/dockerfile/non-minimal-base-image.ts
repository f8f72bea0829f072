// dockerfile/non-minimal-base-image: the shipped stage builds on a full OS, a full language image or a
// build toolchain, when a slim, distroless or JRE variant of the same family would do.
import { rootStage, shippedStage } from '../../server/src/dockerfile/model.js';
import { withTag } from '../../server/src/dockerfile/images.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { capitalized } from '../../server/src/engine/messages.js';
import type { Fix } from '../../server/src/engine/types.js';
import type { ImageClass } from '../../server/src/images/families.js';
import { classifyImage } from '../../server/src/images/classify.js';
import { baseImageLocations, shippedStageLabel } from './support.js';

const MESSAGE_BY_CLASS: Partial<Record<ImageClass, 'fullImage' | 'toolchain' | 'debugVariant'>> = {
  fullOs: 'fullImage',
  fullLanguage: 'fullImage',
  toolchain: 'toolchain',
  debug: 'debugVariant',
};

export default defineRule({
  meta: {
    id: 'dockerfile/non-minimal-base-image',
    title: 'Non-minimal base image in the shipped stage',
    defaultSeverity: 'warning',
    description:
      'Flags the shipped stage (the final stage, or the config\'s `dockerfileTarget`) when its base image (followed through `FROM <stage>` chains and ARG defaults) is a full OS, a full language image or a build toolchain. Builder stages are not checked.',
    rationale:
      'Everything in the base image ships: a full Debian-based `node` or `python` image carries compilers, git, curl and hundreds of packages an attacker can use and a scanner will report. Slim, alpine and distroless variants of the same family run the same application with a fraction of the attack surface.',
    remediation:
      'Build in a full image if you need to, then copy the result into a minimal runtime image in the final stage: `node:22-slim` instead of `node:22`, `eclipse-temurin:21-jre` instead of the JDK, `gcr.io/distroless/static-debian13` or `scratch` for a static Go binary. Distroless images have no shell: write CMD/ENTRYPOINT in exec (JSON) form.',
    peers: {},
    messages: {
      fullImage: '{{stage}} ships {{image}}, a full {{family}} image: use {{advice}}',
      toolchain: '{{stage}} ships a build toolchain ({{image}}, {{family}}): copy the build output into {{advice}}',
      debugVariant: '{{stage}} ships a debug variant with a shell ({{image}}): use {{advice}}',
    },
    fixes: ["Switch to the family's slim or JRE variant of the same version (node:22 → node:22-slim)"],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const stage = shippedStage(file, context.dockerfileTarget);
    if (!stage?.image) return;
    const root = rootStage(stage);
    if (root.base.kind !== 'image') return;
    const { ref } = root.base;
    const verdict = classifyImage(ref);
    const messageId = verdict && MESSAGE_BY_CLASS[verdict.imageClass];
    if (!verdict || !messageId) return;
    const replacement = verdict.family.replacement?.(ref.tag, ref.repository) ?? { advice: 'a slim, alpine or distroless variant' };
    const fixes: Fix[] = [];
    // One click only when the final FROM itself names the image: a shared root stage also feeds builders.
    if (replacement.tag && root === stage && root.base.literal) {
      const image = withTag(ref, replacement.tag);
      fixes.push({ title: `Use ${image}`, changes: [{ kind: 'text.replace', range: root.base.range, text: image }] });
    }
    context.report({
      messageId,
      data: { stage: capitalized(shippedStageLabel(file, stage)), image: ref.text, family: verdict.family.label, advice: replacement.advice },
      range: stage.image.range,
      severity: verdict.imageClass === 'debug' ? 'info' : undefined,
      related: baseImageLocations(stage),
      fixes,
    });
  },
});
