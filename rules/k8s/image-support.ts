// What the Kubernetes image rules share: each container's `image:` as a written reference (templated
// and invalid values skipped), and the fix that applies an image edit.
import type { Fix } from '../../server/src/engine/types.js';
import type { ImageEdit } from '../../server/src/images/checks.js';
import { writtenImage, type WrittenImage } from '../../server/src/images/written.js';
import type { Container } from '../../server/src/k8s/model.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';

/** Istio's gateway injection replaces `image: auto` with its proxy image: a placeholder, not a reference. */
const INJECTED_PLACEHOLDER = 'auto';

/** Visits each container whose `image:` is a literal reference (a Helm value such as `{{ .Values.image }}` is not). */
export function forEachContainerImage(file: YamlFile, visit: (image: WrittenImage, container: Container) => void): void {
  for (const container of file.containers) {
    const image = writtenImage(container.podSpec.resource.nav.field(container.node, 'image'), file.text);
    if (image && image.ref.text !== INJECTED_PLACEHOLDER) visit(image, container);
  }
}

/** The quick fixes for an image edit: none when there is no edit. Never preferred: a new image is for a person to choose. */
export function imageEditFixes(edit: ImageEdit | undefined): Fix[] {
  return edit ? [{ title: edit.title, changes: [{ kind: 'text.replace', range: edit.range, text: edit.text }] }] : [];
}
