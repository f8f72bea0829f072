// Keystroke-to-diagnostics latency of a language server over stdio: open a document, then send
// single-character edits and time each until the server publishes diagnostics for that version.
import { spawn } from 'node:child_process';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export interface LatencyTarget {
  command: string;
  args: string[];
  languageId: string;
  uri: string;
  text: string;
  /** Line and character where edits are typed (a comment line is safest). */
  at: { line: number; character: number };
}

/** Returns one latency sample (ms) per edit. Servers that publish without a version are matched by order. */
export async function measureLatency(target: LatencyTarget, edits: number): Promise<number[]> {
  const child = spawn(target.command, target.args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting: (() => void) | undefined;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === target.uri) waiting?.();
  });
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    const published = () => new Promise<void>((resolve) => (waiting = resolve));
    const opened = published();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: target.uri, languageId: target.languageId, version: 1, text: target.text } });
    await opened;
    const samples: number[] = [];
    for (let version = 2; version < edits + 2; version++) {
      const next = published();
      const started = performance.now();
      const character = target.at.character + version - 2;
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: target.uri, version },
        contentChanges: [{ range: { start: { line: target.at.line, character }, end: { line: target.at.line, character } }, text: 'x' }],
      });
      await next;
      samples.push(performance.now() - started);
    }
    return samples;
  } finally {
    connection.dispose();
    child.kill();
  }
}
