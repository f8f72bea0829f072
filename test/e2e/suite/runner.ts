// Extension test entry point (the `extensionTestsPath` contract shared by @vscode/test-electron and the
// code-server launcher): runs every *.e2e.js next to it with mocha inside the real extension host.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

// mocha is resolved at run time from the e2e cache's node_modules (see scripts/e2e/setup.sh).
interface Mocha {
  addFile(file: string): void;
  run(done: (failures: number) => void): void;
}
type MochaConstructor = new (options: { ui: 'tdd'; reporter: string; color: boolean; diff: boolean; timeout: number; grep?: string }) => Mocha;

export function run(): Promise<void> {
  const Mocha = require('mocha') as MochaConstructor;
  const grep = process.env.MANIFESTLINT_E2E_GREP;
  // diff: false because node:assert's messages already carry the actual/expected diff.
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, diff: false, timeout: 30_000, ...(grep ? { grep } : {}) });
  const specs = readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js')).sort();
  if (specs.length === 0) return Promise.reject(new Error(`no *.e2e.js files in ${__dirname}`));
  for (const spec of specs) mocha.addFile(path.join(__dirname, spec));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures === 0 ? resolve() : reject(new Error(`${failures} end-to-end test(s) failed`))));
  });
}
