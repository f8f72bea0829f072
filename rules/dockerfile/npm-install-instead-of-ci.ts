// dockerfile/npm-install-instead-of-ci: `npm install` (no packages named) in a stage that ships, where
// `npm ci` installs exactly what package-lock.json pins.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { forEachProgramCall, operandsOf, shippedStages } from './support.js';

const INSTALL = new Set(['install', 'i']);

export default defineRule({
  meta: {
    id: 'dockerfile/npm-install-instead-of-ci',
    title: 'npm install instead of npm ci in the shipped image',
    defaultSeverity: 'warning',
    description: 'Flags `npm install` with no package named (the project’s own dependencies) in the stage that ships and the stages it continues. `npm install <package>` and global installs are left alone.',
    rationale:
      '`npm install` resolves version ranges again and may rewrite package-lock.json: the image gets whatever the registry serves that day, not what was reviewed and tested. `npm ci` installs exactly the locked versions (with their integrity hashes) and fails when the lock file and package.json disagree.',
    remediation: 'Copy package.json and package-lock.json, then `RUN npm ci --omit=dev` (add a lock file with `npm install --package-lock-only` if the project has none).',
    peers: {},
    messages: { install: '`npm {{subcommand}}` resolves versions again at build time: use `npm ci` to install exactly what package-lock.json pins' },
    fixes: ['Replace npm install with npm ci'],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const shipped = shippedStages(file, context.dockerfileTarget);
    forEachProgramCall(
      file,
      (call) => {
        if (call.name !== 'npm') return;
        const [subcommand, ...packages] = operandsOf(call.args);
        if (!subcommand || !INSTALL.has(subcommand.value) || packages.length > 0) return;
        if (call.args.some((word) => word.value === '-g' || word.value === '--global')) return;
        context.report({
          messageId: 'install',
          data: { subcommand: subcommand.value },
          range: subcommand.range,
          // Not preferred: `npm ci` fails without a package-lock.json, which only the build context knows.
          fixes: [{ title: 'Replace npm install with npm ci', changes: [{ kind: 'text.replace', range: subcommand.range, text: 'ci' }] }],
        });
      },
      shipped,
    );
  },
});
