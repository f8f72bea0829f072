// Helpers for Dockerfile rule tests: what a rule's fix turns the text into, and where its related
// information points, through the real engine and the real fix layer.
import { onlyRule } from '../../support/ruleTester.js';
import { lintDocument } from '../../../server/src/linter/lint.js';
import { fixToEdits } from '../../../server/src/fixes/fixToEdits.js';
import { applyEdits } from '../../../server/src/text/edits.js';

/** Which finding, and the config's `dockerfileTarget`. */
interface Pick {
  index?: number;
  dockerfileTarget?: string;
}

function lintOne(ruleId: string, code: string, dockerfileTarget?: string) {
  return lintDocument(code, { uri: 'Dockerfile', config: { ...onlyRule(ruleId), dockerfileTarget } });
}

/** The titles of the fixes of each finding, and the text after applying the first fix of finding `index`. */
export function applyFirstFix(ruleId: string, code: string, { index = 0, dockerfileTarget }: Pick = {}): { titles: string[]; output: string | undefined } {
  const result = lintOne(ruleId, code, dockerfileTarget);
  const finding = result.findings[index];
  const fix = finding?.fixes?.[0];
  return {
    titles: finding?.fixes?.map((f) => f.title) ?? [],
    output: fix && applyEdits(code, fixToEdits(code, fix, result.lines, result.file)),
  };
}

/** `line:column message` of each related location of finding `index` (1-based, as an editor shows). */
export function relatedOf(ruleId: string, code: string, { index = 0, dockerfileTarget }: Pick = {}): string[] {
  const finding = lintOne(ruleId, code, dockerfileTarget).findings[index];
  return (finding?.related ?? []).map((r) => `${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`);
}
