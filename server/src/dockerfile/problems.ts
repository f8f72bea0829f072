// What stops a Dockerfile from building, found while parsing: reported by dockerfile/parse-error,
// once each, at the exact words at fault.
import type { OffsetRange } from '../text/positions.js';

export type ParseProblemKind =
  /**
   * A keyword BuildKit does not know: `data.keyword` when it looks like a keyword (letters, at most 20;
   * empty otherwise, so a pasted token is not carried into messages), `data.suggestion` when one is close.
   */
  | 'unknownInstruction'
  /** Instructions but no FROM anywhere. */
  | 'noFrom'
  /** An instruction other than ARG before the first FROM (`data.keyword`). */
  | 'beforeFrom'
  /** `FROM` with no image. */
  | 'fromWithoutImage'
  /** `FROM image` followed by something other than `AS name`. */
  | 'fromSyntax'
  /** A literal FROM image that is not a valid reference (`data.image`). */
  | 'invalidImage'
  /** Two stages with one name (`data.name`). */
  | 'duplicateStage'
  /** `# escape=` with something other than `\` or a backtick (`data.value`). */
  | 'invalidEscape'
  /** A heredoc whose terminator line never comes (`data.name`). */
  | 'unterminatedHeredoc';

export interface ParseProblem {
  kind: ParseProblemKind;
  range: OffsetRange;
  data: Record<string, string>;
}
