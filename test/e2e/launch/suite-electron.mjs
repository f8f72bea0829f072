#!/usr/bin/env node
// Launcher 2 of 2 for the extension suite: the same built suite in desktop VS Code through
// @vscode/test-electron, for contributors whose machines can run (or download) VS Code. Uses the
// executable in $MANIFESTLINT_E2E_VSCODE, else test-electron downloads stable VS Code into
// .cache/e2e/vscode-test (not possible on the offline CI machine: there suite-code-server.mjs runs).
// Needs a display (on a headless Linux box: xvfb-run -a node scripts/e2e/run.mjs --launcher electron).
//   usage: node test/e2e/launch/suite-electron.mjs [--grep PATTERN]
import path from 'node:path';
import { CACHE, REPO, SUITE_RUNNER, fromCache, log, mustExist } from './env.mjs';
import { freshProfile } from './profile.mjs';

const args = process.argv.slice(2);
const grep = args.includes('--grep') ? args[args.indexOf('--grep') + 1] : undefined;
mustExist(SUITE_RUNNER, 'the built suite (node scripts/e2e/run.mjs builds it)');
mustExist(path.join(REPO, 'dist/extension.js'), 'the built extension (npm run build)');
const { downloadAndUnzipVSCode, runTests } = fromCache('@vscode/test-electron');

const { userData, extensionsDir, workspace } = freshProfile(path.join(CACHE, 'run/electron'));
let exitCode = 1;
try {
  const vscodeExecutablePath = process.env.MANIFESTLINT_E2E_VSCODE || (await downloadAndUnzipVSCode({ cachePath: path.join(CACHE, 'vscode-test') }));
  log('suite', `desktop VS Code: ${vscodeExecutablePath}`);
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: SUITE_RUNNER,
    extensionTestsEnv: grep ? { MANIFESTLINT_E2E_GREP: grep } : undefined,
    // test-electron itself adds --skip-welcome, --disable-workspace-trust, --disable-updates.
    launchArgs: [workspace, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-extensions'],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}
log('suite', exitCode === 0 ? 'PASS: extension suite in desktop VS Code' : `FAIL: extension suite in desktop VS Code (exit ${exitCode})`);
process.exit(exitCode);
