#!/usr/bin/env node
// Launcher 1 of 2 for the extension suite: runs the built suite (.cache/e2e/suite/runner.js) inside
// code-server's real extension host with manifestlint loaded from the repository as an extension under
// development. Exit code 0 when every test passed. The other launcher, suite-electron.mjs, runs the same
// suite in desktop VS Code through @vscode/test-electron.
//   usage: node test/e2e/launch/suite-code-server.mjs [--grep PATTERN] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { withCodeServer } from './codeServer.mjs';
import { CACHE, REPO, RESULTS, SUITE_RUNNER, log, mustExist } from './env.mjs';

const args = process.argv.slice(2);
const grep = args.includes('--grep') ? args[args.indexOf('--grep') + 1] : undefined;
const verbose = args.includes('--verbose');
const TIMEOUT_MS = 240_000;
// Lines of mocha's spec reporter: suite titles, ✔ / numbered failures, summary, failure details.
const MOCHA_REPORT = /^\s*(✔|\d+\) |\d+ (passing|failing|pending))|^ {2,}\S/;

mustExist(SUITE_RUNNER, 'the built suite (node scripts/e2e/run.mjs builds it)');
mustExist(path.join(REPO, 'dist/extension.js'), 'the built extension (npm run build)');
fs.mkdirSync(RESULTS, { recursive: true });

let exitCode = 1;
try {
  exitCode = await withCodeServer(
    {
      runDir: path.join(CACHE, 'run/suite'),
      developmentPath: REPO,
      testsPath: SUITE_RUNNER,
      testsEnv: grep ? { MANIFESTLINT_E2E_GREP: grep } : undefined,
      // The extension host's console (mocha's report) reaches the page; everything else only with --verbose.
      // Workbench errors are shown by their first line (their stacks are the workbench's, not ours).
      onConsole: (line, type) => {
        if (verbose || MOCHA_REPORT.test(line)) console.log(line);
        else if (type === 'error') console.log(`[workbench error] ${line.split('\n')[0]}`);
      },
    },
    async ({ page, serverLog, testsExited }) => {
      const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS));
      const result = await Promise.race([testsExited, timeout]);
      if (result !== 0) {
        const shot = path.join(RESULTS, 'suite-failure.png');
        await page.screenshot({ path: shot }).catch(() => {});
        console.log(`--- last lines of ${serverLog} ---\n${fs.readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n')}`);
        log('suite', `screenshot of the window: ${shot}`);
      }
      if (result === 'timeout') {
        log('suite', `the extension tests did not finish within ${TIMEOUT_MS / 1000}s`);
        return 1;
      }
      return result;
    },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}
log('suite', exitCode === 0 ? 'PASS: extension suite in code-server' : `FAIL: extension suite in code-server (exit ${exitCode})`);
process.exit(exitCode);
