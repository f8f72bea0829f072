#!/usr/bin/env node
// The HTML report in a real browser: `manifestlint scan examples --format html` opened in headless
// Chromium renders its title, charts and files; each chart bar (`data-chart`, `data-label`,
// `data-count`) has the count the JSON report of the same scan gives, and is drawn; the page makes no
// request (every request is recorded, and a load the page's Content-Security-Policy refuses counts too).
// Screenshot: test-results/html-report.png; --update-readme-image also copies it to docs/images/.
//   usage: node test/e2e/ui/html-report.mjs [--update-readme-image]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, REPO, RESULTS, fromCache, log, mustExist } from '../launch/env.mjs';

const TARGET = 'examples';
const CLI = path.join(REPO, 'dist/cli.js');
fs.mkdirSync(RESULTS, { recursive: true });
const reportPath = path.join(RESULTS, 'html-report.html');
const shotPath = path.join(RESULTS, 'html-report.png');

/** Runs the CLI as a user would; it exits 1 when it finds problems, which `examples/` has on purpose. */
function scan(format, output) {
  const result = spawnSync(process.execPath, [CLI, 'scan', TARGET, '--format', format, '--output', output], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`manifestlint scan --format ${format} exited ${result.status}: ${result.stderr}`);
}

/** What the charts must show, from the JSON report: counts by severity and by rule, suppressed findings left out. */
function expectedBars() {
  const jsonPath = path.join(RESULTS, 'html-report.json');
  scan('json', jsonPath);
  const findings = JSON.parse(fs.readFileSync(jsonPath, 'utf8')).flatMap((file) => file.findings).filter((finding) => !finding.suppressed);
  const count = (key) => {
    const counts = {};
    for (const finding of findings) counts[finding[key]] = (counts[finding[key]] ?? 0) + 1;
    return counts;
  };
  return { severity: { error: 0, warning: 0, info: 0, ...count('severity') }, rule: count('ruleId'), total: findings.length };
}

async function check(page, requests) {
  const expected = expectedBars();
  scan('html', reportPath);
  await page.goto(pathToFileURL(reportPath).href);
  await page.locator('h1', { hasText: 'manifestlint report' }).waitFor({ timeout: 10_000 });

  const bars = await page.locator('[data-chart]').evaluateAll((rows) =>
    rows.map((row) => ({ chart: row.dataset.chart, label: row.dataset.label, count: Number(row.dataset.count), width: row.querySelector('.bar')?.getBoundingClientRect().width ?? 0 })),
  );
  for (const chart of ['severity', 'rule']) {
    const shown = Object.fromEntries(bars.filter((bar) => bar.chart === chart).map((bar) => [bar.label, bar.count]));
    const want = expected[chart];
    if (JSON.stringify(sorted(shown)) !== JSON.stringify(sorted(want))) throw new Error(`the ${chart} chart shows ${JSON.stringify(sorted(shown))}, the JSON report counts ${JSON.stringify(sorted(want))}`);
  }
  const undrawn = bars.filter((bar) => bar.count > 0 && !(bar.width > 0));
  if (undrawn.length > 0) throw new Error(`bars with a count but no width: ${undrawn.map((bar) => `${bar.chart}/${bar.label}`).join(', ')}`);
  log('html', `charts: ${bars.length} bars, counts equal the JSON report (${expected.total} findings; ${Object.entries(expected.severity).map(([s, n]) => `${n} ${s}`).join(', ')})`);

  const files = await page.locator('section.file').count();
  if (files === 0) throw new Error('no file section rendered');
  log('html', `${files} file sections rendered`);

  if (requests.length > 0) throw new Error(`the report made ${requests.length} request(s): ${requests.join(', ')}`);
  log('html', 'no request beyond the report file itself');
  await page.screenshot({ path: shotPath });
  if (process.argv.includes('--update-readme-image')) {
    fs.mkdirSync(path.join(REPO, 'docs/images'), { recursive: true });
    fs.copyFileSync(shotPath, path.join(REPO, 'docs/images/html-report.png'));
    log('html', 'updated docs/images/html-report.png');
  }
}

function sorted(counts) {
  return Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

let ok = false;
let browser;
try {
  mustExist(CLI, 'the built CLI (npm run build)');
  const { chromium } = fromCache('playwright-core');
  browser = await chromium.launch({ executablePath: mustExist(CHROMIUM, 'Debian chromium'), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  // Every request but the report itself, whether it would reach the network or is refused by the page's policy.
  const requests = [];
  const reportUrl = pathToFileURL(reportPath).href;
  page.on('request', (request) => { if (request.url() !== reportUrl) requests.push(request.url()); });
  page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) requests.push(`refused by the policy: ${message.text()}`); });
  await check(page, requests);
  ok = true;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await browser?.close().catch(() => {});
}
log('html', ok ? 'PASS: the HTML report renders in Chromium, its charts match the JSON report, and it loads nothing' : 'FAIL: HTML report check');
process.exit(ok ? 0 : 1);
