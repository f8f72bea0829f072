#!/usr/bin/env node
// UI-level check, as a person sees it: the packaged extension (.vsix) installed into code-server, a
// fixture opened in headless Chromium. The squiggle sits on `privileged: true`, the Problems panel lists
// the finding with its rule id and position; the manifestlint view lists it with counts (findingsView.mjs);
// Ctrl+. offers "Set privileged: false", applying it removes the row and the squiggle. Screenshots go to test-results/ (a CI artifact); --update-readme-image also
// copies the Problems panel shot to docs/images/problems-panel.png.
//   usage: node test/e2e/ui/problems-panel.mjs PATH.vsix [--update-readme-image] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { withCodeServer } from '../launch/codeServer.mjs';
import { CACHE, REPO, RESULTS, log } from '../launch/env.mjs';
import { checkFindingsView } from './findingsView.mjs';

const args = process.argv.slice(2);
const vsix = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? '');
const verbose = args.includes('--verbose');
const FILE = 'k8s/privileged.yaml';
const FIX_TITLE = 'Set privileged: false';
const expectedOnOpen = JSON.parse(fs.readFileSync(path.join(REPO, 'test/e2e/expected-on-open.json'), 'utf8'));
const finding = expectedOnOpen[FILE].find((seen) => seen.code === 'k8s/privileged-container');
const [line, column] = finding.range.split(/[:-]/).map(Number);
const WAIT_MS = 30_000;
fs.mkdirSync(RESULTS, { recursive: true });
const shot = (name) => path.join(RESULTS, name);

async function check({ page }) {
  // 1. The Problems panel row: message, source, rule id and position, as VS Code renders them.
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: finding.message });
  await row.first().waitFor({ timeout: WAIT_MS });
  const rowText = (await row.first().innerText()).replace(/\s+/g, ' ');
  log('ui', `Problems panel row: ${rowText}`);
  for (const part of [finding.message, 'manifestlint', finding.code, `[Ln ${line}, Col ${column}]`]) {
    if (!rowText.includes(part)) throw new Error(`the Problems panel row lacks ${JSON.stringify(part)}: ${rowText}`);
  }

  // 2. The squiggle (Monaco's squiggly-error/-warning/-info) drawn on the line that says privileged: true.
  const codeLine = page.locator('.monaco-editor .view-line', { hasText: 'privileged: true' }).first();
  await codeLine.waitFor({ timeout: WAIT_MS });
  await waitUntil(`a ${finding.severity} squiggle on the privileged: true line`, () => squiggleOnLine(page, codeLine));
  log('ui', `${finding.severity} squiggle drawn under privileged: true`);
  await page.screenshot({ path: shot('problems-panel.png') });
  if (args.includes('--update-readme-image')) {
    fs.mkdirSync(path.join(REPO, 'docs/images'), { recursive: true });
    fs.copyFileSync(shot('problems-panel.png'), path.join(REPO, 'docs/images/problems-panel.png'));
    log('ui', 'updated docs/images/problems-panel.png');
  }

  // 3. The manifestlint view: the fixture's findings by rule and by file, with counts; a click reveals one.
  await checkFindingsView(page, { file: FILE, findings: expectedOnOpen[FILE], reveal: expectedOnOpen[FILE].at(-1), screenshot: shot('findings-view.png') });

  // 4. Quick fix through the keyboard: reveal the finding, Ctrl+., pick the fix.
  await row.first().click();
  await row.first().press('Enter'); // moves the cursor to the finding in the editor
  // The editor takes focus a moment after Enter; Ctrl+. pressed before that goes to the Problems panel
  // and opens nothing (the flake CI saw), so wait for the focus as a person waits for the cursor.
  await waitUntil('the editor to take focus on the finding', () => editorFocusedOnLine(page, line));
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE }).first();
  await openQuickFixMenu(page, fix);
  const menu = (await page.locator('.action-widget').first().innerText()).replace(/\s+/g, ' ');
  log('ui', `quick-fix menu: ${menu}`);
  await page.screenshot({ path: shot('quick-fix-menu.png') });
  await fix.click();
  const fixedLine = page.locator('.monaco-editor .view-line', { hasText: 'privileged: false' }).first();
  await fixedLine.waitFor({ timeout: WAIT_MS });
  await waitUntil('the Problems panel row to disappear', async () => (await row.count()) === 0);
  await waitUntil('the squiggle to disappear', async () => !(await squiggleOnLine(page, fixedLine)));
  await page.screenshot({ path: shot('quick-fix-applied.png') });
  log('ui', `"${FIX_TITLE}" applied: the line reads privileged: false, its squiggle and the row are gone`);
}

/** True when a squiggle of the finding's severity overlaps the given editor line vertically. */
async function squiggleOnLine(page, codeLine) {
  const lineBox = await codeLine.boundingBox();
  if (!lineBox) return false;
  for (const squiggle of await page.locator(`.monaco-editor .squiggly-${finding.severity}`).all()) {
    const box = await squiggle.boundingBox();
    if (box && box.y < lineBox.y + lineBox.height && box.y + box.height > lineBox.y) return true;
  }
  return false;
}

/** True when the keyboard focus is in the editor (not a panel) and its cursor is on the given 1-based line. */
async function editorFocusedOnLine(page, lineNumber) {
  const focused = await page.evaluate(() => Boolean(document.activeElement?.closest('.editor-group-container .monaco-editor')));
  if (!focused) return false;
  const status = await page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText({ timeout: 500 }).catch(() => '');
  return status.startsWith(`Ln ${lineNumber},`);
}

/**
 * Ctrl+. until the quick-fix menu shows `fix`: on a loaded machine the first press can land while the
 * workbench is still settling and open nothing (seen once in 3 CI-like runs right after code-server's
 * native build), and a person presses again. Three presses; each waits a third of the budget.
 */
async function openQuickFixMenu(page, fix) {
  const PRESSES = 3;
  for (let press = 1; ; press++) {
    await page.keyboard.press('Control+.');
    try {
      await fix.waitFor({ timeout: WAIT_MS / PRESSES });
      return;
    } catch (error) {
      if (press === PRESSES) throw error;
      log('ui', `no quick-fix menu after Ctrl+. (press ${press}); pressing again`);
      await page.keyboard.press('Escape');
    }
  }
}

async function waitUntil(what, probe) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let ok = false;
try {
  if (!fs.existsSync(vsix)) throw new Error(`no .vsix at ${vsix}: node test/e2e/package/check-vsix.mjs builds it`);
  await withCodeServer(
    { runDir: path.join(CACHE, 'run/ui'), vsix, openFile: FILE, onConsole: verbose ? (text) => console.log(`[browser] ${text}`) : undefined },
    async ({ page }) => {
      try {
        await check({ page });
        ok = true;
      } finally {
        if (!ok) {
          const panel = await page.locator('.markers-panel').first().innerText({ timeout: 1000 }).catch(() => '(not open)');
          log('ui', `Problems panel at failure: ${JSON.stringify(panel.replace(/\s+/g, ' ').trim().slice(0, 500))}`);
          await page.screenshot({ path: shot('ui-failure.png') }).catch(() => {});
          log('ui', `screenshot of the failure: ${shot('ui-failure.png')}`);
        }
      }
    },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}
log('ui', ok ? 'PASS: squiggle, Problems panel row and quick fix in code-server with the installed .vsix' : 'FAIL: UI check');
process.exit(ok ? 0 : 1);
