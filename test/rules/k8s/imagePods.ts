// The Pod the image rule tables put their container lines in: one container named "web".
import { dedent } from '../../support/ruleTester.js';

/** A Pod whose container "web" has `lines` (indented for it, each ending in a line break). */
export const podWithContainer = (lines: string) =>
  dedent(`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: web
  `) + lines;

/** A Pod whose container "web" runs `image`. */
export const podWithImage = (image: string) => podWithContainer(`    image: ${image}\n`);
