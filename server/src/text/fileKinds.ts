// Which files manifestlint lints, by editor language id or by file name. The single definition the
// client's document selector, the server and the CLI's file discovery all use.

export type Language = 'yaml' | 'dockerfile';

/** Dockerfile names: Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile, Containerfile.* */
export const DOCKERFILE_NAME_PATTERNS = ['Dockerfile', 'Dockerfile.*', '*.Dockerfile', '*.dockerfile', 'Containerfile', 'Containerfile.*'];

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.[Dd]ockerfile)$/;
const YAML_NAME = /\.ya?ml$/i;
/** Helm chart files that are not manifests: `_helpers.tpl` (and any `.tpl`) and `NOTES.txt`. */
const HELM_NON_MANIFEST = /^(?:.+\.tpl|NOTES\.txt)$/i;

/** A URI starts with a scheme (`file:`, `untitled:`); a path does not. Two characters at least: `C:\…` is a Windows path. */
const URI_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** The file name in a URI (query and fragment dropped, percent-decoded) or in a path, as it is: in a path `#`, `?` and `%` are ordinary characters. */
export function baseName(uriOrPath: string): string {
  const isUri = URI_SCHEME.test(uriOrPath);
  const withoutQuery = isUri ? uriOrPath.replace(/[?#].*$/, '') : uriOrPath;
  const name = withoutQuery.slice(Math.max(withoutQuery.lastIndexOf('/'), withoutQuery.lastIndexOf('\\')) + 1);
  if (!isUri) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function isDockerfileName(uriOrPath: string): boolean {
  return DOCKERFILE_NAME.test(baseName(uriOrPath));
}

export function isYamlName(uriOrPath: string): boolean {
  return YAML_NAME.test(baseName(uriOrPath));
}

/**
 * Compose file names, as VS Code gives them the `dockercompose` language: compose.yaml, compose.*.yaml,
 * docker-compose.yml, docker-compose.override.yml, and any *docker*compose*.yml (`.yml` or `.yaml`).
 * Searched with indexOf rather than a `.*docker.*compose.*` pattern, which backtracks on long names.
 */
export function isComposeName(uriOrPath: string): boolean {
  const name = baseName(uriOrPath).toLowerCase();
  if (!YAML_NAME.test(name)) return false;
  const stem = name.slice(0, name.lastIndexOf('.'));
  if (stem === 'compose' || stem.startsWith('compose.')) return true;
  const docker = stem.indexOf('docker');
  return docker !== -1 && stem.includes('compose', docker + 'docker'.length);
}

/** The language to lint a document as, or undefined when manifestlint has nothing to say about it. */
export function languageOf(uriOrPath: string, languageId?: string): Language | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  if (HELM_NON_MANIFEST.test(baseName(uriOrPath))) return undefined;
  if (languageId === 'yaml' || languageId === 'helm') return 'yaml';
  // VS Code's own YAML extension gives Compose files this language id (an untitled one has no name to go by).
  if (languageId === 'dockercompose') return 'yaml';
  if (isDockerfileName(uriOrPath)) return 'dockerfile';
  if (isYamlName(uriOrPath)) return 'yaml';
  return undefined;
}
