// Most keystrokes change a file's workspace summaries in their positions only: an edit above the
// places they point at moves them, and nothing a workspace rule decides on. Then the workspace
// findings stay the same findings, moved: the index moves them rather than running every workspace
// rule over every file of the workspace again (which grows with the workspace, not with the edit).
import type { Finding, Located } from '../engine/types.js';
import { isLocated } from '../engine/workspace.js';
import type { Range } from '../text/positions.js';
import type { FileSummaries } from '../linter/workspace.js';

/** A file's summaries as the index keeps them: their JSON with every place left out, and the places in order. */
export interface SummaryShape {
  summaries: FileSummaries;
  /** The summaries' JSON with each Located replaced by a marker: equal shapes differ in places only. */
  shape: string;
  places: Located[];
}

const PLACE = '\u0000place';

export function shapeOf(summaries: FileSummaries): SummaryShape {
  const places: Located[] = [];
  const shape = JSON.stringify(summaries, (_key, value: unknown) => {
    if (!isLocated(value)) return value;
    places.push(value);
    return PLACE;
  });
  return { summaries, shape, places };
}

/** Whether two shapes are the same summaries, places included. */
export function samePlaces(before: SummaryShape, after: SummaryShape): boolean {
  if (!sameShape(before, after)) return false;
  return before.places.every((place, i) => {
    const other = after.places[i];
    return place.offsets.start === other.offsets.start && place.offsets.end === other.offsets.end && sameRange(place.range, other.range);
  });
}

/** The same summaries but for where their places are. */
function sameShape(before: SummaryShape, after: SummaryShape): boolean {
  return before.shape === after.shape && before.places.length === after.places.length;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Where each place of `before` went in `after`; undefined unless they differ in places only. */
export function placeMoves(before: SummaryShape, after: SummaryShape): PlaceMoves | undefined {
  if (!sameShape(before, after)) return undefined;
  const moves = new PlaceMoves();
  before.places.forEach((place, i) => moves.add(place, after.places[i]));
  return moves;
}

export class PlaceMoves {
  private readonly byOffsets = new Map<string, Located>();
  private readonly byRange = new Map<string, Located>();

  add(from: Located, to: Located): void {
    this.byOffsets.set(`${from.offsets.start}:${from.offsets.end}`, to);
    this.byRange.set(rangeKey(from.range), to);
  }

  /**
   * `finding` with its places in the moved file moved (`inMovedFile`: the finding itself is in it;
   * related places say their file, `movedFile`, when it is another). Undefined when a place in the moved
   * file is not one the summaries held: then the rules must run again.
   */
  moved(finding: Finding, inMovedFile: boolean, movedFile: string): Finding | undefined {
    if (!inMovedFile && !finding.related?.some((place) => place.file === movedFile)) return finding; // nothing of it moved
    let at: Located | undefined;
    if (inMovedFile) {
      at = this.byOffsets.get(`${finding.offsets.start}:${finding.offsets.end}`);
      if (!at) return undefined;
    }
    const related = [];
    for (const place of finding.related ?? []) {
      const inIt = place.file === undefined ? inMovedFile : place.file === movedFile;
      const to = inIt ? this.byRange.get(rangeKey(place.range)) : undefined;
      if (inIt && !to) return undefined;
      related.push(to ? { ...place, range: to.range } : place);
    }
    return { ...finding, ...(at && { range: at.range, offsets: at.offsets }), ...(finding.related && { related }) };
  }
}

function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
}
