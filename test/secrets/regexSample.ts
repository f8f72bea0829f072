// Builds a string that a format's regex matches, from the regex source: literals, classes, groups,
// alternation and bounded quantifiers (what the format tables use). Lookarounds are skipped: the
// sample stands alone. Seeded, so every run builds the same fake tokens (nothing real is committed).

/** A deterministic generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = '0123456789';
const WORD = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz${DIGITS}_`;

type Node = { kind: 'chars'; set: string } | { kind: 'group'; alternatives: Node[][]; skip: boolean } | { kind: 'repeat'; node: Node; min: number; max: number };

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Node[][] {
    const alternatives: Node[][] = [[]];
    while (this.at < this.source.length && this.source[this.at] !== ')') {
      const char = this.source[this.at];
      if (char === '|') {
        this.at++;
        alternatives.push([]);
        continue;
      }
      const atom = this.atom();
      if (atom) alternatives[alternatives.length - 1].push(this.quantified(atom));
    }
    return alternatives;
  }

  private atom(): Node | undefined {
    const char = this.source[this.at++];
    if (char === '^' || char === '$') return undefined;
    if (char === '(') {
      let skip = false;
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (/^\?<?[=!]/.test(this.source.slice(this.at, this.at + 3))) {
        skip = true;
        this.at += this.source[this.at + 1] === '<' ? 3 : 2;
      } else if (this.source.startsWith('?<', this.at)) this.at = this.source.indexOf('>', this.at) + 1;
      const alternatives = this.parse();
      this.at++; // ')'
      return { kind: 'group', alternatives, skip };
    }
    if (char === '[') return { kind: 'chars', set: this.charClass() };
    if (char === '\\') return { kind: 'chars', set: this.escape() };
    if (char === '.') return { kind: 'chars', set: WORD };
    return { kind: 'chars', set: char };
  }

  private escape(): string {
    const char = this.source[this.at++];
    if (char === 'd') return DIGITS;
    if (char === 'w') return WORD;
    if (char === 's' || char === 't') return ' ';
    if (char === 'n') return '\n';
    if (char === 'x') {
      const code = parseInt(this.source.slice(this.at, this.at + 2), 16);
      this.at += 2;
      return String.fromCharCode(code);
    }
    return char;
  }

  private charClass(): string {
    let set = '';
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    while (this.source[this.at] !== ']') {
      let char = this.source[this.at++];
      if (char === '\\') char = this.escape();
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']') {
        this.at++;
        let end = this.source[this.at++];
        if (end === '\\') end = this.escape();
        for (let code = char.charCodeAt(0); code <= end.charCodeAt(0); code++) set += String.fromCharCode(code);
      } else set += char;
    }
    this.at++;
    // A negated class stands for "any other character": a letter it does not exclude.
    return negated ? [...WORD].filter((c) => !set.includes(c)).join('') : set;
  }

  private quantified(node: Node): Node {
    const rest = this.source.slice(this.at);
    const braces = /^\{(\d+)(?:(,)(\d*))?\}\??/.exec(rest);
    if (braces) {
      this.at += braces[0].length;
      const min = Number(braces[1]);
      return { kind: 'repeat', node, min, max: braces[2] ? (braces[3] ? Number(braces[3]) : min + 40) : min };
    }
    const short = /^([?*+])\??/.exec(rest);
    if (!short) return node;
    this.at += short[0].length;
    return { kind: 'repeat', node, min: short[1] === '+' ? 1 : 0, max: short[1] === '?' ? 1 : 40 };
  }
}

/**
 * A string the regex matches. Repetitions take their minimum when it is 0 (optional separators stay
 * out), otherwise a length between the minimum and 24 more; the first alternative is taken, so a
 * row's plain form is what is tested.
 */
export function sampleOf(regex: RegExp, seed = 1): string {
  const random = seeded(seed);
  const emit = (nodes: Node[]): string => nodes.map(render).join('');
  const render = (node: Node): string => {
    if (node.kind === 'chars') return node.set[Math.floor(random() * node.set.length)];
    if (node.kind === 'group') return node.skip ? '' : emit(node.alternatives[0]);
    const count = node.min === 0 ? 0 : node.min + Math.floor(random() * (Math.min(node.max, node.min + 24) - node.min + 1));
    let out = '';
    for (let i = 0; i < count; i++) out += render(node.node);
    return out;
  };
  return emit(new Parser(regex.source).parse()[0]);
}
