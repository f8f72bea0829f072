// Credentials passed on a command line (container `command`/`args`, Dockerfile `RUN`): `--password=x`,
// `--token x`, `mysql -px`, `curl -u user:pass`, `-H "Authorization: Bearer x"`, `KEY=value` words and
// `… config set <key> <value>` (design study §2.1, §2.2).
import type { Severity } from '../engine/types.js';
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
/** Words that run the next word as the command. */
const COMMAND_PREFIXES: ReadonlySet<string> = new Set(['sudo', 'exec', 'env', 'time', 'nohup', 'command', 'xargs']);
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

/**
 * `startsWithCommand` is false for a container's `args` without `command`: its first word is an
 * argument of the image's entrypoint, not a program name.
 */
export function findCliCredentials(words: readonly CliWord[], startsWithCommand = true): CliCredential[] {
  const found: CliCredential[] = [];
  let command = '';
  let subcommand = '';
  let expectCommand = startsWithCommand;
  const add = (credential: CliCredential | undefined) => {
    if (credential) found.push(credential);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const raw = unquote(word.text, word.start);
    const text = raw.text;
    if (COMMAND_SEPARATORS.has(text)) {
      expectCommand = true;
      continue;
    }
    const next = words[i + 1];
    const assignment = ASSIGNMENT_WORD.exec(text);
    if (!text.startsWith('-') && assignment?.[1] !== undefined && assignment[2] !== undefined) {
      // `DB_PASSWORD=x cmd`, `export TOKEN=x`, `--build-arg`/`-e`/`--set` values: judged as key=value.
      add(fromJudged(i, judgeCredential(assignment[1], assignment[2], raw.start + assignment[1].length + 1), `${assignment[1]}=`));
      continue;
    }
    if (expectCommand) {
      if (!COMMAND_PREFIXES.has(text)) {
        command = text.slice(text.lastIndexOf('/') + 1);
        subcommand = '';
        expectCommand = false;
      }
      continue;
    }
    if (!text.startsWith('-') && !subcommand) subcommand = text;
    if (text.startsWith('--')) {
      const equals = text.indexOf('=');
      const name = equals === -1 ? text.slice(2) : text.slice(2, equals);
      if (name.startsWith('no-')) continue;
      if (equals !== -1) {
        const value = text.slice(equals + 1);
        const valueStart = raw.start + equals + 1;
        const inner = ASSIGNMENT_WORD.exec(unquote(value).text);
        if (isCredentialFlag(name) && !SECRET_MOUNT_SPEC.test(value)) add(literalCredential(i, unquote(value, valueStart), `--${name}`));
        else if (inner?.[1] !== undefined && inner[2] !== undefined) add(fromJudged(i, judgeCredential(inner[1], inner[2], unquote(value, valueStart).start + inner[1].length + 1), `--${name}`));
        else if (name === 'header') add(headerCredential(i, unquote(value, valueStart)));
        else if (name === 'user' && USER_PASS_CLIENTS.has(command)) add(userPassCredential(i, unquote(value, valueStart), '--user'));
        continue;
      }
      if (next && !next.text.startsWith('-')) {
        const value = unquote(next.text, next.start);
        if (isCredentialFlag(name) && !SECRET_MOUNT_SPEC.test(value.text)) add(literalCredential(i + 1, value, `--${name}`));
        else if (name === 'header') add(headerCredential(i + 1, value));
        else if (name === 'user' && USER_PASS_CLIENTS.has(command)) add(userPassCredential(i + 1, value, '--user'));
      }
      continue;
    }
    const shortPasswordFlag = SHORT_PASSWORD_FLAG.get(command);
    if (text === '-c' && next && /\s/.test(next.text)) {
      // `sh -c "<script>"`: the script is a command line of its own.
      const script = unquote(next.text, next.start);
      for (const inner of findCliCredentials(shellWords(script.text))) found.push({ ...inner, word: i + 1, start: inner.start + script.start, end: inner.end + script.start });
      i++;
    } else if (text.startsWith('-p') && text.length > 2 && MYSQL_CLIENTS.has(command)) {
      add(literalCredential(i, unquote(text.slice(2), raw.start + 2), '-p', 1));
    } else if (shortPasswordFlag && text.startsWith(shortPasswordFlag)) {
      const flag = shortPasswordFlag;
      if (text.length > flag.length) add(literalCredential(i, unquote(text.slice(flag.length), raw.start + flag.length), flag, 1));
      else if (next) add(literalCredential(i + 1, unquote(next.text, next.start), flag, 1));
    } else if (text === '-p' && next && LOGIN_CLIENTS.has(command) && subcommand === 'login') {
      add(literalCredential(i + 1, unquote(next.text, next.start), '-p', 1));
    } else if (text === '-u' && next && USER_PASS_CLIENTS.has(command)) {
      add(userPassCredential(i + 1, unquote(next.text, next.start), '-u'));
    } else if (text.startsWith('-u') && text.length > 2 && USER_PASS_CLIENTS.has(command)) {
      add(userPassCredential(i, { text: text.slice(2), start: raw.start + 2 }, '-u'));
    } else if (text === '-H' && next) {
      add(headerCredential(i + 1, unquote(next.text, next.start)));
    } else if (text === 'set' && next && words[i + 2] && credentialKeyStrength(next.text) === 'strong') {
      // `aws configure set aws_secret_access_key <value>`, `npm config set _authToken <value>`.
      const value = words[i + 2];
      add(fromJudged(i + 2, judgeCredential(next.text, value.text, value.start), `set ${next.text}`));
    }
  }
  return found;
}

/** `user:password` after `curl -u`: the password part, when it is a literal. */
function userPassCredential(word: number, value: Literal, via: string): CliCredential | undefined {
  const colon = value.text.indexOf(':');
  if (colon === -1) return undefined;
  return literalCredential(word, { text: value.text.slice(colon + 1), start: value.start + colon + 1 }, via, 1);
}

/** `Authorization: Bearer <literal>` passed as a header flag. */
function headerCredential(word: number, value: Literal): CliCredential | undefined {
  const match = /^(?:proxy-)?authorization:[ \t]*/i.exec(value.text);
  if (!match) return undefined;
  const scheme = authorizationLiteral({ text: value.text.slice(match[0].length), start: value.start + match[0].length });
  return scheme && literalCredential(word, scheme, 'Authorization header');
}
