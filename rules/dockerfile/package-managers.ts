// How RUN steps call package managers (apt-get/apt, apk, yum/dnf/microdnf, pip): which subcommand, with
// which options, naming which packages. The tables of each manager's options live here, reviewed once,
// for the rules on caches, pins, recommends and build tools.
import type { ShellWord } from '../../server/src/dockerfile/shellScript.js';
import { findOption, operandsOf, type OptionSyntax, type ProgramCall } from './support.js';

export type PackageManager = 'apt' | 'apk' | 'rpm' | 'pip';

/** A package manager call: `apt-get -y install curl`, `python3 -m pip install flask`. */
export interface PackageManagerCall {
  manager: PackageManager;
  call: ProgramCall;
  /** The manager's own arguments (after `-m pip` for `python -m pip`). */
  args: ShellWord[];
  /** `install`, `add`, `update`, `purge`, … */
  subcommand?: ShellWord;
  /** The operands after the subcommand: package names (with versions, `curl=8.5.0-2`), files, URLs. */
  operands: ShellWord[];
  /** `--no-cache`, `--no-install-recommends`, … wherever they stand among the arguments. */
  option(long: readonly string[], short?: string): ShellWord | undefined;
}

const APT_SYNTAX: OptionSyntax = { longWithValue: new Set(['option', 'config-file', 'target-release', 'default-release']), shortWithValue: 'oct' };
const APK_SYNTAX: OptionSyntax = {
  longWithValue: new Set(['repository', 'virtual', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'cache-max-age', 'timeout']),
  shortWithValue: 'Xtp',
};
const RPM_SYNTAX: OptionSyntax = { longWithValue: new Set(['installroot', 'releasever', 'config', 'exclude', 'repo', 'enablerepo', 'disablerepo', 'setopt']), shortWithValue: 'xcR' };
const PIP_SYNTAX: OptionSyntax = {
  longWithValue: new Set([
    'requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'find-links', 'trusted-host', 'target', 'prefix', 'root', 'platform',
    'python-version', 'implementation', 'abi', 'src', 'upgrade-strategy', 'progress-bar', 'no-binary', 'only-binary', 'config-settings', 'global-option',
    'cache-dir', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'report', 'python', 'root-user-action', 'use-feature', 'keyring-provider',
  ]),
  shortWithValue: 'rceiftC',
};

const MANAGERS: ReadonlyMap<string, { manager: PackageManager; syntax: OptionSyntax }> = new Map([
  ['apt-get', { manager: 'apt', syntax: APT_SYNTAX }],
  ['apt', { manager: 'apt', syntax: APT_SYNTAX }],
  ['apk', { manager: 'apk', syntax: APK_SYNTAX }],
  ['yum', { manager: 'rpm', syntax: RPM_SYNTAX }],
  ['dnf', { manager: 'rpm', syntax: RPM_SYNTAX }],
  ['tdnf', { manager: 'rpm', syntax: RPM_SYNTAX }],
  ['microdnf', { manager: 'rpm', syntax: RPM_SYNTAX }],
]);

const PIP = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON = /^python(?:\d+(?:\.\d+)*)?$/;

/** The package manager call `call` is, or undefined for another program. */
export function packageManagerCall(call: ProgramCall): PackageManagerCall | undefined {
  const known = MANAGERS.get(call.name);
  if (known) return read(known.manager, call, call.args, known.syntax);
  if (PIP.test(call.name)) return read('pip', call, call.args, PIP_SYNTAX);
  // `python3 -m pip install …`
  const [flag, module, ...rest] = call.args;
  if (PYTHON.test(call.name) && flag?.value === '-m' && module && PIP.test(module.value)) return read('pip', call, rest, PIP_SYNTAX);
  return undefined;
}

function read(manager: PackageManager, call: ProgramCall, args: ShellWord[], syntax: OptionSyntax): PackageManagerCall {
  const [subcommand, ...operands] = operandsOf(args, syntax);
  return { manager, call, args, subcommand, operands, option: (long, short) => findOption(args, long, short, syntax) };
}

/** Whether the call is `subcommand` (one of them). */
export function isSubcommand(call: PackageManagerCall, ...names: string[]): boolean {
  return call.subcommand !== undefined && names.includes(call.subcommand.value);
}

/** The call installs packages: `apt-get install`, `apk add`, `dnf install`, `pip install` (not `apt-get install -s`, a dry run). */
export function isInstall(call: PackageManagerCall): boolean {
  if (call.manager === 'apt' && call.option(['simulate', 'just-print', 'dry-run', 'recon', 'no-act'], 's')) return false;
  return isSubcommand(call, call.manager === 'apk' ? 'add' : 'install');
}

const VERSION_SUFFIX = /(?:[=~<>!].*|@.*)$/;

/** A package operand without its version: `curl` for `curl=8.5.0-2`, `gcc` for `gcc~=12`. */
export function packageName(operand: string): string {
  return operand.replace(VERSION_SUFFIX, '');
}

/**
 * Whether `instruction` mounts a cache or tmpfs over `path` (or a folder holding it) for its RUN:
 * `--mount=type=cache,target=/var/lib/apt/lists` keeps what is written there out of the layer.
 */
export function mountsOver(flags: readonly { name: string; value?: string }[], path: string): boolean {
  return flags.some((flag) => {
    if (flag.name !== 'mount' || !flag.value) return false;
    const fields = new Map(flag.value.split(',').map((field) => [field.split('=', 1)[0], field.slice(field.indexOf('=') + 1)]));
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    const type = fields.get('type');
    return (type === 'cache' || type === 'tmpfs') && target !== undefined && (path + '/').startsWith(target.replace(/\/*$/, '/'));
  });
}
