// Shape checks for what clients send: a request whose params are not what its method takes is answered
// InvalidParams, and a malformed notification is dropped, instead of failing deep inside a handler.
// Each check covers the fields the server reads, no more.
import type {
  CodeAction,
  CodeActionParams,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  Position,
  Range,
} from 'vscode-languageserver';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isInteger = (value: unknown): value is number => Number.isInteger(value);

function isPosition(value: unknown): value is Position {
  return isObject(value) && isInteger(value.line) && isInteger(value.character);
}

function isRange(value: unknown): value is Range {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

const hasUri = (value: unknown): value is { uri: string } => isObject(value) && isString(value.uri);

/** Requests without params (or with params the method ignores). */
export function anyParams(_value: unknown): _value is unknown {
  return true;
}

export function isCodeActionParams(value: unknown): value is CodeActionParams {
  if (!isObject(value) || !hasUri(value.textDocument) || !isRange(value.range) || !isObject(value.context)) return false;
  const { diagnostics, only } = value.context;
  return (
    Array.isArray(diagnostics) &&
    diagnostics.every((diagnostic) => isObject(diagnostic) && isRange(diagnostic.range)) &&
    (only === undefined || (Array.isArray(only) && only.every(isString)))
  );
}

export function isCodeAction(value: unknown): value is CodeAction {
  return isObject(value) && isString(value.title);
}

export function isDidOpenParams(value: unknown): value is DidOpenTextDocumentParams {
  if (!isObject(value) || !hasUri(value.textDocument)) return false;
  const { languageId, version, text } = value.textDocument as Fields;
  return isString(languageId) && isInteger(version) && isString(text);
}

export function isDidChangeParams(value: unknown): value is DidChangeTextDocumentParams {
  if (!isObject(value) || !hasUri(value.textDocument) || !isInteger((value.textDocument as Fields).version) || !Array.isArray(value.contentChanges)) return false;
  return value.contentChanges.every((change) => isObject(change) && isString(change.text) && (change.range === undefined || isRange(change.range)));
}

export function isDidCloseParams(value: unknown): value is DidCloseTextDocumentParams {
  return isObject(value) && hasUri(value.textDocument);
}
