// The Pod the image rule tables put their containers in (most: one container named "web").
import { dedent } from '../../support/ruleTester.js';

/** A Pod named "app" whose `containers:` list is `containers` (its items indented two spaces, each line ending in a line break). */
export const podWithContainers = (containers: string) =>
  dedent(`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
  `) + containers;

/** A Pod whose container "web" has `lines` (indented for it, each ending in a line break). */
export const podWithContainer = (lines: string) => podWithContainers('  - name: web\n') + lines;

/** A Pod whose container "web" runs `image`. */
export const podWithImage = (image: string) => podWithContainer(`    image: ${image}\n`);
