// dockerfile/apt-unpinned: `apt-get install <package>` without `=<version>` (hadolint DL3008).
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isInstall, packageManagerCall } from './package-managers.js';
import { programCalls } from './support.js';

/** Pinned (`curl=8.5.0-2`), a target release (`curl/bookworm`), or a package file (`./x.deb`). */
const PINNED = /[=/]|\.deb$/;

export default defineRule({
  meta: {
    id: 'dockerfile/apt-unpinned',
    title: 'apt package without a pinned version',
    defaultSeverity: 'info',
    description: 'Flags `apt-get install` / `apt install` of packages without `=<version>`. Off in `recommended`: pinning Debian/Ubuntu versions trades reproducibility for builds that break when the archive drops the version.',
    rationale: 'Without a pin the image gets whatever version the mirror serves at build time: two builds of the same Dockerfile can differ, and a changed package enters the image unreviewed.',
    remediation: 'Pin versions (`apt-get install -y curl=8.5.0-2`), or build from a base image pinned by digest and rebuild on purpose when it changes.',
    peers: { hadolint: ['DL3008'], kics: ['Apt Get Install Pin Version Not Defined'] },
    messages: { unpinned: '{{packages}} installed without a pinned version: add =<version>' },
    fixes: [],
    preset: 'strict',
  },
  checkInstruction(instruction, context) {
    for (const call of programCalls(instruction)) {
      const apt = packageManagerCall(call);
      if (apt?.manager !== 'apt' || !isInstall(apt)) continue;
      const unpinned = apt.operands.filter((word) => !PINNED.test(word.value) && !word.value.includes('$'));
      if (unpinned.length === 0) continue;
      const names = unpinned.slice(0, 3).map((word) => word.value).join(', ') + (unpinned.length > 3 ? ` and ${unpinned.length - 3} more` : '');
      context.report({ messageId: 'unpinned', data: { packages: names }, range: { start: unpinned[0].range.start, end: unpinned[unpinned.length - 1].range.end } });
    }
  },
});
