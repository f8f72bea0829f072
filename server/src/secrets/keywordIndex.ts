// Finds which of many keywords occur in a text in one pass (Aho–Corasick, ASCII case folded), so the
// token table costs one walk over the text however many formats it holds: only the formats whose
// keyword occurs run their regex.

/** Characters outside every keyword share class 0, which leads back to the start state. */
const ASCII = 128;

export class KeywordIndex {
  /** Character class of each ASCII code (upper case folded onto lower case). */
  private readonly classOf = new Uint8Array(ASCII);
  private readonly classes: number;
  /** delta[state * classes + class]: the next state (a complete automaton, no failure links at run time). */
  private readonly delta: Int32Array;
  /** The keyword ids that end at each state (its own and those of its failure chain); empty for most. */
  private readonly ending: (readonly number[])[];

  /** `keywords[i]` is lower-case ASCII; `find` reports `i` for each one present. */
  constructor(keywords: readonly string[]) {
    let classes = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        if (code >= ASCII) throw new Error(`keyword "${keyword}" is not ASCII`);
        if (this.classOf[code] === 0) {
          this.classOf[code] = classes;
          if (code >= 97 && code <= 122) this.classOf[code - 32] = classes; // A-Z reads as a-z
          classes++;
        }
      }
    }
    this.classes = classes;
    // The trie, then failure links breadth-first, folded into a complete transition table.
    const children: Map<number, number>[] = [new Map()];
    const ending: number[][] = [[]];
    keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cls = this.classOf[keyword.charCodeAt(i)];
        let next = children[state].get(cls);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ending.push([]);
          children[state].set(cls, next);
        }
        state = next;
      }
      ending[state].push(id);
    });
    const delta = new Int32Array(children.length * classes);
    const failure = new Int32Array(children.length);
    const queue: number[] = [];
    for (const [cls, child] of children[0]) {
      delta[cls] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      ending[state] = ending[state].concat(ending[failure[state]]);
      for (let cls = 0; cls < classes; cls++) {
        const child = children[state].get(cls);
        if (child === undefined) {
          delta[state * classes + cls] = delta[failure[state] * classes + cls];
        } else {
          failure[child] = delta[failure[state] * classes + cls];
          delta[state * classes + cls] = child;
          queue.push(child);
        }
      }
    }
    this.delta = delta;
    this.ending = ending;
  }

  /** Calls `found(id)` for every keyword occurrence in `text` (an id once per occurrence). */
  find(text: string, found: (id: number) => void): void {
    const { classOf, classes, delta, ending } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = delta[state * classes + (code < ASCII ? classOf[code] : 0)];
      const ids = ending[state];
      if (ids.length !== 0) for (const id of ids) found(id);
    }
  }
}
