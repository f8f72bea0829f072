// k8s/image-non-minimal: a well-known full OS, full language image or build toolchain run directly as
// a container, by the same classification the Dockerfile rule uses (server/src/images/families.ts).
import { defineRule } from '../../server/src/engine/defineRule.js';
import { nonMinimalImage } from '../../server/src/images/checks.js';
import { containerLabel } from './support.js';
import { forEachContainerImage, imageEditFixes } from './image-support.js';

export default defineRule({
  meta: {
    id: 'k8s/image-non-minimal',
    title: 'Full OS or language image run as a container',
    defaultSeverity: 'warning',
    description:
      'Flags a container `image:` that is a well-known full OS (`ubuntu`, `debian`, `centos`, …), a full Debian-based language image (`node:22`, `python:3.13`) or a build toolchain (`golang`, a JDK, the .NET SDK) used directly. Application images are not judged: their name says nothing about their base. Images a Helm template writes are not judged either.',
    rationale:
      'Everything in the image runs in the pod: compilers, package managers, shells and hundreds of packages an attacker can use and a scanner will report. The slim, alpine or distroless variant of the same family runs the same program with a fraction of the attack surface.',
    remediation:
      'Use the slim, alpine, JRE or distroless variant of the same family (`node:22-slim`, `eclipse-temurin:21-jre`), or build your own image on one. Distroless images have no shell: `command` must be an exec array.',
    peers: {},
    messages: {
      fullImage: '{{container}} runs {{image}}, a full {{family}} image: use {{advice}}',
      toolchain: '{{container}} runs a build toolchain ({{image}}, {{family}}): run the built program on {{advice}}',
    },
    fixes: ["Switch to the family's slim or JRE variant of the same version (node:22 → node:22-slim)"],
    // Strict, not recommended: official images such as nginx run as-is in many clusters, and the slim swap is a choice.
    preset: 'strict',
    scope: 'document',
  },
  checkYaml(file, context) {
    forEachContainerImage(file, (image, container) => {
      const found = nonMinimalImage(image);
      if (!found) return;
      context.report({
        messageId: found.imageClass === 'toolchain' ? 'toolchain' : 'fullImage',
        data: { container: containerLabel(container), image: image.ref.text, family: found.family, advice: found.replacement.advice },
        range: found.range,
        fixes: imageEditFixes(found.edit),
      });
    });
  },
});
