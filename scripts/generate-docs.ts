// `npm run docs`: writes docs/rules/<domain>/<name>.md, the README rule table and the config schema
// from rule metadata, and removes pages of rules that no longer exist.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderAllDocs } from './docs.js';

const files = renderAllDocs();
for (const [path, content] of files) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
for (const domain of readdirSync('docs/rules', { withFileTypes: true }).filter((e) => e.isDirectory())) {
  for (const page of readdirSync(join('docs/rules', domain.name))) {
    const path = `docs/rules/${domain.name}/${page}`;
    if (!files.has(path)) rmSync(path);
  }
}
console.log(`wrote ${files.size} files`);
