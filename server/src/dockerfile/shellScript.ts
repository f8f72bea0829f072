// The command level of the shell model: splits a script into the simple commands it runs, through
// lists and pipelines, `( )` subshells, `{ }` groups, if/while/until/for, case arms, functions,
// `[[ ]]`, `$( )` / `<( )` / backtick substitutions, arithmetic and heredocs. One forward pass: every
// step consumes at least one character (the loop enforces it), contexts live on an explicit stack.
import type { OffsetRange } from '../text/positions.js';
import { closingBacktick, continuationLength, indexWithin, scanWord, skipEnclosed, type ScannedWord } from './shellWord.js';

export interface ShellWord {
  /** Quotes removed. */
  value: string;
  range: OffsetRange;
}

export interface ShellCommand {
  words: ShellWord[];
  /** `a | b`: for `b`, the command `a` whose output it reads. */
  pipedFrom?: ShellCommand;
  /** `b` in `a "$(b)"` or `a <(b)`: the command `a` that consumes this one's output. */
  substitutedInto?: ShellCommand;
  /** First word start to last word end. */
  range: OffsetRange;
}

/** Maps `[start, end)` in the script to the document. */
export type ScriptRange = (start: number, end: number) => OffsetRange;

/** Splits `script` into simple commands, appending them to `out` in document order. */
export function splitCommands(script: string, toRange: ScriptRange, out: ShellCommand[]): void {
  for (const command of new ScriptReader(script, toRange).read()) out.push(command);
}

/** Nesting deeper than this is read flat: no real script comes close, and each level costs memory. */
const MAX_DEPTH = 256;

/** A command being assembled. */
interface Draft {
  words: ShellWord[];
  /** `a | b`: for `b`, the command `a`. */
  pipedFrom?: ShellCommand;
  /** The command made of these words, once finished. */
  command?: ShellCommand;
}

/** What the words read next are. */
type Mode =
  /** The current command's words. */
  | 'command'
  /** Not a command: a `for`/`select` header, or the redirections after `)`, `}`, `done`, `fi`, `esac`. */
  | 'discard'
  /** The name after `function`. */
  | 'functionName'
  /** `case WORD in`: the word, up to `in`. */
  | 'caseSubject'
  /** `[[ … ]]`: `&&`, `||`, `(`, `)` are operands of the test, not operators. */
  | 'testExpression';

/** `( … )`. */
interface SubshellContext {
  kind: 'subshell';
  emittedBefore: number;
}

/** `case … esac`, reading its patterns or an arm's commands. */
interface CaseContext {
  kind: 'case';
  emittedBefore: number;
  readingPatterns: boolean;
}

/** `$( … )`, `<( … )`, `>( … )` or `` `…` ``: the commands inside feed `outer`, resumed at the close. */
interface SubstitutionContext {
  kind: 'substitution' | 'backtick';
  emittedBefore: number;
  outer: Draft;
  outerMode: Mode;
  outerOwner?: Draft;
  outerLimit: number;
}

type Context = SubshellContext | CaseContext | SubstitutionContext;

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
}

class ScriptReader {
  /** Where reading stops: the script's end, or the closing backtick of the innermost backtick substitution. */
  private limit: number;
  private draft: Draft = { words: [] };
  private mode: Mode = 'command';
  /** The command that substitutions being read now feed (`sh` while reading `sh <(curl …)`). */
  private owner?: Draft;
  /** After `)`, `}`, `done`, `fi`, `esac`: the compound's last command, which `| next` reads from. */
  private compoundOutput?: ShellCommand;
  private readonly contexts: Context[] = [];
  /** How many `( )` and `$( )` contexts are open: an arm's `)` may close one of them. */
  private openParens = 0;
  private readonly emitted: ShellCommand[] = [];
  /** Commands inside substitutions and the command they feed, linked once every command is finished. */
  private readonly substituted: { command: ShellCommand; owner: Draft }[] = [];
  private pendingHeredocs: PendingHeredoc[] = [];
  /** `<< EOF` (blank after the operator): the next word is the delimiter. */
  private delimiterFollows?: { stripTabs: boolean };

  constructor(
    private readonly script: string,
    private readonly toRange: ScriptRange,
  ) {
    this.limit = script.length;
  }

  read(): ShellCommand[] {
    let i = 0;
    for (;;) {
      if (i >= this.limit) {
        const resume = this.closeBacktickAtLimit();
        if (resume === undefined) break;
        i = resume;
        continue;
      }
      const next = this.step(i);
      // The one place the position moves: at least one character per step, whatever the step did.
      i = Math.min(Math.max(next, i + 1), this.limit);
    }
    while (this.contexts.length) this.closeContext();
    this.finish();
    for (const { command, owner } of this.substituted) if (owner.command) command.substitutedInto = owner.command;
    // A substitution's commands finish before the command they feed.
    if (this.substituted.length) this.emitted.sort((a, b) => a.range.start - b.range.start);
    return this.emitted;
  }

  /** Reads what starts at `i`; returns where it ends. */
  private step(i: number): number {
    const s = this.script;
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\r') return i + 1;
    const continuation = continuationLength(s, i);
    if (continuation) return i + continuation;
    if (c === '\n') return this.newline(i);
    if (c === '#') return this.comment(i);
    const top = this.top();
    if (top?.kind === 'case' && top.readingPatterns) return this.pattern(i, top);
    if (this.mode === 'testExpression' && (c === '&' || c === '|' || c === '(' || c === ')')) return i + 1;
    switch (c) {
      case ';':
        return this.semicolon(i);
      case '&':
        if (s[i + 1] === '>') return this.word(i, i + 1);
        this.separate();
        return s[i + 1] === '&' ? i + 2 : i + 1;
      case '|':
        if (s[i + 1] === '|') {
          this.separate();
          return i + 2;
        }
        this.pipe();
        return s[i + 1] === '&' ? i + 2 : i + 1;
      case '(':
        return this.openParen(i);
      case ')':
        this.closeParen();
        return i + 1;
      case '`':
        return this.openBacktick(i);
      case '$':
        if (s[i + 1] === '(' && s[i + 2] !== '(') return this.openSubstitution(i, i + 2);
        break;
      case '<':
      case '>':
        if (s[i + 1] === '(') return this.openSubstitution(i, i + 2);
        break;
    }
    return this.word(i, i);
  }

  private top(): Context | undefined {
    return this.contexts[this.contexts.length - 1];
  }

  /** A word at `start` (read from `from`: `&>` starts a redirection one character early). */
  private word(start: number, from: number): number {
    const scanned = scanWord(this.script, from, this.limit);
    const value = from === start ? scanned.value : this.script.slice(start, from) + scanned.value;
    this.noteHeredoc(scanned);
    switch (this.mode) {
      case 'discard':
        return scanned.end;
      case 'functionName':
        this.mode = 'command';
        return scanned.end;
      case 'caseSubject':
        if (scanned.plain && value === 'in') this.openCase();
        return scanned.end;
      case 'testExpression':
        if (scanned.plain && value === ']]') this.mode = 'command';
        break;
      case 'command':
        if (this.draft.words.length === 0 && scanned.plain && this.reservedWord(value)) return scanned.end;
        if (this.draft.words.length === 0 && scanned.plain && value === '[[') this.mode = 'testExpression';
        break;
    }
    this.draft.words.push({ value, range: this.toRange(start, scanned.end) });
    return scanned.end;
  }

  /**
   * A reserved word at command position: what it does to the reading, or false for an ordinary word.
   * `then apt-get install x` is the command `apt-get install x`; `for x in a b` is no command at all.
   */
  private reservedWord(word: string): boolean {
    switch (word) {
      case 'if':
      case 'then':
      case 'elif':
      case 'else':
      case 'while':
      case 'until':
      case 'do':
      case '!':
      case '{':
        return true;
      case 'fi':
      case 'done':
      case '}':
        this.endCompound(0);
        return true;
      case 'esac':
        if (this.top()?.kind === 'case') this.closeContext();
        else this.endCompound(0);
        return true;
      case 'for':
      case 'select':
        this.mode = 'discard';
        return true;
      case 'case':
        this.mode = 'caseSubject';
        return true;
      case 'function':
        this.mode = 'functionName';
        return true;
      default:
        return false;
    }
  }

  /** Registers the heredoc a `<<EOF` word opens: its body, after the line ends, is data. */
  private noteHeredoc(word: ScannedWord): void {
    if (this.delimiterFollows) {
      this.pendingHeredocs.push({ delimiter: word.value, stripTabs: this.delimiterFollows.stripTabs });
      this.delimiterFollows = undefined;
      return;
    }
    const operator = word.redirection?.operator;
    if (operator !== '<<' && operator !== '<<-') return;
    const stripTabs = operator === '<<-';
    const target = word.redirection?.target ?? '';
    if (target) this.pendingHeredocs.push({ delimiter: target, stripTabs });
    else this.delimiterFollows = { stripTabs };
  }

  /** A line break ends the command, and the bodies of the heredocs opened on the line follow it. */
  private newline(i: number): number {
    if (this.mode !== 'caseSubject') this.separate();
    this.delimiterFollows = undefined;
    let next = i + 1;
    for (const heredoc of this.pendingHeredocs) next = skipHeredocBody(this.script, next, this.limit, heredoc);
    this.pendingHeredocs = [];
    return next;
  }

  private comment(i: number): number {
    return indexWithin(this.script, '\n', i, this.limit);
  }

  /** `;`, or a case arm's end: `;;`, `;&`, `;;&`. */
  private semicolon(i: number): number {
    const s = this.script;
    const armEnd = s[i + 1] === ';' || s[i + 1] === '&';
    this.separate();
    const top = this.top();
    if (armEnd && top?.kind === 'case') top.readingPatterns = true;
    if (!armEnd) return i + 1;
    return s[i + 1] === ';' && s[i + 2] === '&' ? i + 3 : i + 2;
  }

  /** A case pattern list (`(a|b)`), up to the `)` that starts its arm, or the `esac` that ends the case. */
  private pattern(i: number, caseContext: CaseContext): number {
    const c = this.script[i];
    if (c === ')') {
      caseContext.readingPatterns = false;
      this.mode = 'command';
      return i + 1;
    }
    if (c === '(' || c === '|' || c === ';' || c === '&') return i + 1;
    const scanned = scanWord(this.script, i, this.limit);
    if (scanned.plain && scanned.value === 'esac') this.closeContext();
    return scanned.end;
  }

  private openParen(i: number): number {
    const s = this.script;
    let after = i + 1;
    while (after < this.limit && (s[after] === ' ' || s[after] === '\t')) after++;
    if (s[after] === ')') {
      // `name()`: a function definition; its name is not a command.
      this.draft = { words: [] };
      this.mode = 'command';
      return after + 1;
    }
    if (this.draft.words.length === 0 && s[i + 1] === '(') {
      // `(( i++ ))`: arithmetic, not a command (also `for (( …; …; … ))`).
      return skipEnclosed(s, i, this.limit);
    }
    // `a (b)` is a syntax error; reading `(b)` as a subshell keeps the parentheses paired. A pipe into
    // `( … )` stays pending: the subshell's first command reads it.
    if (this.draft.words.length) this.finish();
    if (this.contexts.length >= MAX_DEPTH) return i + 1;
    this.contexts.push({ kind: 'subshell', emittedBefore: this.emitted.length });
    this.openParens++;
    this.mode = 'command';
    return i + 1;
  }

  private closeParen(): void {
    // A case left open inside `( … )` or `$( … )` ends with it: an arm's `)` is never its own case's.
    while (this.openParens > 0 && this.top()?.kind === 'case') this.closeContext();
    const kind = this.top()?.kind;
    if (kind === 'subshell' || kind === 'substitution') this.closeContext();
    else this.separate(); // a stray `)`: a syntax error; it still ends the command
  }

  private openCase(): void {
    if (this.contexts.length >= MAX_DEPTH) {
      this.mode = 'discard';
      return;
    }
    this.contexts.push({ kind: 'case', emittedBefore: this.emitted.length, readingPatterns: true });
    this.mode = 'command';
  }

  /** `$(`, `<(`, `>(` at `open`; the commands inside start at `body`. */
  private openSubstitution(open: number, body: number): number {
    if (this.contexts.length >= MAX_DEPTH) return this.word(open, open);
    this.enterSubstitution('substitution', this.limit);
    this.openParens++;
    return body;
  }

  private openBacktick(open: number): number {
    if (this.contexts.length >= MAX_DEPTH) return this.word(open, open);
    const close = closingBacktick(this.script, open, this.limit);
    this.enterSubstitution('backtick', this.limit);
    this.limit = close;
    return open + 1;
  }

  private enterSubstitution(kind: 'substitution' | 'backtick', outerLimit: number): void {
    this.contexts.push({ kind, emittedBefore: this.emitted.length, outer: this.draft, outerMode: this.mode, outerOwner: this.owner, outerLimit });
    this.owner = this.draft;
    this.draft = { words: [] };
    this.mode = 'command';
  }

  /** At the closing backtick (or the script's end): closes what the backtick substitution holds, and where to resume. */
  private closeBacktickAtLimit(): number | undefined {
    if (!this.contexts.some((context) => context.kind === 'backtick')) return undefined;
    const close = this.limit;
    let closed: Context['kind'] | undefined;
    do {
      closed = this.top()?.kind;
      this.closeContext();
    } while (closed !== 'backtick');
    return close + 1;
  }

  private closeContext(): void {
    const context = this.contexts.pop();
    if (!context) return;
    if (context.kind === 'subshell' || context.kind === 'substitution') this.openParens--;
    if (context.kind === 'subshell' || context.kind === 'case') {
      this.endCompound(context.emittedBefore);
      return;
    }
    this.finish();
    this.draft = context.outer;
    this.mode = context.outerMode;
    this.owner = context.outerOwner;
    this.limit = context.outerLimit;
  }

  /** The end of a compound command: what `| next` reads is its last command; redirections may follow. */
  private endCompound(emittedBefore: number): void {
    this.finish();
    this.compoundOutput = this.emitted.length > emittedBefore ? this.emitted[this.emitted.length - 1] : undefined;
    this.mode = 'discard';
  }

  /** `;`, `&`, `&&`, `||`, a line break: the command ends, the next one starts afresh. */
  private separate(): void {
    this.finish();
    this.compoundOutput = undefined;
    this.mode = 'command';
  }

  private pipe(): void {
    const source = this.finish() ?? this.compoundOutput;
    this.compoundOutput = undefined;
    this.mode = 'command';
    this.draft.pipedFrom = source;
  }

  /** Ends the current command: emits it when it has words. */
  private finish(): ShellCommand | undefined {
    const draft = this.draft;
    this.draft = { words: [] };
    const { words } = draft;
    if (words.length === 0) return undefined;
    const command: ShellCommand = { words, pipedFrom: draft.pipedFrom, range: { start: words[0].range.start, end: words[words.length - 1].range.end } };
    draft.command = command;
    if (this.owner) this.substituted.push({ command, owner: this.owner });
    this.emitted.push(command);
    return command;
  }
}

/** Skips a heredoc's body from `from` (the line after its `<<` word): returns where the line after its terminator starts. */
function skipHeredocBody(script: string, from: number, limit: number, heredoc: PendingHeredoc): number {
  let at = from;
  while (at < limit) {
    const lineEnd = indexWithin(script, '\n', at, limit);
    let first = at;
    if (heredoc.stripTabs) while (first < lineEnd && script[first] === '\t') first++;
    const last = lineEnd > first && script[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    at = lineEnd + 1;
    if (last - first === heredoc.delimiter.length && script.startsWith(heredoc.delimiter, first)) break;
  }
  return Math.min(at, limit);
}
