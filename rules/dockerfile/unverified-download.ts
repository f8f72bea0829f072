// dockerfile/unverified-download: a RUN that downloads a file with curl or wget and never checks it
// (no sha256sum, gpg --verify, cosign verify, … in the same RUN).
import { basename } from '../../server/src/dockerfile/shell.js';
import type { ShellWord } from '../../server/src/dockerfile/shellScript.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { findOption, operandsOf, programCalls, type OptionSyntax, type ProgramCall } from './support.js';

const CURL_SYNTAX: OptionSyntax = {
  longWithValue: new Set(['output', 'header', 'data', 'user', 'request', 'proxy', 'user-agent', 'cookie', 'cookie-jar', 'continue-at', 'dump-header', 'referer', 'cert', 'form', 'config', 'max-time', 'range', 'upload-file', 'write-out', 'retry', 'retry-delay', 'retry-max-time', 'connect-timeout', 'cacert', 'capath', 'output-dir', 'proto', 'proto-redir', 'resolve', 'limit-rate']),
  shortWithValue: 'AbcCdDeEFHKmoPQrTuUwxXyYz',
};
const WGET_SYNTAX: OptionSyntax = {
  longWithValue: new Set(['output-document', 'output-file', 'append-output', 'directory-prefix', 'header', 'user', 'password', 'tries', 'timeout', 'wait', 'progress', 'user-agent', 'input-file', 'ca-certificate', 'post-data', 'method']),
  shortWithValue: 'OoaPtTwUeiB',
};

/** Programs whose presence in the RUN is taken as a check of what it downloaded. */
const CHECKSUM_PROGRAMS = /^(?:sha(?:1|224|256|384|512)sum|shasum|b2sum|md5sum|gpgv2?|cosign|minisign|signify|slsa-verifier|sigstore)$/;
/** Files that are themselves checksums, signatures or keys: they verify, they are not what needs verifying. */
const VERIFICATION_FILE = /(?:\.(?:asc|sig|sign|gpg|pub|key|pem|crt|sha\d*|sha\d+sum|md5|sums?)|(?:^|\/)(?:SHA\d*SUMS?[^/]*|KEYS|[^/]*checksums?[^/]*))$/i;
/**
 * A checksum computed inside a quoted word (`[ "$(openssl sha512 -r f)" = "$SUM" ]`): the shell model
 * reads a quoted substitution as part of its word, so the word's text is where the check shows.
 */
const CHECKSUM_IN_WORD = /(?:\$\(|`)[^)`]*?\b(?:sha(?:1|224|256|384|512)sum|shasum|b2sum|md5sum|openssl\s+(?:dgst|sha\d+))\b/;
const STDOUT = new Set(['-', '/dev/stdout']);
const NULL = '/dev/null';

/** Whether a call verifies something: a checksum tool, `gpg --verify`, `openssl dgst`, `rpm --checksig`. */
function verifies(call: ProgramCall): boolean {
  if (CHECKSUM_PROGRAMS.test(call.name)) return true;
  const args = call.args.map((word) => word.value);
  if (call.name === 'gpg' || call.name === 'gpg2') return args.includes('--verify') || args.includes('--verify-files');
  // `openssl sha512 -r file` compared with a pinned value, `openssl dgst -verify key -signature sig file`.
  if (call.name === 'openssl') return /^(?:dgst|sha\d+)$/.test(args[0] ?? '');
  if (call.name === 'rpm') return args.includes('--checksig') || args.includes('-K');
  return false;
}

/** The file a curl or wget call writes, or undefined when it writes to stdout (a pipe, a variable) or nowhere. */
function savedFile(call: ProgramCall): string | undefined {
  const redirect = call.command.words.find((word) => word.value.startsWith('>') && !word.value.startsWith('>&'));
  const redirectTarget = redirect && (redirect.value.replace(/^>>?/, '') || call.command.words[call.command.words.indexOf(redirect) + 1]?.value);
  if (redirectTarget && redirectTarget !== NULL) return redirectTarget;
  if (call.name === 'curl') {
    const output = optionValue(call.args, ['output'], 'o', CURL_SYNTAX);
    if (output !== undefined) return STDOUT.has(output) || output === NULL ? undefined : output;
    return findOption(call.args, ['remote-name', 'remote-name-all'], 'O', CURL_SYNTAX) ? urlOf(call, CURL_SYNTAX)?.value ?? '' : undefined;
  }
  if (findOption(call.args, ['spider'], '', WGET_SYNTAX)) return undefined;
  const output = optionValue(call.args, ['output-document'], 'O', WGET_SYNTAX);
  if (output !== undefined) return STDOUT.has(output) || output === NULL ? undefined : output;
  return urlOf(call, WGET_SYNTAX)?.value ?? '';
}

/** The value of an option that takes one: `-o file`, `-ofile`, `-fsSLo file`, `--output=file`, `--output file`. */
function optionValue(args: readonly ShellWord[], long: readonly string[], short: string, syntax: OptionSyntax): string | undefined {
  const word = findOption(args, long, short, syntax);
  if (!word) return undefined;
  const next = args[args.indexOf(word) + 1]?.value;
  if (word.value.startsWith('--')) {
    const equals = word.value.indexOf('=');
    return equals === -1 ? next : word.value.slice(equals + 1);
  }
  const at = word.value.indexOf(short);
  return at === word.value.length - 1 ? next : word.value.slice(at + 1);
}

function urlOf(call: ProgramCall, syntax: OptionSyntax): ShellWord | undefined {
  const operands = operandsOf(call.args, syntax);
  return operands.find((word) => word.value.includes('://')) ?? operands[0];
}

export default defineRule({
  meta: {
    id: 'dockerfile/unverified-download',
    title: 'Download not verified',
    defaultSeverity: 'info',
    description:
      'Flags RUN steps where curl or wget saves a file and nothing in the same RUN checks it: no `sha256sum -c` (or another checksum tool), `gpg --verify`, `cosign verify`, `minisign -V`. Checksum, signature and key files themselves are not flagged.',
    rationale:
      'A file fetched over the network is whatever the server (or anyone who compromised it, or a changed release) returns that day: without a pinned checksum or a signature check, the image can silently change or carry a backdoor, and the build is not reproducible.',
    remediation:
      'Pin the checksum next to the version and check it in the same RUN: `curl -fsSLo tool.tgz "$URL" && echo "$TOOL_SHA256  tool.tgz" | sha256sum -c -`, or verify the publisher’s signature with `gpg --verify`/`cosign verify-blob`. `ADD --checksum=sha256:…` does the same for a single file.',
    peers: {},
    messages: { unverified: '{{program}} saves a download that no step of this RUN verifies: check it with sha256sum -c or its signature before using it' },
    fixes: [],
    preset: 'recommended',
  },
  checkInstruction(instruction, context) {
    if (instruction.keyword !== 'RUN') return;
    const calls = programCalls(instruction);
    if (calls.some(verifies) || instruction.commands.some((command) => command.words.some((word) => CHECKSUM_IN_WORD.test(word.value)))) return;
    for (const call of calls) {
      if (call.name !== 'curl' && call.name !== 'wget') continue;
      const saved = savedFile(call);
      if (saved === undefined || VERIFICATION_FILE.test(saved.replace(/[?#].*$/, ''))) continue;
      const url = urlOf(call, call.name === 'curl' ? CURL_SYNTAX : WGET_SYNTAX);
      context.report({ messageId: 'unverified', data: { program: basename(call.program.value) }, range: (url ?? call.program).range });
    }
  },
});
