#!/usr/bin/env node
// Packaged, not just dev: builds the .vsix with @vscode/vsce from the repository as it is (after
// `npm run build`) and checks what it holds: `main`, every bundle in dist/ and every file package.json's
// contributions point at are inside; sources, tests, tooling, source maps and node_modules are not.
// The UI check then installs this very file into code-server.
//   usage: node test/e2e/package/check-vsix.mjs OUT.vsix        (Node >= 22: vsce's requirement)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, fromCache, log } from '../launch/env.mjs';

if (!process.argv[2]) throw new Error('usage: check-vsix.mjs OUT.vsix');
const out = path.resolve(process.argv[2]);
const { createVSIX } = fromCache('@vscode/vsce');

/** Top-level paths (inside the package's extension/ folder) that must never ship. */
const NEVER_SHIPPED = /^(node_modules|client|server|rules|test|scripts|bench|examples|\.cache|test-results|\.vscode-test)\/|\.(ts|map|vsix)$/;

/** Files the extension reads at run time that no contribution names (the walkthrough's sample Pod). */
const READ_AT_RUNTIME = ['walkthrough/sample-pod.yaml'];

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

fs.rmSync(out, { force: true });
// No dependencies: esbuild bundled them. vsce itself fails on a missing LICENSE or on README links it
// cannot resolve against package.json's repository: both are packaging mistakes this check is for.
await createVSIX({ cwd: REPO, packagePath: out, dependencies: false });
const entries = zipEntries(out).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
log('vsix', `${path.basename(out)}: ${entries.length} files, ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);

// Every bundle the build made (client, server, CLI, scan worker), `main`, and what contributions point at.
const bundles = fs.readdirSync(path.join(REPO, 'dist')).filter((name) => name.endsWith('.js')).map((name) => `dist/${name}`);
const required = new Set(['package.json', normalise(manifest.main), ...bundles, ...referencedByContributions(manifest.contributes ?? {}), ...READ_AT_RUNTIME]);
const problems = [
  ...[...required].filter((file) => !entries.includes(file)).map((file) => `missing from the package: ${file}`),
  ...entries.filter((entry) => NEVER_SHIPPED.test(entry)).map((entry) => `must not be packaged: ${entry}`),
  ...(entries.some((entry) => /^readme\.md$/i.test(entry)) ? [] : ['missing from the package: README.md']),
];
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ✘ ${problem}`);
  log('vsix', `FAIL: ${problems.length} packaging problem(s) in ${out}`);
  process.exit(1);
}
log('vsix', `ok: ${[...required].join(', ')} are packaged; nothing from the never-shipped list is`);

function normalise(file) {
  return path.posix.normalize(file.replace(/^\.\//, ''));
}

/** Files the manifest's contributions name: grammars, schema URLs, icons, snippets, language configurations, walkthrough media. */
function referencedByContributions(contributes) {
  const files = [];
  const add = (value) => { if (typeof value === 'string' && !/^[a-z]+:/i.test(value)) files.push(normalise(value)); };
  for (const grammar of contributes.grammars ?? []) add(grammar.path);
  for (const validation of [...(contributes.yamlValidation ?? []), ...(contributes.jsonValidation ?? [])]) add(validation.url);
  for (const language of contributes.languages ?? []) add(language.configuration);
  for (const snippet of contributes.snippets ?? []) add(snippet.path);
  for (const step of (contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps ?? [])) {
    const { markdown, svg, image } = step.media ?? {};
    for (const file of [markdown, svg, ...(typeof image === 'object' && image !== null ? Object.values(image) : [image])]) add(file);
  }
  if (typeof manifest.icon === 'string') add(manifest.icon);
  return files;
}


/** The entry names of a zip file (python3's zipfile: setup.sh guarantees python3). */
function zipEntries(file) {
  const result = spawnSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cannot read ${file} as a zip: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean);
}
