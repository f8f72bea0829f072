// A real VS Code for the e2e checks: code-server (VS Code's server + web workbench) on 127.0.0.1, its
// window a headless Debian Chromium driven by playwright-core. Loads manifestlint either as an
// extension under development or installed from a .vsix, opens a fresh copy of the fixture workspace,
// and always stops code-server's whole process group afterwards.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { format } from 'node:util';
import { CHROMIUM, CODE_SERVER_ENTRY, NODE24, fromCache, log, mustExist } from './env.mjs';
import { freshProfile } from './profile.mjs';

// Extension-host and workbench chatter that says nothing about manifestlint.
const NOISE = /AgentHost|AccountPolicy|additional builtin extensions|sandbox attribute|mac address|gallery is disabled/;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts code-server + Chromium, opens the workspace, runs `body({ page, workspace, serverLog, testsExited })`
 * (testsExited: a promise of the extension tests' exit code), then stops both.
 * options.runDir         scratch directory (wiped): user data, extensions, the workspace copy, logs
 * options.developmentPath  load the extension from this folder as under development, or
 * options.vsix           install this .vsix first (the packaged extension, as users get it)
 * options.testsPath      extension test module to run in the extension host (extensionTestsPath)
 * options.testsEnv       environment variables for that extension host
 * options.openFile       workspace-relative file to open with the window
 * options.onConsole      receives each (formatted) browser console line, noise filtered out
 */
export async function withCodeServer(options, body) {
  mustExist(NODE24, 'Node 24');
  mustExist(CODE_SERVER_ENTRY, 'code-server');
  mustExist(CHROMIUM, 'Debian chromium');
  const { chromium } = fromCache('playwright-core');

  const runDir = options.runDir;
  const { userData, extensionsDir, workspace } = freshProfile(runDir);
  // Our own config file: without --config, code-server writes ~/.config/code-server/config.yaml.
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}' }; // no marketplace: nothing to fetch
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensionsDir];

  if (options.vsix) {
    const install = spawnSync(NODE24, [CODE_SERVER_ENTRY, ...common, '--install-extension', options.vsix], { env, encoding: 'utf8' });
    const output = `${install.stdout}${install.stderr}`.trim();
    if (install.status !== 0 || !/successfully installed/.test(output)) {
      throw new Error(`code-server --install-extension ${options.vsix} failed (exit ${install.status}):\n${output}`);
    }
    log('code-server', 'installed', path.basename(options.vsix), '→', fs.readdirSync(extensionsDir).filter((name) => !name.startsWith('.')).join(', '));
  }

  const port = await freePort();
  const authority = `127.0.0.1:${port}`; // code-server's remote authority is the page's host:port
  const serverLog = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(serverLog, 'w');
  const server = spawn(
    NODE24,
    [CODE_SERVER_ENTRY, ...common, '--bind-addr', authority, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
      // Lets the page's ?payload= carry extensionDevelopmentPath / extensionTestsPath: a built VS Code
      // honours them only with the smoke-test driver on.
      '--vscode-option', 'enable-smoke-test-driver'],
    { detached: true, stdio: ['ignore', logFd, logFd], env }, // detached: its own process group, stopped as one
  );
  let serverExit = null;
  server.on('exit', (code, signal) => { serverExit = { code, signal }; });
  let browser;
  const stop = async () => {
    const started = Date.now();
    await browser?.close().catch(() => {});
    await stopProcessGroup(server.pid);
    log('code-server', `stopped (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  };
  const onSignal = () => void stop().then(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (serverExit) throw new Error(`code-server exited at start ${JSON.stringify(serverExit)}; log: ${serverLog}`);
      if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz; log: ${serverLog}`);
      if (await fetch(`http://${authority}/healthz`).then((r) => r.ok, () => false)) break;
      await sleep(100);
    }
    log('code-server', `pid ${server.pid} answers on ${authority}`);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', async (message) => {
      if (!options.onConsole) return;
      const line = await formatConsole(message);
      if (!NOISE.test(line)) options.onConsole(line, message.type());
    });
    const remote = (file) => `vscode-remote://${authority}${file}`;
    const payload = [];
    if (options.developmentPath) payload.push(['extensionDevelopmentPath', remote(options.developmentPath)]);
    if (options.testsPath) payload.push(['extensionTestsPath', remote(options.testsPath)]);
    if (options.testsEnv) payload.push(['extensionEnvironment', JSON.stringify(options.testsEnv)]);
    if (options.openFile) payload.push(['openFile', remote(path.join(workspace, options.openFile))]);
    // The workbench calls window.codeAutomationExit(code) when the extension tests finish.
    let reportExit;
    const testsExited = new Promise((resolve) => { reportExit = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    await page.goto(`http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
    log('code-server', 'workbench rendered');
    return await body({ page, workspace, serverLog, testsExited });
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await stop();
  }
}

/** SIGTERM to the group (server, extension hosts, language servers, watchers), SIGKILL after 5 s. */
async function stopProcessGroup(pid) {
  const alive = () => { try { process.kill(-pid, 0); return true; } catch { return false; } };
  try { process.kill(-pid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + 5000;
  while (alive() && Date.now() < deadline) await sleep(100);
  if (alive()) { try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ } }
}

/** Extension-host console calls arrive with their format strings (mocha's '%s') and VS Code's '%c' styling. */
async function formatConsole(message) {
  try {
    let args = await Promise.all(message.args().map((handle) => handle.jsonValue()));
    if (typeof args[0] === 'string' && args[0].startsWith('%c')) args = args.slice(2);
    if (typeof args[0] === 'string') return format(...args);
  } catch { /* page navigated away; fall back to the plain text */ }
  return message.text();
}
