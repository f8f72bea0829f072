// dockerfile/build-tools-in-final-stage: compilers, make and git installed in the stage that ships and
// not removed again: build in an earlier stage and copy the result.
import type { Instruction } from '../../server/src/dockerfile/model.js';
import type { ShellWord } from '../../server/src/dockerfile/shellScript.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isInstall, isSubcommand, packageManagerCall, packageName, type PackageManagerCall } from './package-managers.js';
import { forEachProgramCall, shippedStageLabel, shippedStages } from './support.js';

/** Tool-chain packages across Debian/Ubuntu, Alpine and RHEL-family names (`gcc-12` and `clang-17` too). */
const BUILD_TOOL = /^(?:build-essential|build-base|alpine-sdk|gcc|g\+\+|gcc-c\+\+|c\+\+|clang|llvm|make|cmake|autoconf|automake|libtool|ninja-build|ninja|meson|git)(?:-\d+(?:\.\d+)*)?$/;

interface Install {
  manager: PackageManagerCall;
  instruction: Instruction;
  tools: ShellWord[];
  /** apk `--virtual .build-deps`: removed together by `apk del .build-deps`. */
  group?: string;
}

function virtualGroup(manager: PackageManagerCall): string | undefined {
  const args = manager.args;
  const at = args.findIndex((word) => word.value === '--virtual' || word.value === '-t' || word.value.startsWith('--virtual='));
  if (at === -1) return undefined;
  const word = args[at].value;
  return word.startsWith('--virtual=') ? word.slice(10) : args[at + 1]?.value;
}

/** apt-get purge/remove, autoremove; apk del; dnf/yum remove, erase, autoremove. */
function isRemoval(manager: PackageManagerCall): boolean {
  if (manager.manager === 'apk') return isSubcommand(manager, 'del');
  return isSubcommand(manager, 'purge', 'remove', 'erase', 'autoremove');
}

export default defineRule({
  meta: {
    id: 'dockerfile/build-tools-in-final-stage',
    title: 'Build tools in the shipped image',
    defaultSeverity: 'info',
    description:
      'Flags compilers and build tools (build-essential, build-base, gcc, g++, clang, make, cmake, autotools, git, …) installed in the stage that ships, or the stages it continues, and not removed again (`apt-get purge`, `apk del` of the package or its `--virtual` group, `apt-mark auto` + `--auto-remove`).',
    rationale: 'A compiler, make and git in the running image help an attacker build and fetch tools after a foothold, add hundreds of megabytes and packages to patch, and are never needed to run the application.',
    remediation: 'Use a multi-stage build: compile in a `FROM … AS build` stage with the tool-chain, then `COPY --from=build` only the artifacts into a slim final stage. If the tools must be in one RUN, remove them at its end.',
    peers: {},
    messages: { buildTools: '{{tools}} {{stay}} in {{stage}}: build in an earlier stage and COPY --from it only what runs' },
    fixes: [],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const shipped = shippedStages(file, context.dockerfileTarget);
    const installs: Install[] = [];
    const removed = new Set<string>();
    /** RUNs whose installs an `apt-mark auto` + autoremove takes back (docker-library's pattern). */
    const autoRemoving = new Set<Instruction>();
    const marksAuto = new Set<Instruction>();
    forEachProgramCall(
      file,
      (call) => {
        if (call.name === 'apt-mark' && call.args[0]?.value === 'auto') marksAuto.add(call.instruction);
        const manager = packageManagerCall(call);
        if (!manager || manager.manager === 'pip') return;
        if (isInstall(manager)) {
          const tools = manager.operands.filter((word) => BUILD_TOOL.test(packageName(word.value)));
          if (tools.length) installs.push({ manager, instruction: call.instruction, tools, group: virtualGroup(manager) });
        } else if (isRemoval(manager)) {
          for (const word of manager.operands) removed.add(packageName(word.value));
          const autoRemove = isSubcommand(manager, 'autoremove') || manager.option(['auto-remove', 'autoremove']) !== undefined;
          if (autoRemove && marksAuto.has(call.instruction)) autoRemoving.add(call.instruction);
        }
      },
      shipped,
    );
    for (const install of installs) {
      if (autoRemoving.has(install.instruction) || (install.group && removed.has(install.group))) continue;
      const kept = install.tools.filter((word) => !removed.has(packageName(word.value)));
      if (kept.length === 0) continue;
      const stage = install.instruction.stage;
      context.report({
        messageId: 'buildTools',
        data: { tools: kept.map((word) => packageName(word.value)).join(', '), stay: kept.length === 1 ? 'stays' : 'stay', stage: stage ? shippedStageLabel(file, stage) : 'the final stage' },
        range: kept[0].range,
      });
    }
  },
});
