// Documents arrive as URIs; files on disk are read by path. One conversion for the LSP layer.
import { fileURLToPath } from 'node:url';

/** The path of a `file:` URI; undefined for any other scheme (untitled, virtual workspaces) or a malformed one. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
