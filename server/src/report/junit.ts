// JUnit XML for CI dashboards (Jenkins, GitLab, Azure DevOps): one test suite per file, one failing test
// case per finding, a passing case for a clean file and an error case for a file that was not linted.
import { relative } from 'node:path';
import type { FileResult } from '../scan/scan.js';

export function formatJunit(results: readonly FileResult[], options: { cwd: string }): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites = results.map((result) => {
    const file = relative(options.cwd, result.path) || result.path;
    const findings = result.findings.filter((finding) => !finding.suppressed);
    const cases = findings.map((finding) => {
      const at = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const body = `${finding.severity}: ${finding.message} (${file}:${at})`;
      return `    <testcase name="${xml(`${finding.ruleId} at ${at}`)}" classname="${xml(file)}" time="0">\n      <failure type="${xml(finding.ruleId)}" message="${xml(finding.message)}">${xml(body)}</failure>\n    </testcase>`;
    });
    if (result.error) cases.push(`    <testcase name="lint" classname="${xml(file)}" time="0">\n      <error message="${xml(result.error)}"/>\n    </testcase>`);
    if (cases.length === 0) cases.push(`    <testcase name="no problems" classname="${xml(file)}" time="0"/>`);
    const suiteErrors = result.error ? 1 : 0;
    tests += cases.length;
    failures += findings.length;
    errors += suiteErrors;
    return `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${findings.length}" errors="${suiteErrors}" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="manifestlint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Text for an XML attribute or element: escaped, and nothing a parser would reject. */
export function xml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (char) => XML_ESCAPES[char]);
}
