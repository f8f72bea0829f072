// dockerfile/package-cache: package-manager caches left in the shipped image: apt lists after `apt-get
// update`, `apk add` without `--no-cache`, `pip install` without `--no-cache-dir`.
import type { DockerfileFile, Instruction } from '../../server/src/dockerfile/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Fix, FixChange } from '../../server/src/engine/types.js';
import type { OffsetRange } from '../../server/src/text/positions.js';
import { isInstall, isSubcommand, mountsOver, packageManagerCall, type PackageManagerCall } from './package-managers.js';
import { programCalls, shippedStages, type ProgramCall } from './support.js';

const APT_LISTS = '/var/lib/apt/lists';
const APT_LISTS_REMOVAL = /^\/var\/lib\/apt\/lists(?:\/\*?)?$/;
const APK_CACHE = '/var/cache/apk';
const APK_CACHE_REMOVAL = /^\/var\/cache\/apk(?:\/\*?)?$/;
const PIP_CACHE = '/root/.cache/pip';
const PIP_CACHE_REMOVAL = /(?:^|\/)\.cache(?:\/pip)?(?:\/\*?)?$/;
const PIP_NO_CACHE_DIR = /^PIP_NO_CACHE_DIR=/;

/** Whether a call removes a path the pattern matches: `rm -rf /var/lib/apt/lists/*`. */
function removes(calls: readonly ProgramCall[], pattern: RegExp): boolean {
  return calls.some((call) => call.name === 'rm' && call.args.some((word) => pattern.test(word.value)));
}

function insertAfter(range: OffsetRange, text: string): FixChange {
  return { kind: 'text.replace', range: { start: range.end, end: range.end }, text };
}

/** `--no-cache` after `apk add`: nothing to remove afterwards. */
function flagFix(title: string, manager: PackageManagerCall, flag: string): Fix[] {
  return manager.subcommand ? [{ title, isPreferred: true, changes: [insertAfter(manager.subcommand.range, ` ${flag}`)] }] : [];
}

/**
 * ` && rm -rf /var/lib/apt/lists/*` after the RUN's last command, when that command is the shell form's
 * end (not inside `if … fi`, a subshell, a heredoc or the exec form) and installs come after the update.
 */
function removeListsFix(instruction: Instruction, calls: readonly ProgramCall[], update: ProgramCall): Fix[] {
  const last = instruction.commands[instruction.commands.length - 1];
  const installsAfter = calls.some((call) => call.command.range.start > update.command.range.start && isAptInstall(call));
  if (!installsAfter || instruction.json || instruction.heredocs.length > 0 || !last || last.range.end !== instruction.argsRange.end) return [];
  return [{ title: 'Remove the apt lists at the end of this RUN', isPreferred: true, changes: [insertAfter(last.range, ' && rm -rf /var/lib/apt/lists/*')] }];
}

/** `apt-get dist-clean` (apt 2.7+) removes the lists too. */
function isAptDistClean(call: ProgramCall): boolean {
  const manager = packageManagerCall(call);
  return manager?.manager === 'apt' && isSubcommand(manager, 'dist-clean');
}

function isAptInstall(call: ProgramCall): boolean {
  const manager = packageManagerCall(call);
  return manager?.manager === 'apt' && isInstall(manager);
}

/** ENV PIP_NO_CACHE_DIR in the shipped stages before `instruction`. */
function pipCacheOffByEnv(file: DockerfileFile, shipped: ReadonlySet<unknown>, instruction: Instruction): boolean {
  return file.instructions.some(
    (other) => other.keyword === 'ENV' && other.range.start < instruction.range.start && other.stage !== undefined && shipped.has(other.stage) && other.pairs.some((pair) => pair.key === 'PIP_NO_CACHE_DIR'),
  );
}

function span(manager: PackageManagerCall): OffsetRange {
  return { start: manager.call.program.range.start, end: (manager.subcommand ?? manager.call.program).range.end };
}

export default defineRule({
  meta: {
    id: 'dockerfile/package-cache',
    title: 'Package manager cache left in the image',
    defaultSeverity: 'info',
    description:
      'In the stage that ships and the stages it continues, flags `apt-get update` whose lists are not removed in the same RUN, `apk add` without `--no-cache`, and `pip install` without `--no-cache-dir` (nor PIP_NO_CACHE_DIR). A cache or tmpfs mount over the cache folder counts as cleaned.',
    rationale:
      'Package indexes and download caches are tens to hundreds of megabytes the application never reads: every pull, scan and start pays for them, and stale indexes invite a later `apt-get install` that skips `update`. Removing them in a later RUN does not help: the earlier layer keeps them.',
    remediation:
      'Clean up in the same RUN: `apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`, `apk add --no-cache …`, `pip install --no-cache-dir …`; or use `RUN --mount=type=cache,target=…` for the cache folder.',
    peers: {
      hadolint: ['DL3009', 'DL3019', 'DL3042'],
      trivy: ['DS-0025'],
      kics: ['Apt Get Install Lists Were Not Deleted', 'Apk Add Using Local Cache Path', 'Pip install Keeping Cached Packages'],
    },
    messages: {
      aptLists: 'The apt lists from `{{command}}` stay in this layer: remove them in the same RUN (&& rm -rf /var/lib/apt/lists/*)',
      apkCache: '`apk add` keeps its cache in the image: use apk add --no-cache',
      pipCache: '`pip install` keeps its download cache in the image: use pip install --no-cache-dir',
    },
    fixes: ['Remove the apt lists at the end of this RUN', 'Add --no-cache', 'Add --no-cache-dir'],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const shipped = shippedStages(file, context.dockerfileTarget);
    for (const instruction of file.instructions) {
      if (instruction.keyword !== 'RUN' || !instruction.stage || !shipped.has(instruction.stage)) continue;
      const calls = programCalls(instruction);
      const { flags } = instruction;
      for (const call of calls) {
        const manager = packageManagerCall(call);
        if (!manager) continue;
        if (manager.manager === 'apt' && isSubcommand(manager, 'update')) {
          if (removes(calls, APT_LISTS_REMOVAL) || calls.some(isAptDistClean) || mountsOver(flags, APT_LISTS)) continue;
          const command = `${call.name} update`;
          context.report({ messageId: 'aptLists', data: { command }, range: span(manager), fixes: removeListsFix(instruction, calls, call) });
        } else if (manager.manager === 'apk' && isInstall(manager)) {
          if (manager.option(['no-cache']) || removes(calls, APK_CACHE_REMOVAL) || mountsOver(flags, APK_CACHE)) continue;
          context.report({ messageId: 'apkCache', range: span(manager), fixes: flagFix('Add --no-cache', manager, '--no-cache') });
        } else if (manager.manager === 'pip' && isInstall(manager)) {
          if (manager.option(['no-cache-dir']) || removes(calls, PIP_CACHE_REMOVAL) || mountsOver(flags, PIP_CACHE)) continue;
          if (instruction.commands.some((command) => command.words.some((word) => PIP_NO_CACHE_DIR.test(word.value))) || pipCacheOffByEnv(file, shipped, instruction)) continue;
          context.report({ messageId: 'pipCache', range: span(manager), fixes: flagFix('Add --no-cache-dir', manager, '--no-cache-dir') });
        }
      }
    }
  },
});
