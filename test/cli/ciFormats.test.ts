// The report formats CI systems and reviewers read: JUnit XML, GitLab code quality, GitHub workflow
// annotations with a job summary, and the self-contained HTML page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PRIVILEGED_POD, WARNING_ONLY_POD } from './pods.js';
import { tempWorkspace } from '../support/tempWorkspace.js';

const CLI = resolve('dist/cli.js');
const TOKEN = 'ghp_' + 'R8q7P6o5N4m3L2k1J0i9H8g7F6e5D4c3B2a1';

const workspace = (files: Record<string, string>) => tempWorkspace('formats', files);

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FILES = {
  'k8s/pod.yaml': PRIVILEGED_POD,
  'k8s/<ok> & "fine".yaml': WARNING_ONLY_POD,
  'config/app.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  GITHUB_TOKEN: ${TOKEN}\n`,
};

function jsonFindings(root: string): { filePath: string; findings: { ruleId: string; severity: string; line: number }[] }[] {
  return JSON.parse(run(['scan', '--format', 'json'], root).stdout);
}

describe('scan --format junit', () => {
  it('is well-formed XML with one failing test case per finding, file names escaped', () => {
    const root = workspace(FILES);
    const { stdout } = run(['scan', '--format', 'junit'], root);
    assert.equal(XMLValidator.validate(stdout), true);
    const total = jsonFindings(root).reduce((sum, file) => sum + file.findings.length, 0);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(stdout) as { testsuites: { '@_failures': string; testsuite: { '@_name': string }[] } };
    assert.equal(Number(parsed.testsuites['@_failures']), total);
    assert.ok(parsed.testsuites.testsuite.some((suite) => suite['@_name'] === 'k8s/<ok> & "fine".yaml'));
    assert.ok(!stdout.includes(TOKEN));
  });
});

describe('scan --format gitlab', () => {
  it('is a code quality report: one issue per finding with a unique fingerprint, path and line', () => {
    const root = workspace(FILES);
    const issues = JSON.parse(run(['scan', '--format', 'gitlab'], root).stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    const findings = jsonFindings(root).flatMap((file) => file.findings.map((finding) => ({ ...finding, filePath: file.filePath })));
    assert.equal(issues.length, findings.length);
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length);
    const privileged = issues.find((issue) => issue.check_name === 'k8s/privileged-container');
    assert.deepEqual(privileged && { severity: privileged.severity, path: privileged.location.path, line: privileged.location.lines.begin }, { severity: 'major', path: 'k8s/pod.yaml', line: 10 });
    for (const issue of issues) assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
  });
});

describe('scan --format github', () => {
  it('annotates each finding at its place and writes a job summary by rule', () => {
    const root = workspace(FILES);
    const summary = join(root, 'summary.md');
    writeFileSync(summary, '');
    const { stdout } = run(['scan', '--format', 'github'], root, { GITHUB_STEP_SUMMARY: summary });
    assert.match(stdout, /^::error file=k8s\/pod\.yaml,line=10,endLine=10,col=9,endColumn=\d+,title=k8s\/privileged-container::Container "web" runs privileged/m);
    assert.ok(!stdout.includes(TOKEN));
    for (const line of stdout.trim().split('\n')) assert.match(line, /^::(error|warning|notice) /);
    const markdown = readFileSync(summary, 'utf8');
    assert.match(markdown, /^## manifestlint/);
    assert.match(markdown, /\| \[`k8s\/privileged-container`\]\([^)]+\) \| [^|]+ \| 1 \| 0 \| 0 \|/);
  });

  it('keeps a hostile file name from ending the command or starting another', () => {
    const root = workspace({ 'x\n::error::forged.yaml': PRIVILEGED_POD });
    const { stdout } = run(['scan', '--format', 'github'], root);
    assert.doesNotMatch(stdout, /^::error::forged/m);
    assert.match(stdout, /file=x%0A%3A%3Aerror%3A%3Aforged\.yaml/);
  });
});

describe('scan --format html', () => {
  it('is one page that loads nothing, counts by severity and rule, and masks secrets in the source lines', () => {
    const root = workspace(FILES);
    const html = run(['scan', '--format', 'html'], root).stdout;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.doesNotMatch(html, /<(script|link|img|iframe)\b/);
    assert.ok(!html.includes(TOKEN), 'the token is masked in the source lines');
    const findings = jsonFindings(root).flatMap((file) => file.findings);
    const bySeverity = (severity: string) => Number(new RegExp(`data-chart="severity" data-label="${severity}" data-count="(\\d+)"`).exec(html)?.[1]);
    for (const severity of ['error', 'warning', 'info']) assert.equal(bySeverity(severity), findings.filter((f) => f.severity === severity).length, severity);
    assert.match(html, /data-chart="rule" data-label="k8s\/privileged-container" data-count="1"/);
    assert.match(html, /<h2>k8s\/&lt;ok&gt; &amp; &quot;fine&quot;\.yaml<\/h2>/);
    assert.match(html, /<span class="hit"><span class="ln">10<\/span> {8}privileged: true<\/span>/);
  });
});
