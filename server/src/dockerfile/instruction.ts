// One Dockerfile instruction as rules see it: keyword, joined arguments, words, flags, key/value pairs,
// heredocs and exec form, each with document offsets, and the build stage it belongs to. Word-level
// views are computed on first use.
import type { OffsetRange } from '../text/positions.js';
import type { ImageRef } from './images.js';
import type { JoinedText, RawHeredoc, RawInstruction } from './lexer.js';
import { runCommands } from './shell.js';
import type { ShellCommand } from './shellScript.js';
import { jsonStrings, leadingFlags, parseJsonForm, splitWords } from './words.js';

/** A word of the arguments: `raw` as written, `value` unquoted; `start`/`end` index `Instruction.args`. */
export interface Word {
  raw: string;
  value: string;
  start: number;
  end: number;
  range: OffsetRange;
}

export interface Flag {
  /** Without the dashes: `platform`, `mount`, `from`, `chmod`. */
  name: string;
  /** After `=`, unquoted; undefined for a bare `--link`. */
  value?: string;
  range: OffsetRange;
  valueRange?: OffsetRange;
}

/** `KEY=value` of ENV, ARG and LABEL (also the legacy `ENV KEY value` form, and `ARG NAME` without a value). */
export interface KeyValue {
  key: string;
  keyRange: OffsetRange;
  /** Unquoted value; undefined for `ARG NAME` with no default. */
  value?: string;
  /** The value as written, quotes included. */
  rawValue?: string;
  valueRange?: OffsetRange;
  /** Where the raw value starts in `Instruction.args`, to map a part of it with `rangeOf`. */
  valueStart?: number;
  /** Key start to value end. */
  range: OffsetRange;
}

export interface Heredoc {
  /** The delimiter: `EOF` in `<<EOF`. */
  name: string;
  /** `<<-EOF` strips leading tabs. */
  stripTabs: boolean;
  /** `<<'EOF'` / `<<"EOF"`: the body is not expanded. */
  quoted: boolean;
  /** The `<<EOF` word. */
  range: OffsetRange;
  /** The lines between the instruction and the terminator, as in the document. */
  body: string;
  bodyRange: OffsetRange;
  /** False when the document ends before the terminator line. */
  terminated: boolean;
}

/** A build stage: a FROM and the instructions after it (built by stages.ts). */
export interface Stage {
  /** 0-based position among the file's stages. */
  index: number;
  from: Instruction;
  /** `AS name`, lower-cased (stage names are case-insensitive). */
  name?: string;
  nameRange?: OffsetRange;
  /** `--platform=…` */
  platform?: Flag;
  /** The image word as written (`node:22`, `${BASE}`, `builder`); undefined for a bare `FROM`. */
  image?: Word;
  base: StageBase;
  /** The stage's instructions after its FROM, in document order. */
  instructions: Instruction[];
  /** The last stage: the one `docker build` ships without `--target`. */
  isFinal: boolean;
}

export type StageBase =
  /**
   * A registry image. `range` is the image word. `literal`: written out as is (no `$`, no quotes), so the
   * word's text is `ref.text` and `tagRange`/`digestRange` exist; otherwise `substitutedArgs` set it.
   */
  | { kind: 'image'; ref: ImageRef; range: OffsetRange; literal: boolean; tagRange?: OffsetRange; digestRange?: OffsetRange; substitutedArgs: KeyValue[] }
  | { kind: 'scratch'; range: OffsetRange }
  /** `FROM <earlier stage>`: continues that stage. */
  | { kind: 'stage'; stage: Stage; range: OffsetRange }
  /** A `$VAR` without a default (or a build-time platform variable): only known at build time. */
  | { kind: 'unresolved'; range: OffsetRange; variables: string[] }
  /** Not an image reference (reported as a parse problem when written literally). */
  | { kind: 'invalid'; range: OffsetRange }
  /** `FROM` with no image (reported as a parse problem). */
  | { kind: 'missing' };

/** Instructions whose arguments may be a JSON array (exec form). */
const JSON_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
/** Instructions that take `--flags` before their arguments. */
const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const PAIR_KEYWORDS = new Set(['ENV', 'ARG', 'LABEL']);

export class Instruction {
  /** Upper-cased: `RUN`, `FROM`; an unknown keyword is kept (upper-cased) as written. */
  readonly keyword: string;
  /** The keyword as written (`run`, `Run`): fixes that rewrite it keep the author's case. */
  readonly spelling: string;
  readonly keywordRange: OffsetRange;
  /** Keyword start to the end of the last continuation line, or of the last heredoc's terminator. */
  readonly range: OffsetRange;
  /** The arguments with line continuations joined (escape + line break removed), comment lines dropped, ends trimmed. */
  readonly args: string;
  /** The arguments' span in the document (empty, at the keyword's end, when there are none). */
  readonly argsRange: OffsetRange;
  readonly heredocs: Heredoc[];
  /** The stage the instruction belongs to; undefined before the first FROM. */
  stage?: Stage;

  private readonly joined: JoinedText;
  private wordsCache?: Word[];
  private flagsCache?: { flags: Flag[]; operands: Word[] };
  private pairsCache?: KeyValue[];
  private jsonCache?: { strings: string[] | undefined };
  private argvCache?: Word[];
  private commandsCache?: ShellCommand[];

  constructor(
    raw: RawInstruction,
    private readonly escape: string,
  ) {
    const text = raw.line.text;
    let keywordEnd = 0;
    while (keywordEnd < text.length && text[keywordEnd] !== ' ' && text[keywordEnd] !== '\t') keywordEnd++;
    this.spelling = text.slice(0, keywordEnd);
    this.keyword = this.spelling.toUpperCase();
    this.keywordRange = raw.line.range(0, keywordEnd);
    let argsStart = keywordEnd;
    while (argsStart < text.length && (text[argsStart] === ' ' || text[argsStart] === '\t')) argsStart++;
    let argsEnd = text.length;
    while (argsEnd > argsStart && (text[argsEnd - 1] === ' ' || text[argsEnd - 1] === '\t')) argsEnd--;
    this.joined = raw.line.slice(argsStart, argsEnd);
    this.args = this.joined.text;
    this.argsRange = argsEnd > argsStart ? raw.line.range(argsStart, argsEnd) : { start: this.keywordRange.end, end: this.keywordRange.end };
    this.range = raw.range;
    this.heredocs = raw.heredocs.map((heredoc) => this.toHeredoc(heredoc, argsStart));
  }

  /** Document range of `[start, end)` in `args`. */
  rangeOf(start: number, end: number): OffsetRange {
    return this.joined.range(start, end);
  }

  /** Blank-separated words of `args` (flags included), quotes grouping and removed in `value`. */
  get words(): Word[] {
    this.wordsCache ??= splitWords(this.args, this.escape).map((word) => Object.assign(word, { range: this.rangeOf(word.start, word.end) }));
    return this.wordsCache;
  }

  /** Leading `--name[=value]` words (FROM, RUN, COPY, ADD, HEALTHCHECK). */
  get flags(): Flag[] {
    return this.splitFlags().flags;
  }

  /** The words after the flags: FROM's image and `AS name`, COPY's sources and destination, … */
  get operands(): Word[] {
    return this.splitFlags().operands;
  }

  flag(name: string): Flag | undefined {
    return this.flags.find((flag) => flag.name === name);
  }

  /** The exec form's strings (`CMD ["node", "server.js"]`), or undefined for the shell form. */
  get json(): string[] | undefined {
    if (!this.jsonCache) {
      const operands = this.operands;
      const from = operands.length ? operands[0].start : this.args.length;
      this.jsonCache = { strings: JSON_FORM_KEYWORDS.has(this.keyword) ? parseJsonForm(this.args.slice(from)) : undefined };
    }
    return this.jsonCache.strings;
  }

  get form(): 'json' | 'shell' {
    return this.json ? 'json' : 'shell';
  }

  /**
   * The arguments whatever the form: the operands of the shell form, or the exec form's strings (each
   * with the range of its JSON string, quotes included). `COPY ["a b", "/dst/"]` and `COPY a /dst/` alike.
   */
  get argv(): Word[] {
    if (!this.json) return this.operands;
    // From the first operand: a quoted flag value (`--mount=…,id="x"`) is not an argument.
    this.argvCache ??= jsonStrings(this.args, this.operands[0]?.start).map((token) => Object.assign(token, { range: this.rangeOf(token.start, token.end) }));
    return this.argvCache;
  }

  /** The simple commands a RUN executes (shell form, `sh -c` exec form, heredoc scripts); empty for other instructions. */
  get commands(): ShellCommand[] {
    this.commandsCache ??= runCommands(this);
    return this.commandsCache;
  }

  /** ENV, ARG and LABEL pairs; empty for other instructions. */
  get pairs(): KeyValue[] {
    this.pairsCache ??= PAIR_KEYWORDS.has(this.keyword) ? this.readPairs() : [];
    return this.pairsCache;
  }

  private splitFlags(): { flags: Flag[]; operands: Word[] } {
    if (!this.flagsCache) {
      if (!FLAG_KEYWORDS.has(this.keyword)) {
        this.flagsCache = { flags: [], operands: this.words };
      } else {
        const { flags, rest } = leadingFlags(this.words);
        this.flagsCache = {
          flags: flags.map((flag) => ({
            name: flag.name,
            value: flag.value,
            range: this.rangeOf(flag.start, flag.end),
            valueRange: flag.valueStart === undefined ? undefined : this.rangeOf(flag.valueStart, flag.end),
          })),
          operands: rest,
        };
      }
    }
    return this.flagsCache;
  }

  private readPairs(): KeyValue[] {
    const words = this.words;
    if (words.length === 0) return [];
    const legacy = this.keyword !== 'ARG' && !words[0].raw.includes('=');
    if (legacy) {
      // `ENV KEY value with spaces`: one pair, the value is the rest of the line.
      const [key, ...rest] = words;
      const pair: KeyValue = { key: key.value, keyRange: key.range, range: key.range };
      if (rest.length === 0) return [pair];
      const valueStart = rest[0].start;
      const valueEnd = rest[rest.length - 1].end;
      const valueRange = this.rangeOf(valueStart, valueEnd);
      const value = rest.map((w) => w.value).join(' ');
      return [{ ...pair, value, rawValue: this.args.slice(valueStart, valueEnd), valueRange, valueStart, range: { start: key.range.start, end: valueRange.end } }];
    }
    return words.map((word) => {
      const equals = rawEquals(word.raw);
      if (equals === -1) return { key: word.value, keyRange: word.range, range: word.range };
      const keyEnd = word.start + equals;
      const rawValue = word.raw.slice(equals + 1);
      const keyWords = splitWords(word.raw.slice(0, equals), this.escape);
      const valueWords = splitWords(rawValue, this.escape);
      return {
        key: keyWords.map((w) => w.value).join(''),
        keyRange: this.rangeOf(word.start, keyEnd),
        value: valueWords.map((w) => w.value).join(' '),
        rawValue,
        valueRange: this.rangeOf(keyEnd + 1, word.end),
        valueStart: keyEnd + 1,
        range: word.range,
      };
    });
  }

  private toHeredoc(raw: RawHeredoc, argsStart: number): Heredoc {
    return {
      name: raw.name,
      stripTabs: raw.stripTabs,
      quoted: raw.quoted,
      range: this.rangeOf(raw.wordStart - argsStart, raw.wordEnd - argsStart),
      body: raw.body,
      bodyRange: raw.bodyRange,
      terminated: raw.terminatorRange !== undefined,
    };
  }
}

/** Index of the first `=` outside quotes, or -1. */
function rawEquals(raw: string): number {
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '=') return i;
  }
  return -1;
}
