// How the server answers requests, whatever the method: refused after `shutdown` (InvalidRequest), refused
// when the params are not what the method takes (InvalidParams, not a crash reported as InternalError),
// and given up when the client cancels them (RequestCancelled) — before they start, and when they finish
// after the client stopped waiting.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type RequestType, type RequestType0 } from 'vscode-languageserver';

export type RequestHandler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export class RequestGate {
  private shutDown = false;

  constructor(private readonly connection: Connection) {}

  get isShutDown(): boolean {
    return this.shutDown;
  }

  /** After `shutdown` the server only waits for `exit`: every request is refused. */
  shutdown(): void {
    this.shutDown = true;
  }

  /** The error a request gets once the server is shut down. */
  refusal(method: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidRequest, `${method}: the server is shut down (only exit is accepted now)`);
  }

  handle<P, R>(type: RequestType<P, R, unknown> | RequestType0<R, unknown>, isValid: (params: unknown) => params is P, handler: RequestHandler<P, R>): void {
    const { method } = type;
    // Registered by method name: the library then passes whatever params came (none, by name or by
    // position) followed by the token, and the shape check below decides, for every method alike.
    this.connection.onRequest(method, async (...args: unknown[]): Promise<R | ResponseError<void>> => {
      const token = args[args.length - 1] as CancellationToken;
      const params = args.length === 2 ? args[0] : args.length > 2 ? args.slice(0, -1) : undefined;
      if (this.shutDown) return this.refusal(method);
      if (!isValid(params)) return new ResponseError(ErrorCodes.InvalidParams, `${method}: missing or malformed params`);
      if (token.isCancellationRequested) return cancelled(method);
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled(method) : result;
    });
  }
}

function cancelled(method: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${method} was cancelled`);
}
