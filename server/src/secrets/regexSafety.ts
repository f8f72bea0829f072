// Whether a team's secret regex is safe to run on every value of every file: it compiles, matches
// something, stays within the RE2 subset (no lookaround, no backreference: what gitleaks and Trivy
// accept too), and has star height 1 — no repeated group that itself repeats or branches, the shape
// of every catastrophic backtracking (`(a+)+`, `(a|a)*`). A problem is a message, never a throw.

export interface CompiledTeamRegex {
  regex: RegExp;
}

/** `(?i)` at the start, as gitleaks writes it, becomes the `i` flag. */
const INLINE_IGNORE_CASE = '(?i)';

/** The compiled regex (global, with indices), or why it cannot be used. */
export function compileTeamRegex(source: string): { regex: RegExp } | { problem: string } {
  const ignoreCase = source.startsWith(INLINE_IGNORE_CASE);
  const body = ignoreCase ? source.slice(INLINE_IGNORE_CASE.length) : source;
  let regex: RegExp;
  try {
    regex = new RegExp(body, ignoreCase ? 'dgi' : 'dg');
  } catch (error) {
    return { problem: `does not compile: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}` };
  }
  const problem = unsafeConstruct(body);
  if (problem) return { problem };
  if (new RegExp(body, regex.flags.replace(/[dg]/g, '')).test('')) return { problem: 'matches the empty string: it would report every value' };
  return { regex };
}

interface Group {
  /** The group (or the whole regex) holds a quantifier that repeats more than once, or an alternation. */
  repeatsOrBranches: boolean;
}

/** The first construct outside the safe subset, described; undefined when there is none. */
function unsafeConstruct(source: string): string | undefined {
  const stack: Group[] = [{ repeatsOrBranches: false }];
  /** What the last atom was: a group that repeats or branches inside, or anything else. */
  let lastAtomRisky = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return 'uses a backreference, which RE2 (gitleaks, Trivy) does not support and which can backtrack catastrophically';
      i++;
      lastAtomRisky = false;
    } else if (char === '[') {
      // Skip the class: escapes inside it, and a `]` right after `[` or `[^`, are literal.
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
      i = j;
      lastAtomRisky = false;
    } else if (char === '(') {
      if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) return 'uses a lookaround ((?=, (?!, (?<=, (?<!), which RE2 (gitleaks, Trivy) does not support';
      stack.push({ repeatsOrBranches: false });
    } else if (char === ')') {
      const closed = stack.length > 1 ? stack.pop() : undefined;
      lastAtomRisky = closed?.repeatsOrBranches ?? false;
    } else if (char === '|') {
      stack[stack.length - 1].repeatsOrBranches = true;
      lastAtomRisky = false;
    } else if (char === '*' || char === '+' || char === '{' || char === '?') {
      const quantifier = char === '{' ? /^\{(\d*)(,?)(\d*)\}/.exec(source.slice(i)) : undefined;
      if (char === '{' && !quantifier) {
        lastAtomRisky = false; // a literal `{`
        continue;
      }
      const repeats = char === '*' || char === '+' || (quantifier !== undefined && quantifier !== null && (quantifier[2] === ',' ? quantifier[3] === '' || Number(quantifier[3]) > 1 : Number(quantifier[1]) > 1));
      if (repeats && lastAtomRisky) return 'can backtrack catastrophically: a repeated group itself repeats or has alternatives (as in (a+)+ or (a|b)*); use a character class or a bounded sequence';
      if (repeats) stack[stack.length - 1].repeatsOrBranches = true;
      if (quantifier) i += quantifier[0].length - 1;
      if (source[i + 1] === '?' || source[i + 1] === '+') i++; // lazy / possessive-looking suffix
      lastAtomRisky = false;
    } else {
      lastAtomRisky = false;
    }
  }
  return undefined;
}
