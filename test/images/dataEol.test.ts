// `npm run data:eol`: with no network it fails in one line, exit 1, and writes nothing; with an API
// that answers, it rewrites the table from it (served here by a local stand-in for endoflife.date).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EOL_TABLE } from '../../server/src/images/eolTable.js';

const dir = mkdtempSync(join(tmpdir(), 'data-eol-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function runScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/data-eol.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve(typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '');
  }));
}

describe('npm run data:eol', () => {
  it('without a network: exit 1, one line saying why, nothing written', async () => {
    const out = join(dir, 'unreachable.ts');
    // Port 9 (discard) on the loopback refuses the connection: the same path as a machine with no network.
    const { code, stdout, stderr } = await runScript(['--api', 'http://127.0.0.1:9', '--out', out]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0], /^data:eol: cannot reach http:\/\/127\.0\.0\.1:9\/products\/debian \(.+\); the table is unchanged \(taken on \d{4}-\d{2}-\d{2}\)$/);
    assert.equal(existsSync(out), false);
  });

  it('an answer without releases: exit 1, nothing written', async () => {
    const server = createServer((_request, response) => response.end(JSON.stringify({ result: {} })));
    const api = await listen(server);
    const out = join(dir, 'empty.ts');
    const { code, stderr } = await runScript(['--api', api, '--out', out]);
    server.close();
    assert.equal(code, 1);
    assert.match(stderr, /^data:eol: .*\/products\/debian: no result\.releases in the answer; the table is unchanged/);
    assert.equal(existsSync(out), false);
  });

  it('with an API that answers: every product refreshed, the manual ones kept, the date is today', async () => {
    const asked: string[] = [];
    const server = createServer((request, response) => {
      asked.push(request.url ?? '');
      const releases = [
        { name: '2', codename: 'Second Release', eolFrom: null, eoesFrom: '2031-06-30' },
        { name: '1', codename: null, eolFrom: '2020-01-01', eoesFrom: null },
      ];
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ schema_version: '1.2.0', result: { name: 'x', releases } }));
    });
    const api = await listen(server);
    const out = join(dir, 'table.ts');
    const { code, stdout, stderr } = await runScript(['--api', api, '--out', out]);
    server.close();
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^data:eol: wrote /);
    const fetched = Object.entries(EOL_TABLE.products).filter(([, product]) => !product.manual);
    assert.deepEqual(asked.sort(), fetched.map(([slug]) => `/products/${slug}`).sort());
    const text = readFileSync(out, 'utf8');
    assert.match(text, new RegExp(`takenOn: "${new Date().toISOString().slice(0, 10)}"`));
    // Debian counts its LTS (eoes), the others their eol; codenames keep their first word, lower case.
    assert.match(text, /"debian": \{[^}]*field: "eoes",\s*releases: \[\s*\{ release: "2", codename: "second", eol: "2031-06-30" \}/);
    assert.match(text, /"python": \{[^}]*releases: \[\s*\{ release: "2", codename: "second", eol: null \},\s*\{ release: "1", eol: "2020-01-01" \}/);
    assert.match(text, /"docker-openjdk": \{[^}]*manual: true,\s*releases: \[\s*\{ release: "18", eol: "2022-07-31" \}/);
  });
});
