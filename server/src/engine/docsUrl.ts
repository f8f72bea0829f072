// Where each rule's documentation lives (generated into docs/rules/<domain>/<name>.md).
export const DOCS_BASE_URL = 'https://github.com/manifestlint/manifestlint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
