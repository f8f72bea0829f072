// `scan --fix` and a fix that edits another file: dockerfile/build-context-secrets creates or extends the
// .dockerignore beside the Dockerfile, atomically, and never over a file that changed since it was read.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createIfAbsent } from '../../server/src/fixes/atomicReplace.js';
import { writeFileEdit } from '../../server/src/fixes/writeFileEdit.js';
import { fixFiles, otherFilesReport } from '../../server/src/scan/fixFiles.js';
import { tempWorkspace, type TempWorkspace } from '../config/tempWorkspace.js';

const RULE = 'dockerfile/build-context-secrets';
const CONFIG = `rules:\n  ${RULE}: warning\n`;
const DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nUSER node\n';
const HEADER = '# Secrets never go to the builder (added by manifestlint)\n';

let ws: TempWorkspace;
before(() => {
  ws = tempWorkspace({ '.manifestlint.yaml': `extends: []\n${CONFIG}` });
});
after(() => ws.dispose());

function fixApp(folder: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries({ Dockerfile: DOCKERFILE, ...files })) ws.write(`${folder}/${name}`, text);
  return fixFiles([ws.path(`${folder}/Dockerfile`)], { root: ws.root });
}

const ruleFindings = (run: ReturnType<typeof fixFiles>) => run.results.flatMap((r) => r.findings.filter((f) => f.ruleId === RULE));

describe('scan --fix writes the .dockerignore a Dockerfile’s fix asks for', () => {
  it('creates it when there is none, and the finding is gone', () => {
    const run = fixApp('create', { '.env': 'TOKEN=x\n', 'server.key': 'k' });
    assert.equal(readFileSync(ws.path('create/.dockerignore'), 'utf8'), `${HEADER}**/.env*\n**/*.key\n`);
    assert.deepEqual(ruleFindings(run), []);
    assert.deepEqual([run.fixedFindings, run.changedFiles], [1, 1]);
    assert.deepEqual(run.otherFiles, [{ path: ws.path('create/.dockerignore'), created: true, fixing: ws.path('create/Dockerfile') }]);
    assert.equal(otherFilesReport(run, ws.root), 'manifestlint: created create/.dockerignore (fix for create/Dockerfile)\n');
    assert.deepEqual(readdirSync(ws.path('create')).sort(), ['.dockerignore', '.env', 'Dockerfile', 'server.key'], 'no temporary file left');
    assert.deepEqual(ruleFindings(fixFiles([ws.path('create/Dockerfile')], { root: ws.root })), [], 'a second run finds nothing');
  });

  it('extends one that does not exclude them, keeping what was there', () => {
    const run = fixApp('extend', { '.env.production': 'x', '.dockerignore': 'node_modules' });
    assert.equal(readFileSync(ws.path('extend/.dockerignore'), 'utf8'), `node_modules\n${HEADER}**/.env*\n`);
    assert.equal(run.otherFiles[0].created, false);
    assert.deepEqual(ruleFindings(run), []);
  });

  it('leaves a suppressed finding alone', () => {
    const run = fixApp('suppressed', { '.env': 'x', Dockerfile: DOCKERFILE.replace('COPY', `# manifestlint-disable-next-line ${RULE} -- the builder runs in CI only\nCOPY`) });
    assert.equal(fs.existsSync(ws.path('suppressed/.dockerignore')), false);
    assert.deepEqual(run.otherFiles, []);
  });

  it('does not write a .dockerignore that is not valid UTF-8: the finding stays, with the reason', () => {
    ws.write('latin1/.env', 'x');
    ws.write('latin1/Dockerfile', DOCKERFILE);
    const bytes = Buffer.from([0x23, 0x20, 0xe9, 0x0a]); // "# é" in Latin-1
    writeFileSync(ws.path('latin1/.dockerignore'), bytes);
    const run = fixFiles([ws.path('latin1/Dockerfile')], { root: ws.root });
    assert.deepEqual(readFileSync(ws.path('latin1/.dockerignore')), bytes);
    assert.equal(ruleFindings(run).length, 1);
    assert.equal(run.results[0].error, '.dockerignore: Not fixed: the file is not valid UTF-8, and rewriting it would replace the bytes that are not.');
  });
});

describe('an edit of another file is refused when that file changed since it was read', () => {
  it('extending: the text on disk is not the text the fix was planned from', () => {
    const path = ws.write('changed/.dockerignore', 'node_modules\n.env\n');
    const result = writeFileEdit({ kind: 'file.edit', path, before: 'node_modules\n', text: '**/*.pem\n' });
    assert.deepEqual(result, { ok: false, reason: 'changed', message: '.dockerignore: Not fixed: the file changed on disk since it was read; run the fix again.' });
    assert.equal(readFileSync(path, 'utf8'), 'node_modules\n.env\n');
  });

  it('creating: a file (or a link) appeared meanwhile, and is never replaced', () => {
    const path = ws.write('appeared/.dockerignore', 'dist\n');
    const result = writeFileEdit({ kind: 'file.edit', path, text: '**/.env*\n' });
    assert.equal(result.ok, false);
    assert.equal(readFileSync(path, 'utf8'), 'dist\n');
    fs.symlinkSync('/etc/hostname', ws.path('appeared/linked'));
    assert.equal(createIfAbsent(ws.path('appeared/linked'), 'x').ok, false);
    assert.deepEqual(readdirSync(ws.path('appeared')).sort(), ['.dockerignore', 'linked'], 'no temporary file left');
  });

  it('creating: a disk that fails mid-write leaves no file and no temporary file', () => {
    ws.write('full/keep', '');
    const diskFull = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    const result = createIfAbsent(ws.path('full/.dockerignore'), '**/.env*\n', { ...fs, writeSync: diskFull });
    assert.equal(result.ok, false);
    assert.deepEqual(readdirSync(ws.path('full')), ['keep']);
  });
});
