// The manifestlint view in the Explorer, as a person sees it: one row per rule with its count, a
// "Group by File" button that regroups the rows by file, and a finding's row that reveals it in the
// editor when clicked. Run inside the UI check's code-server session (problems-panel.mjs), with one
// fixture open and nothing else linted yet.
import { log } from '../launch/env.mjs';

const WAIT_MS = 30_000;

/**
 * `file`: the open fixture (workspace-relative); `findings`: what it shows (expected-on-open.json);
 * `reveal`: a finding to click, whose 1-based line the cursor must reach.
 */
export async function checkFindingsView(page, { file, findings, reveal, screenshot }) {
  // The view's generated focus command (its category is the Explorer's, so match the title alone).
  await runCommand(page, 'Focus on manifestlint View');
  const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^manifestlint/i }) }).first();
  const rowOf = (label) => view.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: label }) }).first();

  // By rule (the default): one row per rule, its count as the row's description.
  const perRule = new Map();
  for (const { code } of findings) perRule.set(code, (perRule.get(code) ?? 0) + 1);
  for (const [rule, count] of perRule) await expectCount(rowOf(rule), rule, count);
  log('ui', `manifestlint view by rule: ${[...perRule].map(([rule, count]) => `${rule} ${count}`).join(', ')}`);
  await page.screenshot({ path: screenshot });

  // By file: the fixture's row counts all of its findings.
  await view.locator('.pane-header').hover();
  await view.locator('.action-label[aria-label="Group by File"]').click();
  await expectCount(rowOf(file), file, findings.length);
  log('ui', `manifestlint view by file: ${file} ${findings.length}`);

  // Click to reveal: expand the file, click the finding, the editor's cursor goes to its line.
  await rowOf(file).click();
  const findingRow = view.locator('.monaco-list-row', { hasText: reveal.message }).first();
  await findingRow.waitFor({ timeout: WAIT_MS });
  await findingRow.click();
  const [line] = reveal.range.split(':').map(Number);
  await waitUntil(`the cursor on line ${line}`, async () => (await cursorLine(page)) === line);
  log('ui', `clicking "${reveal.message}" put the cursor on line ${line}`);

  // Back to the default grouping, so a later session starts as a new user's would.
  await view.locator('.pane-header').hover();
  await view.locator('.action-label[aria-label="Group by Rule"]').click();
}

async function expectCount(row, label, count) {
  await waitUntil(`a row "${label}" with the count ${count}`, async () => {
    if ((await row.count()) === 0) return false;
    const description = await row.locator('.label-description').innerText({ timeout: 500 }).catch(() => '');
    return description.trim() === String(count);
  });
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: WAIT_MS });
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await item.waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
}

async function cursorLine(page) {
  const status = await page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText({ timeout: 500 }).catch(() => '');
  const match = /^Ln (\d+),/.exec(status);
  return match ? Number(match[1]) : undefined;
}

async function waitUntil(what, probe) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
