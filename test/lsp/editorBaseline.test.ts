// The editor's view of a workspace's baseline: the workspace folder's `.manifestlint-baseline.json`
// (the innermost folder of a multi-root workspace), its entries for one file counted per rule and
// fingerprint, nothing for files outside the folders, and one warning for a broken file, never one
// for a missing file.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { baselineKey, EditorBaselines } from '../../server/src/lsp/editorBaseline.js';

const entry = (file: string, fingerprint: string) => ({ file, ruleId: 'k8s/host-pid', fingerprint });
const write = (folder: string, entries: object[]) => writeFileSync(join(folder, '.manifestlint-baseline.json'), JSON.stringify({ version: 1, entries }));
const url = (path: string) => pathToFileURL(path).href;

describe('the baseline in the editor', () => {
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-editor-baselines-'));
  const nested = join(root, 'services', 'api');
  mkdirSync(nested, { recursive: true });
  write(root, [entry('services/api/pod.yaml', 'outer'), entry('k8s/pod.yaml', 'a'), entry('k8s/pod.yaml', 'a'), entry('k8s/pod.yaml', 'b')]);
  write(nested, [entry('pod.yaml', 'inner')]);

  it("counts a file's entries per rule and fingerprint, paths relative to the folder", () => {
    const baselines = new EditorBaselines(() => assert.fail('no warning'));
    baselines.setWorkspaceFolders([url(root)]);
    assert.deepEqual(baselines.forFile(url(join(root, 'k8s', 'pod.yaml'))), new Map([[baselineKey('k8s/host-pid', 'a'), 2], [baselineKey('k8s/host-pid', 'b'), 1]]));
    assert.equal(baselines.forFile(url(join(root, 'k8s', 'other.yaml'))), undefined);
  });

  it('reads the innermost workspace folder\'s baseline', () => {
    const baselines = new EditorBaselines(() => assert.fail('no warning'));
    baselines.setWorkspaceFolders([url(root), url(nested)]);
    assert.deepEqual([...(baselines.forFile(url(join(nested, 'pod.yaml'))) ?? [])], [[baselineKey('k8s/host-pid', 'inner'), 1]]);
  });

  it('has nothing for a file outside the folders, or an untitled one', () => {
    const baselines = new EditorBaselines(() => assert.fail('no warning'));
    baselines.setWorkspaceFolders([url(nested)]);
    assert.equal(baselines.forFile(url(join(root, 'k8s', 'pod.yaml'))), undefined);
    assert.equal(baselines.forFile('untitled:Untitled-1'), undefined);
  });

  it('reads the file once, and again after forget()', () => {
    let reads = 0;
    const baselines = new EditorBaselines(() => assert.fail('no warning'), () => {
      reads++;
      return { version: 1, entries: [] };
    });
    baselines.setWorkspaceFolders([url(root)]);
    baselines.forFile(url(join(root, 'a.yaml')));
    baselines.forFile(url(join(root, 'b.yaml')));
    assert.equal(reads, 1);
    baselines.forget();
    baselines.forFile(url(join(root, 'a.yaml')));
    assert.equal(reads, 2);
  });

  it('says once that a baseline is broken; a folder without one says nothing', () => {
    const broken = mkdtempSync(join(tmpdir(), 'manifestlint-broken-baseline-'));
    writeFileSync(join(broken, '.manifestlint-baseline.json'), '{ not json');
    const empty = mkdtempSync(join(tmpdir(), 'manifestlint-no-baseline-'));
    const warnings: string[] = [];
    const baselines = new EditorBaselines((message) => warnings.push(message));
    baselines.setWorkspaceFolders([url(broken), url(empty)]);
    for (let i = 0; i < 2; i++) {
      assert.equal(baselines.forFile(url(join(broken, 'pod.yaml'))), undefined);
      assert.equal(baselines.forFile(url(join(empty, 'pod.yaml'))), undefined);
      baselines.forget();
    }
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /not valid JSON; the editor shows findings without the baseline\.$/);
  });
});
