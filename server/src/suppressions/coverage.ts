// Which findings each suppression covers, in time linear in findings and suppressions (up to a log):
// 10,000 suppressed findings no longer cost 10,000 × 10,000 checks. The first suppression (in the
// order they are claimed) to cover a finding is the one it is reported suppressed by.
import type { Finding, Suppression, SuppressionScope } from '../engine/types.js';

export class Coverage {
  private readonly byRule = new Map<string, RuleFindings>();
  private readonly suppressions = new Map<Finding, Suppression>();

  constructor(private readonly findings: readonly Finding[]) {}

  /** Records that `suppression` covers `scope` for `ruleId`; true when it covers at least one finding. */
  claim(ruleId: string, scope: SuppressionScope, suppression: Suppression): boolean {
    const group = this.group(ruleId);
    if (scope === 'file') return group.claim(0, group.length, suppression, this.suppressions);
    if ('lines' in scope) return group.claim(group.firstOnLine(scope.lines.first), group.firstOnLine(scope.lines.last + 1), suppression, this.suppressions);
    let covered = false;
    for (const range of scope.ranges) covered = group.claim(group.firstAtOffset(range.start), group.firstAtOffset(range.end), suppression, this.suppressions) || covered;
    return covered;
  }

  suppressionOf(finding: Finding): Suppression | undefined {
    return this.suppressions.get(finding);
  }

  /** Built for a rule when a suppression first names it: most lints claim nothing. */
  private group(ruleId: string): RuleFindings {
    let group = this.byRule.get(ruleId);
    if (!group) this.byRule.set(ruleId, (group = new RuleFindings(this.findings.filter((f) => f.ruleId === ruleId))));
    return group;
  }
}

/** One rule's findings in text order (so their first lines are in order too), and which are claimed. */
class RuleFindings {
  private readonly sorted: Finding[];
  /**
   * For each index, an index at or after it whose finding may be unclaimed (the last is the end):
   * followed and shortened as findings are claimed, so each finding is claimed once, whatever the
   * number of suppressions covering it.
   */
  private readonly nextUnclaimed: Int32Array;

  constructor(findings: Finding[]) {
    this.sorted = findings.sort((a, b) => a.offsets.start - b.offsets.start);
    this.nextUnclaimed = Int32Array.from({ length: findings.length + 1 }, (_, i) => i);
  }

  get length(): number {
    return this.sorted.length;
  }

  /** The index of the first finding whose first line is `line` or later. */
  firstOnLine(line: number): number {
    return this.firstIndex((f) => f.range.start.line >= line);
  }

  /** The index of the first finding that starts at `offset` or later. */
  firstAtOffset(offset: number): number {
    return this.firstIndex((f) => f.offsets.start >= offset);
  }

  /** Findings [from, to) are covered: each not yet claimed gets `suppression`. True when there is any. */
  claim(from: number, to: number, suppression: Suppression, into: Map<Finding, Suppression>): boolean {
    for (let i = this.unclaimedFrom(from); i < to; i = this.unclaimedFrom(i + 1)) {
      into.set(this.sorted[i], suppression);
      this.nextUnclaimed[i] = i + 1;
    }
    return to > from;
  }

  /** The first unclaimed index at or after `i`, shortening the path followed to it. */
  private unclaimedFrom(i: number): number {
    let root = i;
    while (this.nextUnclaimed[root] !== root) root = this.nextUnclaimed[root];
    for (let at = i; at !== root; ) {
      const next = this.nextUnclaimed[at];
      this.nextUnclaimed[at] = root;
      at = next;
    }
    return root;
  }

  /** Binary search: findings are sorted, so `isAtOrAfter` is false up to some index and true after. */
  private firstIndex(isAtOrAfter: (finding: Finding) => boolean): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (isAtOrAfter(this.sorted[mid])) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
