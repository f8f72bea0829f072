// A bare LSP client for protocol tests that need control over the wire: several messages in one write
// (so the server reads them together, as from a fast client), raw JSON-RPC errors, and the server's
// exit code. Server-to-client requests are answered with null, as a client without those features.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, type Message, type NotificationMessage, type RequestMessage, type ResponseMessage } from 'vscode-languageserver-protocol/node';
import { SERVER_PATH } from '../support/lspClient.js';

export class RawLspClient {
  private readonly process: ChildProcess;
  private readonly responses = new Map<number | string, (response: ResponseMessage) => void>();
  private readonly listeners: ((message: NotificationMessage) => void)[] = [];
  private nextId = 1;
  readonly notifications: NotificationMessage[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.resume();
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    const reader = new StreamMessageReader(this.process.stdout!);
    reader.listen((message: Message) => {
      const fields = message as Partial<RequestMessage & ResponseMessage>;
      if (fields.id !== undefined && fields.method !== undefined) {
        const nothing: ResponseMessage = { jsonrpc: '2.0', id: fields.id, result: null };
        return this.write([nothing]);
      }
      if (fields.id !== undefined && fields.id !== null) return this.responses.get(fields.id)?.(message as ResponseMessage);
      this.notifications.push(message as NotificationMessage);
      for (const listener of this.listeners) listener(message as NotificationMessage);
    });
  }

  /** A request message with a fresh id, to pass to `send`. */
  request(method: string, params?: unknown): RequestMessage {
    return { jsonrpc: '2.0', id: this.nextId++, method, ...(params === undefined ? {} : { params: params as object }) };
  }

  notification(method: string, params?: unknown): NotificationMessage {
    return { jsonrpc: '2.0', method, ...(params === undefined ? {} : { params: params as object }) };
  }

  /** Writes all `messages` in a single write; resolves with the response to each request among them, in order. */
  send(messages: Message[]): Promise<ResponseMessage[]> {
    const answered = messages.flatMap((message) => {
      const id = (message as Partial<RequestMessage>).id;
      return id === undefined || id === null ? [] : [new Promise<ResponseMessage>((resolve) => this.responses.set(id, resolve))];
    });
    this.write(messages);
    return Promise.all(answered);
  }

  async initialize(rootPath = process.cwd()): Promise<void> {
    const root = pathToFileURL(rootPath).href;
    await this.send([this.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'test' }], capabilities: {} })]);
    await this.send([this.notification('initialized', {})]);
  }

  /** The first notification from now on (or already received, if `includePast`) that satisfies `accept`. */
  nextNotification(accept: (message: NotificationMessage) => boolean, includePast = false): Promise<NotificationMessage> {
    const past = includePast ? this.notifications.find(accept) : undefined;
    if (past) return Promise.resolve(past);
    return new Promise((resolve) => {
      const listener = (message: NotificationMessage) => {
        if (!accept(message)) return;
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(message);
      };
      this.listeners.push(listener);
    });
  }

  kill(): void {
    this.process.kill();
  }

  private write(messages: Message[]): void {
    const frames = messages.map((message) => {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.process.stdin?.write(Buffer.concat(frames));
  }
}
