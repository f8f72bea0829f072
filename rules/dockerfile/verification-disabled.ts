// dockerfile/verification-disabled: downloads with TLS certificate checks off (`curl -k`, `wget
// --no-check-certificate`, `pip --trusted-host`, `git -c http.sslVerify=false`, NODE_TLS_REJECT_UNAUTHORIZED=0, …)
// and package installs with signature checks off (`apt-get --allow-unauthenticated`, `apk --allow-untrusted`,
// `dnf --nogpgcheck`, `[trusted=yes]`), in RUN steps and in ENV/ARG.
import type { KeyValue } from '../../server/src/dockerfile/model.js';
import type { ShellWord } from '../../server/src/dockerfile/shellScript.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { OffsetRange } from '../../server/src/text/positions.js';
import { packageManagerCall } from './package-managers.js';
import { basename } from '../../server/src/dockerfile/shell.js';
import { findOption, operandsOf, programCalls, type OptionSyntax, type ProgramCall } from './support.js';

type Check = 'tls' | 'signature';
interface Finding {
  check: Check;
  what: string;
  range: OffsetRange;
}

/** curl's short options that take a value (the next word, or the rest of a bundle). */
const CURL_SYNTAX: OptionSyntax = { shortWithValue: 'AbcCdDeEFHKmoPQrTuUwxXyYz' };
const FALSE = /^(?:false|0|no|off)$/i;
const GIT_SSL_VERIFY = /^http\.(?:.+\.)?sslverify$/i;
const APT_INSECURE_OPTION = /(?:AllowUnauthenticated|AllowInsecureRepositories|AllowDowngradeToInsecureRepositories)=(?:true|1|yes)$|Verify-(?:Peer|Host)=(?:false|0|no)$/i;
/** `deb [trusted=yes] http://…`: a source whose packages are not checked (a `file:` repository built in the same step is local). */
const TRUSTED_SOURCE = /\[[^\]]*\btrusted=yes\b[^\]]*\](?!\s*file:)/;
/** A package file on disk (`/tmp/packages/x.apk`, `./x.deb`), not a name the repository resolves. */
const LOCAL_PACKAGE = /^(?:\.{0,2}\/|[^:]*\.(?:apk|deb|rpm)$)/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** Environment variables that switch verification off, and the values that do it. */
const INSECURE_VARIABLES: readonly { name: RegExp; insecure: (value: string) => boolean }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, insecure: (value) => value === '0' },
  { name: /^PYTHONHTTPSVERIFY$/, insecure: (value) => value === '0' },
  // git reads the variable's presence, whatever its value.
  { name: /^GIT_SSL_NO_VERIFY$/, insecure: (value) => value !== '' },
  { name: /^npm_config_strict_ssl$/i, insecure: (value) => FALSE.test(value) },
  { name: /^PIP_TRUSTED_HOST$/, insecure: (value) => value !== '' },
];

function insecureVariable(name: string, value: string): boolean {
  return INSECURE_VARIABLES.some((variable) => variable.name.test(name) && variable.insecure(value));
}

/** Commands that set variables for what follows: `export A=1`, `env A=1 cmd`. */
const SETTERS = new Set(['export', 'env', 'declare', 'typeset', 'readonly']);

function checkCall(call: ProgramCall, found: Finding[]): void {
  const report = (check: Check, what: string, word: ShellWord | undefined): void => {
    if (word) found.push({ check, what, range: word.range });
  };
  const { name, args } = call;
  switch (name) {
    case 'curl': {
      const insecure = findOption(args, ['insecure'], 'k', CURL_SYNTAX);
      report('tls', `curl ${insecure?.value}`, insecure);
      return;
    }
    case 'wget':
      report('tls', 'wget --no-check-certificate', findOption(args, ['no-check-certificate']));
      return;
    case 'npm':
    case 'yarn':
    case 'pnpm':
      report('tls', `${name} --strict-ssl=false`, args.find((word) => word.value === '--no-strict-ssl' || /^--strict-ssl=(?:false|0)$/.test(word.value)));
      report('tls', `${name} config set strict-ssl false`, configSet(operandsOf(args), (key, value) => key === 'strict-ssl' && FALSE.test(value)));
      return;
    case 'git':
      report('tls', 'git http.sslVerify=false', gitSslVerifyOff(args));
      return;
    case 'rpm':
      report('signature', 'rpm --nosignature', findOption(args, ['nosignature', 'nodigest']));
      return;
  }
  const manager = packageManagerCall(call);
  // Packages built earlier in the build are local files nobody signed: nothing to check them against.
  if (manager && manager.manager !== 'pip' && manager.operands.length > 0 && manager.operands.every((word) => LOCAL_PACKAGE.test(word.value))) return;
  switch (manager?.manager) {
    case 'pip':
      report('tls', 'pip --trusted-host', manager.option(['trusted-host']));
      if (manager.subcommand) report('tls', 'pip config set trusted-host', configSet([manager.subcommand, ...manager.operands], (key) => /(?:^|\.)trusted-host$/.test(key)));
      return;
    case 'apt':
      report('signature', `${name} --allow-unauthenticated`, manager.option(['allow-unauthenticated', 'allow-insecure-repositories', 'allow-downgrade-to-insecure-repositories']));
      report('signature', `${name} --force-yes`, manager.option(['force-yes']));
      const option = aptInsecureOption(args);
      report(option?.value.includes('Verify-') ? 'tls' : 'signature', `${name} -o ${option?.value.replace(/^-o/, '')}`, option);
      return;
    case 'apk':
      report('signature', 'apk --allow-untrusted', manager.option(['allow-untrusted']));
      return;
    case 'rpm':
      report('signature', `${name} --nogpgcheck`, manager.option(['nogpgcheck']));
      return;
  }
}

/** `config set KEY VALUE` / `config set KEY=VALUE` (also `c set`, `set`): the KEY word when `matches` says so. */
function configSet(operands: readonly ShellWord[], matches: (key: string, value: string) => boolean): ShellWord | undefined {
  let at = 0;
  if (operands[at]?.value === 'config' || operands[at]?.value === 'c') at++;
  if (operands[at]?.value !== 'set') return undefined;
  const key = operands[at + 1];
  if (!key) return undefined;
  const equals = key.value.indexOf('=');
  const [name, value] = equals === -1 ? [key.value, operands[at + 2]?.value ?? ''] : [key.value.slice(0, equals), key.value.slice(equals + 1)];
  return matches(name, value) ? key : undefined;
}

/** `git -c http.sslVerify=false …` or `git config [--global] http.sslVerify false`. */
function gitSslVerifyOff(args: readonly ShellWord[]): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '-c' && args[i + 1]) {
      const [key, setting = 'true'] = args[i + 1].value.split('=', 2);
      if (GIT_SSL_VERIFY.test(key) && FALSE.test(setting)) return args[i + 1];
      i++;
    } else if (!value.startsWith('-')) {
      if (value !== 'config') return undefined;
      const operands = operandsOf(args.slice(i + 1), { longWithValue: new Set(['file', 'blob', 'type']), shortWithValue: 'f' });
      const [key, setting] = operands;
      return key && GIT_SSL_VERIFY.test(key.value) && setting && FALSE.test(setting.value) ? key : undefined;
    }
  }
  return undefined;
}

/** `apt-get -o APT::Get::AllowUnauthenticated=true` (or `-oAcquire::https::Verify-Peer=false`). */
function aptInsecureOption(args: readonly ShellWord[]): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    const option = value === '-o' || value === '--option' ? args[i + 1]?.value : value.startsWith('-o') ? value.slice(2) : value.startsWith('--option=') ? value.slice(9) : undefined;
    if (option !== undefined && APT_INSECURE_OPTION.test(option)) return value === '-o' || value === '--option' ? args[i + 1] : args[i];
  }
  return undefined;
}

/** `NAME=value` words that set an insecure variable: before a command's program, or as arguments of export/env. */
function checkAssignments(words: readonly ShellWord[], found: Finding[]): void {
  let i = 0;
  for (; i < words.length && ASSIGNMENT.test(words[i].value); i++) checkAssignment(words[i], found);
  if (i < words.length && SETTERS.has(basename(words[i].value))) for (const word of words.slice(i + 1)) checkAssignment(word, found);
}

function checkAssignment(word: ShellWord, found: Finding[]): void {
  const assignment = ASSIGNMENT.exec(word.value);
  if (assignment && insecureVariable(assignment[1], assignment[2])) found.push({ check: 'tls', what: variableText(assignment[1], assignment[2]), range: word.range });
}

function checkPair(pair: KeyValue, found: Finding[]): void {
  if (pair.value !== undefined && insecureVariable(pair.key, pair.value)) found.push({ check: 'tls', what: variableText(pair.key, pair.value), range: pair.range });
}

/** How a message names the variable: with its value when that is a switch (`=0`, `=false`), never a host or other user text. */
function variableText(name: string, value: string): string {
  return FALSE.test(value) ? `${name}=${value}` : name;
}

export default defineRule({
  meta: {
    id: 'dockerfile/verification-disabled',
    title: 'TLS or signature verification switched off',
    defaultSeverity: 'warning',
    description:
      'Flags downloads with TLS certificate checks off (`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `npm config set strict-ssl false`, `git -c http.sslVerify=false`, NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, in RUN, ENV and ARG) and package installs with signature checks off (`apt-get --allow-unauthenticated`/`--force-yes`, `[trusted=yes]` sources, `apk --allow-untrusted`, `dnf`/`yum --nogpgcheck`, `rpm --nosignature`).',
    rationale:
      'Without certificate or signature checks, anyone who can tamper with the network path or the mirror (a proxy, a compromised CDN, DNS) decides what gets into the image, and nothing in the build notices. A variable set with ENV or ARG also switches the checks off for every later step, and ENV for the running container.',
    remediation:
      'Fix the trust problem instead of switching verification off: install the CA certificate the proxy uses (`COPY corp-ca.crt /usr/local/share/ca-certificates/` then `update-ca-certificates`), use the package repository signing key (`signed-by=`), and remove the insecure option or variable.',
    peers: {
      checkov: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_16'],
    },
    messages: {
      tls: '{{what}} switches off TLS certificate checks: whoever sits on the network path decides what gets into the image',
      signature: '{{what}} installs packages without checking their signatures: a tampered mirror decides what gets into the image',
    },
    fixes: [],
    preset: 'recommended',
  },
  checkInstruction(instruction, context) {
    const found: Finding[] = [];
    if (instruction.keyword === 'RUN') for (const call of programCalls(instruction)) checkCall(call, found);
    if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') for (const pair of instruction.pairs) checkPair(pair, found);
    for (const command of instruction.commands) {
      checkAssignments(command.words, found);
      for (const word of command.words) if (TRUSTED_SOURCE.test(word.value)) found.push({ check: 'signature', what: '[trusted=yes]', range: word.range });
    }
    found.sort((a, b) => a.range.start - b.range.start);
    for (const { check, what, range } of found) context.report({ messageId: check, data: { what }, range });
  },
});
