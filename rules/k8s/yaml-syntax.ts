// k8s/yaml-syntax: a YAML syntax error, reported where the parser found it. The Kubernetes rules skip
// the document whose tree the error cut short (the secrets rules still scan what was read); a
// duplicate key leaves the tree whole, so its document is linted. The file's other documents always are.
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { OffsetRange } from '../../server/src/text/positions.js';

/**
 * The parser reports an unclosed bracket or quote at the end of the input, which an editor would show
 * on an empty last line; such an error sits on the last character written instead.
 */
function shownRange(range: OffsetRange, text: string): OffsetRange {
  if (range.start < text.length) return range;
  const last = text.trimEnd().length - 1;
  return last >= 0 ? { start: last, end: last + 1 } : { start: 0, end: 0 };
}

export default defineRule({
  meta: {
    id: 'k8s/yaml-syntax',
    title: 'YAML syntax error',
    defaultSeverity: 'error',
    description: 'Reports YAML syntax errors at their position, and aliases (`*name`) without an anchor before them, which Kubernetes rejects.',
    rationale: 'A manifest that does not parse cannot be applied, and manifestlint cannot check the document it breaks.',
    remediation: 'Fix the syntax at the reported position (indentation, an unclosed bracket or quote, a tab).',
    peers: {},
    messages: { syntax: 'YAML syntax error: {{message}}' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const error of file.syntaxErrors) context.report({ messageId: 'syntax', data: { message: error.message }, range: shownRange(error.range, file.text), severity: error.severity });
  },
});
