// dockerfile/pip-without-hashes: `pip install <packages>` named on the command line, with neither
// `--require-hashes` nor a requirements/constraints file.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isInstall, packageManagerCall } from './package-managers.js';
import { programCalls } from './support.js';

/** A local project, wheel or archive, or a path: not resolved from the index. */
const LOCAL = /^(?:\.|\/|~)|\.(?:whl|tar\.gz|zip)$/;

export default defineRule({
  meta: {
    id: 'dockerfile/pip-without-hashes',
    title: 'pip install without hashes or a lock file',
    defaultSeverity: 'info',
    description:
      'Flags `pip install` of packages named on the command line without `--require-hashes`, a requirements file (`-r`) or a constraints file (`-c`). Local projects, wheels and paths are left alone.',
    rationale:
      'Packages named on the command line resolve against the index at build time: an unpinned name takes whatever is newest, and even a pinned version takes any file the index serves for it. A hashed lock file makes the install exactly what was reviewed.',
    remediation: 'Install from a lock file with hashes: `pip install --require-hashes -r requirements.txt` (generate it with `pip-compile --generate-hashes`, `uv pip compile --generate-hashes` or `poetry export`).',
    peers: {},
    messages: { unhashed: 'pip installs {{packages}} from the index without hashes: install from a hashed lock file (--require-hashes -r requirements.txt)' },
    fixes: [],
    preset: 'strict',
  },
  checkInstruction(instruction, context) {
    for (const call of programCalls(instruction)) {
      const pip = packageManagerCall(call);
      if (pip?.manager !== 'pip' || !isInstall(pip)) continue;
      if (pip.option(['require-hashes', 'requirement', 'constraint'], 'rc')) continue;
      const named = pip.operands.filter((word) => !LOCAL.test(word.value) && !word.value.includes('$'));
      if (named.length === 0) continue;
      const names = named.slice(0, 3).map((word) => word.value).join(', ') + (named.length > 3 ? ` and ${named.length - 3} more` : '');
      context.report({ messageId: 'unhashed', data: { packages: names }, range: { start: named[0].range.start, end: named[named.length - 1].range.end } });
    }
  },
});
