// The word level of the shell model: one word of a script (quotes, escapes, and the `$( )`, `$(( ))`,
// `${ }` and backticks inside it) or one redirection (`2>&1`, `<<EOF`, `<<<`), read in a single
// forward pass. Each reader returns a position past where it started: a caller cannot stall on it.

export interface ScannedWord {
  /** Where the word ends (exclusive); always after its start. */
  end: number;
  /** Quotes removed and escapes resolved; substitutions and expansions inside it kept as written. */
  value: string;
  /** No quote, escape or expansion: the word may be a reserved word (`then`, `done`, `esac`). */
  plain: boolean;
  /** A redirection: its operator (`>`, `>&`, `<<`, `<<-`, `<<<`) and its target, empty when the target is the next word. */
  redirection?: { operator: string; target: string };
}

/** A run of characters with no quoting or expansion in it: the common word (`apt-get`, `-y`, `/app`). */
const PLAIN_WORD = /[^\s;&|()<>'"\\$`]+/y;
/** Characters that end a plain word where it stands, so the fast path applies. */
const PLAIN_WORD_END = new Set([' ', '\t', '\r', '\n', ';', '&', '|', ')']);
/** Characters that end an unquoted word: blanks and the shell's operators. */
const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);
/** Characters that continue a redirection operator after its first `<` or `>`: `>>`, `>&`, `<<<`, `>|`, `<>`. */
const REDIRECTION_OPERATOR = new Set(['<', '>', '&', '|']);

/** Reads the word (or redirection) at `start`, not past `limit`. */
export function scanWord(script: string, start: number, limit: number): ScannedWord {
  PLAIN_WORD.lastIndex = start;
  const plain = PLAIN_WORD.exec(script);
  const plainEnd = PLAIN_WORD.lastIndex;
  if (plain && plainEnd <= limit && (plainEnd === limit || PLAIN_WORD_END.has(script[plainEnd]))) {
    return { end: plainEnd, value: plain[0], plain: true };
  }
  return scanQuotedWord(script, start, limit);
}

/** The general case of `scanWord`: quotes, escapes, expansions, redirections, array assignments. */
function scanQuotedWord(script: string, start: number, limit: number): ScannedWord {
  let i = start;
  let value = '';
  let plain = true;
  let operatorEnd = -1;
  let operator = '';
  // A redirection: an optional file descriptor number, then `<` or `>` and the operator's other characters.
  let digitsEnd = start;
  while (digitsEnd < limit && script.charCodeAt(digitsEnd) >= 0x30 && script.charCodeAt(digitsEnd) <= 0x39) digitsEnd++;
  if (digitsEnd < limit && (script[digitsEnd] === '<' || script[digitsEnd] === '>')) {
    let end = digitsEnd + 1;
    while (end < limit && REDIRECTION_OPERATOR.has(script[end])) end++;
    if (end === digitsEnd + 2 && script.startsWith('<<', digitsEnd) && script[end] === '-') end++;
    operator = script.slice(digitsEnd, end);
    value = script.slice(start, end);
    operatorEnd = end;
    i = end;
  }
  let segment = i;
  while (i < limit) {
    const c = script[i];
    if (WORD_END.has(c)) {
      // `list=(a b)`, `list+=(c)`: an array assignment is one word.
      if (c === '(' && i > start && script[i - 1] === '=') {
        i = skipEnclosed(script, i, limit);
        plain = false;
        continue;
      }
      break;
    }
    if (c === "'") {
      value += script.slice(segment, i);
      const close = indexWithin(script, "'", i + 1, limit);
      value += script.slice(i + 1, close);
      i = Math.min(close + 1, limit);
      segment = i;
      plain = false;
    } else if (c === '"') {
      value += script.slice(segment, i);
      const quoted = scanDoubleQuoted(script, i, limit);
      value += quoted.value;
      i = quoted.end;
      segment = i;
      plain = false;
    } else if (c === '\\') {
      value += script.slice(segment, i);
      const length = continuationLength(script, i);
      if (length === 0 && i + 1 < limit) value += script[i + 1];
      i = Math.min(i + (length || 2), limit);
      segment = i;
      plain = false;
    } else if (c === '$' && script[i + 1] === "'") {
      // `$'…'`: ANSI-C quoting, where `\'` does not end the string. Its escapes are kept as written.
      value += script.slice(segment, i);
      const close = closingAnsiQuote(script, i + 2, limit);
      value += script.slice(i + 2, close);
      i = Math.min(close + 1, limit);
      segment = i;
      plain = false;
    } else if ((c === '$' && (script[i + 1] === '(' || script[i + 1] === '{')) || c === '`') {
      i = skipEnclosed(script, i, limit);
      plain = false;
    } else {
      if (c === '$') plain = false;
      i++;
    }
  }
  // A character no branch takes (only a caller's mistake could ask for one) is read as a word of its own.
  if (i === start) i = Math.min(start + 1, script.length);
  value += script.slice(segment, i);
  const redirection = operatorEnd === -1 ? undefined : { operator, target: value.slice(operatorEnd - start) };
  return { end: i, value, plain: plain && redirection === undefined, redirection };
}

/** A `"…"` string from its opening quote: its value (escapes of `$`, `` ` ``, `"`, `\` resolved) and where it ends. */
function scanDoubleQuoted(script: string, open: number, limit: number): { value: string; end: number } {
  let value = '';
  let i = open + 1;
  let segment = i;
  while (i < limit) {
    const c = script[i];
    if (c === '"') {
      value += script.slice(segment, i);
      return { value, end: i + 1 };
    }
    if (c === '\\') {
      const next = script[i + 1];
      const continuation = continuationLength(script, i);
      if (continuation || next === '"' || next === '\\' || next === '$' || next === '`') {
        value += script.slice(segment, i) + (continuation ? '' : next);
        segment = i + (continuation || 2);
      }
      i += continuation || 2;
    } else if ((c === '$' && (script[i + 1] === '(' || script[i + 1] === '{')) || c === '`') {
      i = skipEnclosed(script, i, limit);
    } else {
      i++;
    }
  }
  const end = Math.min(i, limit);
  value += script.slice(segment, end);
  return { value, end };
}

/**
 * Skips a construct whose end is found by nesting: `$( … )`, `$(( … ))`, `${ … }`, `` `…` ``, or a
 * bare `( … )` (an array, an arithmetic command), with the quotes and constructs nested inside it.
 * Returns where it ends (`limit` when it never closes); never `open` itself. An explicit stack, not
 * recursion: nesting depth costs memory, not call stack.
 */
export function skipEnclosed(script: string, open: number, limit: number): number {
  const closers: string[] = [];
  let i = open;
  const first = script[open];
  if (first === '`' || first === '"') {
    closers.push(first);
    i += 1;
  } else if (first === '(') {
    closers.push(')');
    i += 1;
  } else {
    closers.push(script[open + 1] === '{' ? '}' : ')');
    i += 2;
  }
  while (i < limit && closers.length > 0) {
    const c = script[i];
    const closer = closers[closers.length - 1];
    if (c === '\\') {
      i += 2;
    } else if (closer === '`') {
      if (c === '`') closers.pop();
      i++;
    } else if (c === closer) {
      closers.pop();
      i++;
    } else if (c === '$' && (script[i + 1] === '(' || script[i + 1] === '{')) {
      closers.push(script[i + 1] === '{' ? '}' : ')');
      i += 2;
    } else if (c === '`') {
      closers.push('`');
      i++;
    } else if (closer === '"') {
      i++;
    } else if (c === '"') {
      closers.push('"');
      i++;
    } else if (c === "'") {
      i = indexWithin(script, "'", i + 1, limit) + 1;
    } else {
      if (c === '(' && closer === ')') closers.push(')');
      i++;
    }
  }
  return Math.max(open + 1, Math.min(i, limit));
}

/** Where the backtick substitution opened at `open` closes (its closing backtick), or `limit`. */
export function closingBacktick(script: string, open: number, limit: number): number {
  let i = open + 1;
  while (i < limit && script[i] !== '`') i += script[i] === '\\' ? 2 : 1;
  return Math.min(i, limit);
}

/** Length of the line continuation (`\` and a line break) at `i`, or 0. */
export function continuationLength(script: string, i: number): number {
  if (script[i] !== '\\') return 0;
  if (script[i + 1] === '\n') return 2;
  return script[i + 1] === '\r' && script[i + 2] === '\n' ? 3 : 0;
}

/**
 * `text.indexOf(char, from)` that does not look past `limit` (returns `limit` when not found before it):
 * inside a backtick substitution, a search to the end of the document for each `#` or `'` would be quadratic.
 */
export function indexWithin(text: string, char: string, from: number, limit: number): number {
  if (limit >= text.length) {
    const found = text.indexOf(char, from);
    return found === -1 ? limit : found;
  }
  let i = from;
  while (i < limit && text[i] !== char) i++;
  return i;
}

function closingAnsiQuote(script: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && script[i] !== "'") i += script[i] === '\\' ? 2 : 1;
  return Math.min(i, limit);
}
