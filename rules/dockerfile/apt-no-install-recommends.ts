// dockerfile/apt-no-install-recommends: `apt-get install` in the shipped image without
// `--no-install-recommends`, which pulls in every package the installed ones merely recommend.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isInstall, packageManagerCall } from './package-managers.js';
import { forEachProgramCall, shippedStages } from './support.js';

/** `-o APT::Install-Recommends=false`, or a config line written earlier (`echo 'APT::Install-Recommends "0";' > …`). */
const RECOMMENDS_OFF = /Install-Recommends(?:=|"?\s+"?)(?:false|0|no)\b/i;

export default defineRule({
  meta: {
    id: 'dockerfile/apt-no-install-recommends',
    title: 'apt-get install without --no-install-recommends',
    defaultSeverity: 'info',
    description: 'Flags `apt-get install` / `apt install` in the stage that ships (and the stages it continues) without `--no-install-recommends` or `APT::Install-Recommends` set off.',
    rationale: 'Recommended packages are installed by default: often dozens of libraries, tools and docs the application never uses, each one more thing to patch and more attack surface in the image.',
    remediation: 'Install with `apt-get install -y --no-install-recommends …` and name any recommended package you really need.',
    peers: { hadolint: ['DL3015'], trivy: ['DS-0029'], kics: ['APT-GET Not Avoiding Additional Packages'] },
    messages: { recommends: '`{{command}}` also installs recommended packages: add --no-install-recommends' },
    fixes: ['Add --no-install-recommends'],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const shipped = shippedStages(file, context.dockerfileTarget);
    let configuredOff = false;
    forEachProgramCall(
      file,
      (call) => {
        if (call.command.words.some((word) => RECOMMENDS_OFF.test(word.value))) configuredOff = true;
        const apt = packageManagerCall(call);
        if (configuredOff || apt?.manager !== 'apt' || !isInstall(apt) || !apt.subcommand || apt.option(['no-install-recommends'])) return;
        const install = apt.subcommand;
        context.report({
          messageId: 'recommends',
          data: { command: `${call.name} install` },
          range: { start: call.program.range.start, end: install.range.end },
          // Not preferred: a build may rely on a recommended package; the author decides which to name.
          fixes: [{ title: 'Add --no-install-recommends', changes: [{ kind: 'text.replace', range: { start: install.range.end, end: install.range.end }, text: ' --no-install-recommends' }] }],
        });
      },
      shipped,
    );
  },
});
