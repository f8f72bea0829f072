// The text document notifications TextDocuments applies, checked first. A change whose version goes
// backwards (a client bug, or messages reordered on the way) is dropped with a warning instead of being
// applied to a newer text it was not computed against: the document and its diagnostics stay those of
// the newest version. A malformed notification is dropped with a warning instead of failing inside.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDidChangeParams, isDidCloseParams, isDidOpenParams } from './params.js';

/** What TextDocuments listens to (the library does not export the type by name). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

/** `versionOf` is the version of the open document the server holds, if it holds it. */
export function checkedDocumentEvents(connection: Connection, versionOf: (uri: string) => number | undefined, warn: (message: string) => void): TextDocumentConnection {
  const dropMalformed = (method: string) => warn(`manifestlint: ignored a malformed ${method} notification`);
  return {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument((params) => (isDidOpenParams(params) ? handler(params) : dropMalformed('textDocument/didOpen'))),
    onDidChangeTextDocument: (handler) =>
      connection.onDidChangeTextDocument((params) => {
        if (!isDidChangeParams(params)) return dropMalformed('textDocument/didChange');
        const { uri, version } = params.textDocument;
        const current = versionOf(uri);
        if (current !== undefined && version < current) {
          return warn(`manifestlint: ignored a change to ${uri} at version ${version}: the document is already at version ${current}`);
        }
        return handler(params);
      }),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument((params) => (isDidCloseParams(params) ? handler(params) : dropMalformed('textDocument/didClose'))),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(handler),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(handler),
  };
}
