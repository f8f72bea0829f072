// When to lint an open document: once per burst of changes, of the version current when the burst
// ends. Editors can send changes faster than a large file lints (fast typing, paste, undo/redo, a
// formatter, a branch switch under open files); linting each version in turn falls behind and piles
// up work nobody will see.
//
// A change only marks the document as due. The lint runs once the document has been quiet for a
// whole turn of the event loop (the connection handles one incoming message per turn, so changes
// already received are all applied first) and for a small fraction of what its last lint cost. That
// wait is what lets a burst of large messages, each taking a few milliseconds to arrive, end in one
// lint; a document that lints in a millisecond or two is linted at once, and a slow one waits at most
// an eighth longer than its lint takes.
export class LintScheduler {
  /** Documents due for a lint. */
  private readonly due = new Map<string, Due>();
  /** Lints started and not finished yet (they may be waiting for the document's settings). */
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  /**
   * `lintNow` lints a document as it is now (and never rejects); `lastLintMs` is what its previous lint
   * took (0 before the first).
   */
  constructor(
    private readonly lintNow: (uri: string, force: boolean) => Promise<void>,
    private readonly lastLintMs: (uri: string) => number,
  ) {}

  /**
   * Marks `uri` as due. `force` lints even if the settings say to lint on save only (the document was
   * saved, or the config changed); it sticks until the lint runs.
   */
  schedule(uri: string, force = false): void {
    if (this.stopped) return;
    const due = this.due.get(uri);
    if (due) {
      due.changes++;
      due.lastChange = performance.now();
      due.force ||= force;
      return;
    }
    const fresh: Due = { changes: 0, seen: 0, lastChange: performance.now(), force };
    this.due.set(uri, fresh);
    this.afterNextMessage(uri, fresh);
  }

  /**
   * Runs the lint of `uri` now if one is due, or waits for the one under way: a request needs the
   * current version's findings.
   */
  flush(uri: string): Promise<void> {
    const due = this.due.get(uri);
    if (due) return this.run(uri, due);
    return this.running.get(uri) ?? Promise.resolve();
  }

  /** The document was closed: its due lint is dropped. */
  cancel(uri: string): void {
    this.due.delete(uri);
  }

  /** Shutting down: nothing more is linted, whatever the client still sends. */
  stop(): void {
    this.stopped = true;
    this.due.clear();
  }

  /** Two hops: the first lets the connection take its next message, the second looks at the result. */
  private afterNextMessage(uri: string, due: Due): void {
    setImmediate(() => setImmediate(() => this.lintIfQuiet(uri, due)));
  }

  private lintIfQuiet(uri: string, due: Due): void {
    if (this.due.get(uri) !== due) return; // flushed, cancelled, or replaced meanwhile
    if (due.changes !== due.seen) {
      due.seen = due.changes;
      this.afterNextMessage(uri, due);
      return;
    }
    const wait = due.lastChange + this.lastLintMs(uri) * QUIET_FRACTION - performance.now();
    if (wait >= 1) {
      setTimeout(() => this.afterNextMessage(uri, due), wait);
      return;
    }
    void this.run(uri, due);
  }

  private run(uri: string, due: Due): Promise<void> {
    this.due.delete(uri);
    const lint = this.lintNow(uri, due.force).finally(() => {
      if (this.running.get(uri) === lint) this.running.delete(uri);
    });
    this.running.set(uri, lint);
    return lint;
  }
}

/** How long a document must be quiet before its lint, as a fraction of what its last lint took. */
const QUIET_FRACTION = 1 / 8;

interface Due {
  /** Changes seen while due, and how many of them the last quiet check had seen. */
  changes: number;
  seen: number;
  /** When the last change came (performance.now()). */
  lastChange: number;
  force: boolean;
}
