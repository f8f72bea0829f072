#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end checks in a real VS Code and a second real LSP client, with timings.
//   setup   scripts/e2e/setup.sh (idempotent; installs into .cache/e2e; fails loudly, never skips)
//   build   npm run build, then the suite (test/e2e/suite/*.ts) into .cache/e2e/suite
//   suite   the extension suite inside VS Code's extension host: desktop VS Code through
//           @vscode/test-electron when one is available, else code-server (the case on CI here)
//   vsix    package with @vscode/vsce and check what the package holds (test/e2e/package)
//   ui      that .vsix installed into code-server, driven in Chromium like a person (test/e2e/ui)
//   neovim  Neovim's built-in LSP client on `node dist/server.js --stdio` (test/e2e/neovim)
// As root, code-server, Chromium and Neovim run in a private network namespace with only loopback.
//   usage: node scripts/e2e/run.mjs [--launcher auto|code-server|electron] [--only suite,vsix,ui,html,neovim]
//                                   [--grep PATTERN] [--update-readme-image] [--verbose]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CACHE, NODE24, REPO, SUITE_DIR, log } from '../../test/e2e/launch/env.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const launcher = chooseLauncher(option('--launcher', 'auto'));
const only = new Set(option('--only', 'suite,vsix,ui,html,neovim').split(','));
const passThrough = [
  ...(option('--grep') ? ['--grep', option('--grep')] : []),
  ...(args.includes('--verbose') ? ['--verbose'] : []),
];
const VSIX = path.join(CACHE, 'manifestlint.vsix');
const t0 = Date.now();
const timings = [];

/** Runs one step and records its time and outcome; a step that throws or returns false has failed. */
function step(name, body) {
  const started = Date.now();
  log('e2e', `▶ ${name}`);
  let ok = false;
  try {
    ok = body() !== false;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  const seconds = (Date.now() - started) / 1000;
  timings.push({ name, seconds, ok });
  log('e2e', `${ok ? '✔' : '✘'} ${name} (${seconds.toFixed(1)}s)`);
  return ok;
}

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: REPO, env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result.status === 0;
}

/** As root: a network namespace with only `lo`, so code-server, Chromium and Neovim cannot reach anything else. */
function runIsolated(command, commandArgs, env) {
  if (process.getuid?.() !== 0) return run(command, commandArgs, env);
  return run('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', command, ...commandArgs], env);
}

/** Desktop VS Code when one is available (given, or downloaded earlier by test-electron); else code-server. */
function chooseLauncher(choice) {
  if (choice === 'code-server' || choice === 'electron') return choice;
  if (choice !== 'auto') throw new Error(`--launcher must be auto, code-server or electron, not ${choice}`);
  const downloads = path.join(CACHE, 'vscode-test');
  const downloaded = fs.existsSync(downloads) && fs.readdirSync(downloads).some((name) => name.startsWith('vscode-'));
  return process.env.MANIFESTLINT_E2E_VSCODE || downloaded ? 'electron' : 'code-server';
}

function buildSuite() {
  const esbuild = createRequire(path.join(REPO, 'package.json'))('esbuild');
  const dir = path.join(REPO, 'test/e2e/suite');
  const entryPoints = fs.readdirSync(dir).filter((name) => name === 'runner.ts' || name.endsWith('.e2e.ts')).map((name) => path.join(dir, name));
  fs.rmSync(SUITE_DIR, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints, outdir: SUITE_DIR, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
  log('e2e', `suite: ${entryPoints.length - 1} spec file(s) built into ${path.relative(REPO, SUITE_DIR)}`);
}

const prepared = step('setup', () => run('bash', ['scripts/e2e/setup.sh']))
  && step('build', () => run('npm', ['run', '--silent', 'build']) && buildSuite());
if (prepared) {
  if (only.has('suite')) {
    log('e2e', `launcher: ${launcher}${launcher === 'code-server' ? ' (no desktop VS Code: set MANIFESTLINT_E2E_VSCODE or use --launcher electron to download one)' : ''}`);
    step(`suite (${launcher})`, () => (launcher === 'electron'
      ? run(NODE24, ['test/e2e/launch/suite-electron.mjs', ...passThrough])
      : runIsolated(NODE24, ['test/e2e/launch/suite-code-server.mjs', ...passThrough])));
  }
  if (only.has('vsix') || only.has('ui')) {
    const packaged = step('vsix', () => run(NODE24, ['test/e2e/package/check-vsix.mjs', VSIX]));
    if (only.has('ui')) {
      step('ui (code-server + Chromium, installed .vsix)', () => packaged
        && runIsolated(NODE24, ['test/e2e/ui/problems-panel.mjs', VSIX, ...(args.includes('--update-readme-image') ? ['--update-readme-image'] : []), ...passThrough]));
    }
  }
  if (only.has('html')) {
    // The HTML report of examples/ in Chromium: it renders, its chart counts are the JSON report's, it makes no request.
    step('html report (Chromium)', () => runIsolated(NODE24, ['test/e2e/ui/html-report.mjs', ...(args.includes('--update-readme-image') ? ['--update-readme-image'] : [])]));
  }
  if (only.has('neovim')) {
    step('neovim (built-in LSP client, --stdio)', () => runIsolated('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'luafile test/e2e/neovim/diagnostics.lua'],
      { MANIFESTLINT_REPO: REPO }));
  }
}

const failed = timings.filter((t) => !t.ok);
console.log('\nmanifestlint e2e timings');
for (const { name, seconds, ok } of timings) console.log(`  ${ok ? '✔' : '✘'} ${name.padEnd(48)} ${seconds.toFixed(1).padStart(6)}s`);
console.log(`  total ${((Date.now() - t0) / 1000).toFixed(1)}s`);
console.log(`e2e: ${timings.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 ? 0 : 1);
