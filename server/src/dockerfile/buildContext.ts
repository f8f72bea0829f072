// What the build context of a Dockerfile would send to the builder, as far as secrets go: the
// .dockerignore text and the secret-looking files present in the Dockerfile's folder. The caller reads
// them from disk (server/src/dockerfile/buildContextFiles.ts); this module only judges them. Pure.
import ignore from 'ignore';

/** Facts about the build context that only the filesystem knows (RunOptions.buildContext). */
export interface BuildContextHint {
  /** The .dockerignore file beside the Dockerfile (absolute path), whether or not it exists. */
  dockerignorePath: string;
  /** Its text; undefined when there is no .dockerignore. */
  dockerignore?: string;
  /** Secret-looking files and folders present in the context, relative with `/`, folders ending in `/`. */
  secretFiles: string[];
}

/** Secret-looking names (matched on the last path segment) and the .dockerignore line that excludes them anywhere. */
export const SECRET_CONTEXT_FILES: readonly { name: RegExp; pattern: string }[] = [
  { name: /^\.env(?:\.(?!example$|sample$|template$|dist$|defaults$)[^/]+)?$/, pattern: '**/.env*' },
  { name: /\.pem$/, pattern: '**/*.pem' },
  { name: /\.key$/, pattern: '**/*.key' },
  { name: /^id_(?:rsa|dsa|ecdsa|ed25519)/, pattern: '**/id_*' },
  { name: /^\.git\/$/, pattern: '.git' },
  { name: /^\.npmrc$/, pattern: '**/.npmrc' },
  { name: /^\.aws\/$/, pattern: '**/.aws' },
  { name: /\.tfstate(?:\.backup)?$/, pattern: '**/*.tfstate*' },
  { name: /^kubeconfig$/, pattern: '**/kubeconfig' },
];

/** The entry of SECRET_CONTEXT_FILES a context path (`config/.env`, `.git/`) matches, if any. */
export function secretContextFile(path: string): (typeof SECRET_CONTEXT_FILES)[number] | undefined {
  const segment = path.endsWith('/') ? `${path.slice(0, -1).split('/').pop()}/` : path.split('/').pop() ?? path;
  return SECRET_CONTEXT_FILES.find((entry) => entry.name.test(segment));
}

/**
 * Globs of the files whose creation, change or removal changes what a build context sends: the
 * .dockerignore and every secret-looking name, anywhere (editors watch them to lint Dockerfiles again).
 */
export const BUILD_CONTEXT_GLOBS: readonly string[] = ['**/.dockerignore', ...SECRET_CONTEXT_FILES.map(({ pattern }) => (pattern.startsWith('**/') ? pattern : `**/${pattern}`))];

/** Whether a file or folder of this name (last path segment) can change what a build context sends. */
export function touchesBuildContext(name: string): boolean {
  return name === '.dockerignore' || secretContextFile(name) !== undefined || secretContextFile(`${name}/`) !== undefined;
}

/**
 * The secret-looking files that `.dockerignore` does not exclude. Docker anchors every pattern at the
 * context root (`*.pem` is only the root's; `**\/*.pem` is anywhere), unlike .gitignore: patterns are
 * anchored before `ignore` evaluates them.
 */
export function secretFilesSent(hint: BuildContextHint): string[] {
  if (hint.dockerignore === undefined) return hint.secretFiles;
  const matcher = ignore().add(hint.dockerignore.split(/\r?\n/).map(anchored));
  return hint.secretFiles.filter((path) => !matcher.ignores(path));
}

/** A .dockerignore line as a root-anchored .gitignore line (comments and blanks kept as they are). */
function anchored(line: string): string {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return trimmed;
  const negated = trimmed.startsWith('!');
  const pattern = (negated ? trimmed.slice(1) : trimmed).replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
  return `${negated ? '!' : ''}/${pattern}`;
}
