// The rule catalog as a Markdown table: the README's (links to the docs pages in the repository) and
// `manifestlint rules --format markdown`'s (links to the published pages) are the same table.
import type { RuleMeta } from '../engine/types.js';

/** One row per rule, in catalog order; `linkTo` gives the address of a rule's page. */
export function markdownRuleTable(rules: readonly { meta: RuleMeta }[], linkTo: (id: string) => string): string {
  const lines = ['| Rule | Default | Preset | Fix | What it flags |', '|---|---|---|---|---|'];
  for (const { meta } of rules) {
    lines.push(`| [\`${meta.id}\`](${linkTo(meta.id)}) | ${meta.defaultSeverity} | ${meta.preset} | ${meta.fixes.length ? '✔' : ''} | ${meta.title} |`);
  }
  return lines.join('\n');
}
