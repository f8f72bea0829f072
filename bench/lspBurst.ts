// The language server under a burst of edits (`tsx bench/lspBurst.ts`, numbers only, never pass/fail):
// how long until the diagnostics of the last version arrive, how many versions were linted on the way,
// and the server's peak RSS. Editors send changes faster than a large file lints (typing, paste,
// undo/redo, a formatter, a `git checkout` under an open file); the server must not fall behind.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { SERVER_EXEC_ARGV } from '../server/src/lsp/protocol.js';
import { multiDocumentManifest } from './corpus.js';

export interface BurstResult {
  name: string;
  lines: number;
  changes: number;
  /** From the first change sent to the diagnostics of the last version. */
  lastVersionMs: number;
  /** How many diagnostics the server published for the document during the burst (one per version it linted). */
  publishes: number;
  peakRssMb: number;
}

interface Burst {
  name: string;
  text: string;
  changes: number;
  /** The content change that makes version `version` (the open document is version 1). */
  change(version: number): TextDocumentContentChangeEvent;
}

const FIRST_LINE = '# burst edits land here: ';

/** `count` single-character insertions typed into the first line, one notification each. */
export function typingBurst(lines: number, count: number): Burst {
  return {
    name: `${count.toLocaleString('en')} rapid incremental changes`,
    text: `${FIRST_LINE}\n${multiDocumentManifest(lines)}`,
    changes: count,
    change: (version) => {
      const at = { line: 0, character: FIRST_LINE.length + version - 2 };
      return { range: { start: at, end: at }, text: 'x' };
    },
  };
}

/** `count` full-text replacements (a formatter or an undo storm), each differing in the first line. */
export function fullTextBurst(lines: number, count: number): Burst {
  const body = multiDocumentManifest(lines);
  return {
    name: `${count.toLocaleString('en')} full-text changes`,
    text: `${FIRST_LINE}\n${body}`,
    changes: count,
    change: (version) => ({ text: `${FIRST_LINE}${version}\n${body}` }),
  };
}

export async function measureBurst(burst: Burst, serverPath = resolve('dist/server.js')): Promise<BurstResult> {
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, '--require', resolve('bench/rss-preload.cjs'), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(join(tmpdir(), 'manifestlint-burst', 'burst.yaml')).href;
  const lastVersion = burst.changes + 1;
  let publishes = 0;
  let onPublish: (version: number | undefined) => void = () => undefined;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri) return;
    publishes++;
    onPublish(params.version);
  });
  connection.listen();
  const published = (version: number) => new Promise<void>((done) => (onPublish = (got) => got === version && done()));
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    const opened = published(1);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: burst.text } });
    await opened;
    publishes = 0;
    const last = published(lastVersion);
    const started = performance.now();
    const sent: Promise<void>[] = [];
    for (let version = 2; version <= lastVersion; version++) {
      sent.push(connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [burst.change(version)] }));
    }
    await Promise.all(sent);
    await last;
    const lastVersionMs = performance.now() - started;
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await exited;
    const rssKb = Number(/MANIFESTLINT_BENCH_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN);
    return { name: burst.name, lines: burst.text.split('\n').length, changes: burst.changes, lastVersionMs, publishes, peakRssMb: rssKb / 1024 };
  } finally {
    connection.dispose();
    child.kill();
  }
}

/** The two bursts the robustness issue measured, on the 10,000-line multi-document bench file. */
export const BURSTS = [typingBurst(10_000, 2_000), fullTextBurst(10_000, 300)];

export function formatBurst(result: BurstResult): string {
  return `${result.name}, ${result.lines.toLocaleString('en')}-line manifest  |  last version answered after ${(result.lastVersionMs / 1000).toFixed(2)} s  |  ${result.publishes} versions linted  |  server peak RSS ${result.peakRssMb.toFixed(0)} MB`;
}

if (require.main === module) {
  void (async () => {
    console.log('# language server under a burst of edits (LSP over stdio)');
    for (const burst of BURSTS) console.log(formatBurst(await measureBurst(burst, process.argv[2] ? resolve(process.argv[2]) : undefined)));
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
