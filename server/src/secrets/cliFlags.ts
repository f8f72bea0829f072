// Credentials passed on a command line (container `command`/`args`, Dockerfile `RUN`): `--password=x`,
// `--token x`, `mysql -px`, `curl -u user:pass`, `-H "Authorization: Bearer x"`, `KEY=value` words and
// `… config set <key> <value>`. A command line is kept where anyone who can read the manifest, the
// image's history or the process list sees it.
import { basename, isCommandWrapper, wrapperOptionTakesValue } from '../dockerfile/shell.js';
import type { Severity } from '../text/severity.js';
import { authorizationLiteral, judgeCredential, unquote, type Credential, type Literal } from './credentials.js';
import { credentialKeyStrength } from './keyNames.js';
import { notASecret } from './placeholders.js';
import { scanTokens } from './tokens.js';

export interface CliWord {
  /** The word as written, quotes included. */
  text: string;
  /** Where the word starts, in the caller's coordinates. */
  start: number;
}

export interface CliCredential {
  /** Index of the word that holds the secret. */
  word: number;
  secret: string;
  /** Offsets in the caller's coordinates (those of the word's `start`). */
  start: number;
  end: number;
  /** How it was passed, for messages: `--password`, `-p`, `-u`, `DB_PASSWORD=`. */
  via: string;
  /** Raised for a known shape under its key (`aws_secret_access_key`); the rule's default otherwise. */
  severity?: Severity;
}

/** Commands where `-p<password>` (attached) is a password: for them `-p value` (detached) prompts. */
const MYSQL_CLIENTS: ReadonlySet<string> = new Set(['mysql', 'mariadb', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlsh', 'mysqlcheck']);
/** Clients whose short password flag takes the password as the next word (or attached): `redis-cli -a x`. */
const SHORT_PASSWORD_FLAG: ReadonlyMap<string, string> = new Map([['redis-cli', '-a'], ['mongosh', '-p'], ['mongo', '-p'], ['mongodump', '-p'], ['mongorestore', '-p'], ['sshpass', '-p']]);
const USER_PASS_CLIENTS: ReadonlySet<string> = new Set(['curl']);
const COMMAND_SEPARATORS: ReadonlySet<string> = new Set(['&&', '||', ';', '|', '&', '(', ')', '{', '}', 'then', 'do', 'else']);
/** BuildKit `--secret id=x,src=y` names a secret; it does not hold one. */
const SECRET_MOUNT_SPEC = /^(?:id|src|source|env|type|target|required)=/;
const ASSIGNMENT_WORD = /^([A-Za-z_][\w.-]*)=(.*)$/s;
/** Registry clients whose `login -p <password>` takes the password detached (`docker run -p` is a port). */
const LOGIN_CLIENTS: ReadonlySet<string> = new Set(['docker', 'podman', 'buildah', 'skopeo', 'nerdctl', 'helm', 'oras', 'crane']);

/** Splits shell text into words, keeping quoted spans inside their word (`-H "A: b c"` is two words); `;` and line breaks become `;` words. */
export function shellWords(text: string): CliWord[] {
  const words: CliWord[] = [];
  let start = -1;
  let quote = '';
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    const boundary = ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ';';
    if (boundary) {
      if (start !== -1) words.push({ text: text.slice(start, i), start });
      // A line break ends a command just as `;` does.
      if (ch === ';' || ch === '\n') words.push({ text: ';', start: i });
      start = -1;
      continue;
    }
    if (start === -1) start = i;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\') i++;
  }
  return words;
}

function literalCredential(word: number, literal: Literal, via: string, minLength = 4): CliCredential | undefined {
  const secret = literal.text;
  if (secret.length < minLength || notASecret(secret) !== undefined || scanTokens(secret).length > 0) return undefined;
  return { word, secret, start: literal.start, end: literal.start + secret.length, via };
}

function fromJudged(word: number, judged: Credential | undefined, via: string): CliCredential | undefined {
  return judged && { word, secret: judged.secret, start: judged.start, end: judged.end, via, severity: judged.severity };
}

/** `--password`, `--api-key`, `--client-secret`: a flag whose name alone says credential. */
function isCredentialFlag(name: string): boolean {
  return credentialKeyStrength(name) === 'strong';
}

/** Where the scan stands in a command line: which program the current words belong to. */
interface CommandState {
  program: string;
  /** The first operand (`login` in `docker login`). */
  subcommand: string;
  expectProgram: boolean;
  /** Set when the last command word was a wrapper (`sudo`, `env`): its own options come before the program. */
  wrapper?: string;
}

/**
 * `startsWithCommand` is false for a container's `args` without `command`: its first word is an
 * argument of the image's entrypoint, not a program name.
 */
export function findCliCredentials(words: readonly CliWord[], startsWithCommand = true): CliCredential[] {
  const found: CliCredential[] = [];
  const state: CommandState = { program: '', subcommand: '', expectProgram: startsWithCommand };
  for (let i = 0; i < words.length; i++) {
    const word = unquote(words[i].text, words[i].start);
    if (COMMAND_SEPARATORS.has(word.text)) {
      state.expectProgram = true;
      state.wrapper = undefined;
      continue;
    }
    if (!word.text.startsWith('-') && ASSIGNMENT_WORD.test(word.text)) {
      // `DB_PASSWORD=x cmd`, `export TOKEN=x`, and the values of `--build-arg`, `-e`, `--set`.
      push(found, assignmentCredential(i, word));
      continue;
    }
    if (state.expectProgram) {
      if (state.wrapper !== undefined && word.text.startsWith('-')) {
        if (wrapperOptionTakesValue(state.wrapper, word.text)) i++; // `sudo -u app mysql -p…`: `app` is not the program
        continue;
      }
      state.wrapper = isCommandWrapper(word.text) ? word.text : undefined;
      if (state.wrapper === undefined) {
        state.program = basename(word.text);
        state.subcommand = '';
        state.expectProgram = false;
      }
      continue;
    }
    if (!word.text.startsWith('-') && !state.subcommand) state.subcommand = word.text;
    const next = words[i + 1];
    if (word.text === '-c' && next && /\s/.test(next.text)) {
      // `sh -c "<script>"`: the script is a command line of its own.
      const script = unquote(next.text, next.start);
      for (const inner of findCliCredentials(shellWords(script.text))) found.push({ ...inner, word: i + 1, start: inner.start + script.start, end: inner.end + script.start });
      i++;
    } else if (word.text.startsWith('--')) {
      push(found, longFlagCredential(i, word, next, state));
    } else {
      push(found, shortFlagCredential(i, word, next, state) ?? configSetCredential(i, word, words));
    }
  }
  return found;
}

function push(found: CliCredential[], credential: CliCredential | undefined): void {
  if (credential) found.push(credential);
}

/** `KEY=value`, judged as a key/value pair; `via` defaults to `KEY=`. */
function assignmentCredential(index: number, word: Literal, via?: string): CliCredential | undefined {
  const assignment = ASSIGNMENT_WORD.exec(word.text);
  if (assignment?.[1] === undefined || assignment[2] === undefined) return undefined;
  return fromJudged(index, judgeCredential(assignment[1], assignment[2], word.start + assignment[1].length + 1), via ?? `${assignment[1]}=`);
}

/** `--password=x`, `--password x`, `--from-literal=password=x`, `--header "Authorization: …"`, `curl --user u:p`. */
function longFlagCredential(index: number, word: Literal, next: CliWord | undefined, state: CommandState): CliCredential | undefined {
  const equals = word.text.indexOf('=');
  const name = word.text.slice(2, equals === -1 ? undefined : equals);
  const via = `--${name}`;
  if (name.startsWith('no-')) return undefined;
  let valueIndex = index;
  let value: Literal;
  if (equals !== -1) value = unquote(word.text.slice(equals + 1), word.start + equals + 1);
  else if (next && !next.text.startsWith('-')) {
    valueIndex = index + 1;
    value = unquote(next.text, next.start);
  } else return undefined;
  if (isCredentialFlag(name)) return SECRET_MOUNT_SPEC.test(value.text) ? undefined : literalCredential(valueIndex, value, via);
  if (name === 'header') return headerCredential(valueIndex, value);
  if (name === 'user' && USER_PASS_CLIENTS.has(state.program)) return userPassCredential(valueIndex, value, via);
  // An attached `k=v` value; a detached one is read as the next word's own assignment.
  return equals !== -1 ? assignmentCredential(index, value, via) : undefined;
}

/** `mysql -px`, `redis-cli -a x`, `docker login -p x`, `curl -u user:pass`, `-H "Authorization: …"`. */
function shortFlagCredential(index: number, word: Literal, next: CliWord | undefined, state: CommandState): CliCredential | undefined {
  const text = word.text;
  const nextValue = next && unquote(next.text, next.start);
  const passwordFlag = SHORT_PASSWORD_FLAG.get(state.program);
  if (MYSQL_CLIENTS.has(state.program) && text.startsWith('-p') && text.length > 2) return literalCredential(index, unquote(text.slice(2), word.start + 2), '-p', 1);
  if (passwordFlag && text.startsWith(passwordFlag)) {
    if (text.length > passwordFlag.length) return literalCredential(index, unquote(text.slice(passwordFlag.length), word.start + passwordFlag.length), passwordFlag, 1);
    return nextValue && literalCredential(index + 1, nextValue, passwordFlag, 1);
  }
  if (text === '-p' && nextValue && LOGIN_CLIENTS.has(state.program) && state.subcommand === 'login') return literalCredential(index + 1, nextValue, '-p', 1);
  if (USER_PASS_CLIENTS.has(state.program) && text.startsWith('-u')) {
    if (text.length > 2) return userPassCredential(index, { text: text.slice(2), start: word.start + 2 }, '-u');
    return nextValue && userPassCredential(index + 1, nextValue, '-u');
  }
  if (text === '-H' && nextValue) return headerCredential(index + 1, nextValue);
  return undefined;
}

/** `aws configure set aws_secret_access_key <value>`, `npm config set _authToken <value>`. */
function configSetCredential(index: number, word: Literal, words: readonly CliWord[]): CliCredential | undefined {
  const key = words[index + 1];
  const value = words[index + 2];
  if (word.text !== 'set' || !key || !value || credentialKeyStrength(key.text) !== 'strong') return undefined;
  return fromJudged(index + 2, judgeCredential(key.text, value.text, value.start), `set ${key.text}`);
}

/** `user:password` after `curl -u`: the password part, when it is a literal. */
function userPassCredential(word: number, value: Literal, via: string): CliCredential | undefined {
  const colon = value.text.indexOf(':');
  if (colon === -1) return undefined;
  return literalCredential(word, { text: value.text.slice(colon + 1), start: value.start + colon + 1 }, via, 1);
}

/** `Authorization: Bearer <literal>`, or a custom auth header (`X-Api-Key: <literal>`, `PRIVATE-TOKEN: <literal>`), passed as a header flag. */
function headerCredential(word: number, value: Literal): CliCredential | undefined {
  const match = /^(?:proxy-)?authorization:[ \t]*/i.exec(value.text);
  if (!match) {
    const header = /^([A-Za-z][\w-]{0,60}):[ \t]*/.exec(value.text);
    if (!header?.[1]) return undefined;
    return fromJudged(word, judgeCredential(header[1], value.text.slice(header[0].length), value.start + header[0].length), `${header[1]} header`);
  }
  const scheme = authorizationLiteral({ text: value.text.slice(match[0].length), start: value.start + match[0].length });
  return scheme && literalCredential(word, scheme, 'Authorization header');
}
