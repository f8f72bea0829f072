// The editor lints an open document with caches held across its versions (the parse of each YAML
// document, the findings of document-scoped and instruction rules). After any edit its findings and
// workspace summaries must be those of a lint from scratch: real files check it where test fixtures
// cannot reach. Edits: a line added at the top (every part moves), one in the middle, then undone.
import { presetConfig } from '../../server/src/config/presets.js';
import { DocumentFindingsCache } from '../../server/src/engine/documentFindings.js';
import { InstructionFindingsCache } from '../../server/src/engine/instructionFindings.js';
import type { LintResult } from '../../server/src/engine/runRules.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import { YamlDocumentCache } from '../../server/src/yaml/documentCache.js';

/** Every rule on: one config object for all versions, as the editor holds it. */
const config = presetConfig('all');

/** What the user sees of a lint: findings (fixes by title: their targets are tree nodes) and summaries. */
function seen(result: LintResult): string {
  const findings = result.findings.map((finding) => ({ ...finding, fixes: finding.fixes?.map((fix) => fix.title) }));
  return JSON.stringify({ findings, summaries: result.summaries });
}

/** Undefined when every version linted with the editor's caches equals a lint from scratch; else which version differs. */
export function editorDifference(text: string, uri: string): string | undefined {
  const caches = { yamlCache: new YamlDocumentCache(), documentFindings: new DocumentFindingsCache(), instructionFindings: new InstructionFindingsCache() };
  const lineBreak = text.indexOf('\n', Math.floor(text.length / 2));
  const middle = lineBreak === -1 ? text.length : lineBreak + 1;
  const versions = [text, `# edited\n${text}`, `${text.slice(0, middle)}# edited\n${text.slice(middle)}`, text];
  for (const [i, version] of versions.entries()) {
    const cached = seen(lintDocument(version, { uri, config, summarize: true, ...caches }));
    const fresh = seen(lintDocument(version, { uri, config, summarize: true }));
    if (cached !== fresh) return `after edit ${i} the editor's findings differ from a lint from scratch`;
  }
  return undefined;
}
