// Word-level reading of instruction arguments: blank-separated words with quotes and the escape
// character, `--flag[=value]` prefixes, `key=value` pairs and the JSON (exec) form.

/** A word of an instruction's arguments; offsets index the instruction's `args` text. */
export interface Word {
  /** As written, quotes and escapes included. */
  raw: string;
  /** Quotes removed and escapes resolved (no variable expansion). */
  value: string;
  start: number;
  end: number;
}

/** Splits `text` into words the way BuildKit's word lexer does, without expanding variables. */
export function splitWords(text: string, escape: string): Word[] {
  const words: Word[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && isBlank(text.charCodeAt(i))) i++;
    if (i >= length) break;
    const start = i;
    let plain = true;
    while (i < length && !isBlank(text.charCodeAt(i))) {
      const c = text[i];
      if (c === "'") {
        plain = false;
        const close = text.indexOf(c, i + 1);
        i = close === -1 ? length : close + 1;
      } else if (c === '"') {
        plain = false;
        i++;
        while (i < length && text[i] !== '"') i += text[i] === escape ? 2 : 1;
        i++;
      } else {
        if (c === escape) {
          plain = false;
          i++;
        }
        i++;
      }
    }
    const end = Math.min(i, length);
    const raw = text.slice(start, end);
    words.push({ raw, value: plain ? raw : unquote(raw, escape), start, end });
    i = end;
  }
  return words;
}

/** Removes quotes and resolves escapes in one word (`"a b"` → `a b`, `\$x` → `$x`). */
export function unquote(raw: string, escape: string): string {
  let value = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      else value += c;
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === escape && (raw[i + 1] === '"' || raw[i + 1] === escape || raw[i + 1] === '$')) value += raw[++i];
      else value += c;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === escape && i + 1 < raw.length) {
      value += raw[++i];
    } else {
      value += c;
    }
  }
  return value;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** `--name=value` (or a bare `--name`) before an instruction's other arguments. */
export interface FlagWord {
  name: string;
  value?: string;
  /** Offsets in `args`: the whole flag, and its value after `=`. */
  start: number;
  end: number;
  valueStart?: number;
}

/** Leading `--flags` of FROM, RUN, COPY, ADD, HEALTHCHECK; stops at the first other word (or a bare `--`). */
export function leadingFlags<W extends Word>(words: readonly W[]): { flags: FlagWord[]; rest: W[] } {
  const flags: FlagWord[] = [];
  let k = 0;
  for (; k < words.length; k++) {
    const word = words[k];
    if (!word.raw.startsWith('--') || word.raw === '--') break;
    const equals = word.value.indexOf('=');
    const rawEquals = word.raw.indexOf('=');
    flags.push(
      equals === -1
        ? { name: word.value.slice(2), start: word.start, end: word.end }
        : { name: word.value.slice(2, equals), value: word.value.slice(equals + 1), start: word.start, end: word.end, valueStart: word.start + rawEquals + 1 },
    );
  }
  return { flags, rest: words.slice(k) };
}

/** `[ "a", "b" ]`: the exec form's strings, or undefined for the shell form. */
export function parseJsonForm(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/** The string tokens of the JSON array at `from` in `text`, in order, with their offsets (quotes included) in `text`. */
export function jsonStrings(text: string, from = 0): Word[] {
  const tokens: Word[] = [];
  for (const match of text.slice(from).matchAll(JSON_STRING)) {
    const start = from + match.index;
    tokens.push({ raw: match[0], value: JSON.parse(match[0]) as string, start, end: start + match[0].length });
  }
  return tokens;
}

/**
 * Maps an offset in a JSON string token's decoded value to its offset in the token as written (quotes
 * included), through escapes such as `\"` and `\u0053`; the value's length maps to the closing quote.
 */
export function jsonValueOffsets(raw: string): (index: number) => number {
  if (!raw.includes('\\')) return (index) => index + 1;
  const offsets: number[] = [];
  for (let at = 1; at < raw.length - 1; at += raw[at] !== '\\' ? 1 : raw[at + 1] === 'u' ? 6 : 2) offsets.push(at);
  offsets.push(raw.length - 1);
  return (index) => offsets[Math.min(index, offsets.length - 1)];
}
