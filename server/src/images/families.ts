// Image families: how minimal each one (and each tag variant) is, the same-family replacement
// to suggest for the final stage, and which images already run as a non-root user. Data reviewed like
// code; reasoning and sources in research/secrets-and-images.md §3.

export type ImageClass =
  /** No shell, no package manager: scratch, distroless, Chainguard, chiseled, UBI micro. */
  | 'minimal'
  /** Shell and a small package manager: alpine, busybox, *-slim, UBI minimal. Acceptable. */
  | 'smallDistro'
  /** A minimal image's debug/dev variant (busybox shell, apk). */
  | 'debug'
  /** A general-purpose distribution. */
  | 'fullOs'
  /** A language runtime on a full Debian/Ubuntu base. */
  | 'fullLanguage'
  /** A build toolchain (compiler, JDK, SDK). */
  | 'toolchain';

/** What to suggest instead of a non-minimal image, given its tag (undefined: untagged). */
export interface Replacement {
  /** Named in the message: `node:22-slim or gcr.io/distroless/nodejs22-debian13`. */
  advice: string;
  /** A same-family tag that keeps the version, offered as a one-click fix; only for unambiguous swaps. */
  tag?: string;
}

export interface ImageFamily {
  /** How messages name the family: `Node.js`, `Debian`. */
  label: string;
  /** Matches the normalized repository (`node`, `gcr.io/distroless/static-debian13`). */
  repository: RegExp;
  /** The class of the family's default variant: what no tag, or an unknown tag, means. */
  defaultClass: ImageClass;
  /** Tag tokens that change the class, first match wins; replaces GENERIC_VARIANTS when given. */
  variants?: readonly (readonly [RegExp, ImageClass])[];
  replacement?: (tag: string | undefined, repository: string) => Replacement;
}

/** Tag tokens (the tag split on `-`) that make an image smaller, for families without their own list. */
export const GENERIC_VARIANTS: readonly (readonly [RegExp, ImageClass])[] = [
  [/^(?:chiseled|distroless|micro)$/, 'minimal'],
  [/^(?:slim|minimal|alpine[\d.]*)$/, 'smallDistro'],
];

const DEBIAN_CODENAME = /^(?:buster|bullseye|bookworm|trixie|forky|sid)$/;
/** A tag we can extend safely: a version or alias, optionally with a Debian codename (`3.12`, `22-bookworm`, `lts`). */
const SIMPLE_TAG = /^[\w.]+(?:-(?:buster|bullseye|bookworm|trixie|forky))?$/;
const DISTROLESS_NODE = new Set(['22', '24', '26']);
const DISTROLESS_JAVA = new Set(['17', '21', '25']);

/** The leading version number of a tag: `22` in `22.11.0-bookworm`. */
function major(tag: string | undefined): string | undefined {
  return tag ? /^(\d+)/.exec(tag)?.[1] : undefined;
}

/** The leading version of a tag: `3.12` in `3.12.4-bookworm`. */
function version(tag: string | undefined): string | undefined {
  return tag ? /^\d+(?:\.\d+)?/.exec(tag)?.[0] : undefined;
}

/** `22` → `22-slim`, `22-bookworm` → `22-bookworm-slim` (node, debian style). */
function slimSuffix(tag: string | undefined, untagged: string): string | undefined {
  if (!tag) return untagged;
  return SIMPLE_TAG.test(tag) ? `${tag}-slim` : undefined;
}

/** `3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm` (python, ruby style). */
function slimBeforeCodename(tag: string | undefined): string | undefined {
  if (!tag) return 'slim';
  if (!SIMPLE_TAG.test(tag)) return undefined;
  const parts = tag.split('-');
  return parts.length === 2 && DEBIAN_CODENAME.test(parts[1]) ? `${parts[0]}-slim-${parts[1]}` : `${tag}-slim`;
}

/** `repository:<tag>-<variant>` advice, or `repository:<version>-<variant>` when the tag is not simple. */
function variantAdvice(repository: string, tag: string | undefined, variant: string): string {
  if (!tag) return `${repository}:${variant}`;
  const base = tag.split('-').filter((part) => !DEBIAN_CODENAME.test(part)).join('-');
  return `${repository}:${SIMPLE_TAG.test(tag) ? base : (version(tag) ?? '<version>')}-${variant}`;
}

/** `21-jdk-jammy` → `21-jre-jammy`, `21` → `21-jre`, `21-noble` → `21-jre-noble`. */
function jreTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const parts = tag.split('-');
  const jdk = parts.indexOf('jdk');
  if (jdk !== -1) parts[jdk] = 'jre';
  else if (/^\d/.test(parts[0])) parts.splice(1, 0, 'jre');
  else return undefined;
  return parts.join('-');
}

/** The Java version a maven/gradle tag was built with: `21` in `3.9-eclipse-temurin-21` or `jdk21`. */
function javaVersion(tag: string | undefined): string | undefined {
  return tag ? /(?:temurin-|jdk-?|java-?|corretto-)(\d+)/.exec(tag)?.[1] : undefined;
}

const DISTROLESS_STATIC = 'gcr.io/distroless/static-debian13 (with CGO_ENABLED=0) or scratch';

export const IMAGE_FAMILIES: readonly ImageFamily[] = [
  // Minimal families first: registry paths that are minimal whatever the name.
  { label: 'distroless', repository: /^gcr\.io\/distroless\//, defaultClass: 'minimal', variants: [[/^debug$/, 'debug']], replacement: (tag) => ({ advice: `the non-debug tag (${tag?.includes('nonroot') ? 'nonroot' : 'latest'})` }) },
  { label: 'Wolfi', repository: /^cgr\.dev\/[^/]+\/(?:wolfi-base|chainguard-base)$/, defaultClass: 'smallDistro' },
  { label: 'Chainguard', repository: /^cgr\.dev\//, defaultClass: 'minimal', variants: [[/^dev$/, 'debug']], replacement: () => ({ advice: 'the non-dev tag (latest), pinned by digest' }) },
  { label: 'UBI micro', repository: /^(?:(?:registry\.access\.redhat\.com|registry\.redhat\.io)\/)?(?:redhat\/)?ubi\d+(?:\/ubi)?-micro$/, defaultClass: 'minimal' },
  { label: 'UBI minimal', repository: /^(?:(?:registry\.access\.redhat\.com|registry\.redhat\.io)\/)?(?:redhat\/)?ubi\d+(?:\/ubi)?-minimal$/, defaultClass: 'smallDistro' },
  { label: 'Alpine', repository: /^alpine$/, defaultClass: 'smallDistro' },
  { label: 'BusyBox', repository: /^busybox$/, defaultClass: 'smallDistro' },

  // Full operating systems.
  { label: 'Debian', repository: /^debian$/, defaultClass: 'fullOs', replacement: (tag) => ({ advice: `debian:${slimSuffix(tag, 'stable-slim') ?? '<codename>-slim'}`, tag: slimSuffix(tag, 'stable-slim') }) },
  { label: 'Ubuntu', repository: /^ubuntu$/, defaultClass: 'fullOs', replacement: () => ({ advice: 'gcr.io/distroless/base-debian13 or debian:trixie-slim' }) },
  { label: 'CentOS (end of life)', repository: /^centos$/, defaultClass: 'fullOs', replacement: () => ({ advice: 'registry.access.redhat.com/ubi9/ubi-minimal or rockylinux:9-minimal' }) },
  { label: 'Rocky Linux', repository: /^(?:rockylinux|rockylinux\/rockylinux)$/, defaultClass: 'fullOs', replacement: (tag, repo) => ({ advice: `${repo}:${major(tag) ?? '9'}-minimal` }) },
  { label: 'AlmaLinux', repository: /^almalinux$/, defaultClass: 'fullOs', replacement: (tag) => ({ advice: `almalinux:${major(tag) ?? '9'}-minimal` }) },
  { label: 'Oracle Linux', repository: /^oraclelinux$/, defaultClass: 'fullOs', replacement: (tag) => ({ advice: `oraclelinux:${major(tag) ?? '9'}-slim` }) },
  { label: 'Fedora', repository: /^fedora$/, defaultClass: 'fullOs', replacement: (tag) => ({ advice: `registry.fedoraproject.org/fedora-minimal:${tag ?? 'latest'}` }) },
  { label: 'Amazon Linux', repository: /^amazonlinux$/, defaultClass: 'fullOs', replacement: () => ({ advice: 'amazonlinux:2023-minimal' }) },
  { label: 'openSUSE', repository: /^opensuse\//, defaultClass: 'fullOs', replacement: () => ({ advice: 'registry.suse.com/bci/bci-minimal' }) },
  { label: 'Arch Linux', repository: /^archlinux$/, defaultClass: 'fullOs', replacement: () => ({ advice: 'gcr.io/distroless/base-debian13 or alpine' }) },
  { label: 'UBI', repository: /^(?:(?:registry\.access\.redhat\.com|registry\.redhat\.io)\/)?(?:redhat\/)?ubi\d+(?:\/ubi)?(?:-init)?$/, defaultClass: 'fullOs', replacement: () => ({ advice: 'ubi9/ubi-minimal or ubi9/ubi-micro' }) },

  // Language runtimes on a full Debian base.
  {
    label: 'Node.js',
    repository: /^node$/,
    defaultClass: 'fullLanguage',
    replacement: (tag) => {
      const slim = slimSuffix(tag, 'slim');
      const distroless = DISTROLESS_NODE.has(major(tag) ?? '') ? ` or gcr.io/distroless/nodejs${major(tag)}-debian13` : '';
      return { advice: `node:${slim ?? `${version(tag) ?? '<version>'}-slim`}${distroless}`, tag: slim };
    },
  },
  {
    label: 'Python',
    repository: /^python$/,
    defaultClass: 'fullLanguage',
    replacement: (tag) => {
      const slim = slimBeforeCodename(tag);
      return { advice: `python:${slim ?? `${version(tag) ?? '<version>'}-slim`} or gcr.io/distroless/python3-debian13`, tag: slim };
    },
  },
  {
    label: 'Ruby',
    repository: /^ruby$/,
    defaultClass: 'fullLanguage',
    replacement: (tag) => {
      const slim = slimBeforeCodename(tag);
      return { advice: `ruby:${slim ?? `${version(tag) ?? '<version>'}-slim`} or ${variantAdvice('ruby', tag, 'alpine')}`, tag: slim };
    },
  },
  { label: 'PHP', repository: /^php$/, defaultClass: 'fullLanguage', replacement: (tag) => ({ advice: `php:${version(tag) ?? '<version>'}-fpm-alpine` }) },
  { label: 'Perl', repository: /^perl$/, defaultClass: 'fullLanguage', replacement: (tag) => ({ advice: variantAdvice('perl', tag, 'slim') }) },
  { label: 'Elixir', repository: /^elixir$/, defaultClass: 'fullLanguage', replacement: (tag) => ({ advice: variantAdvice('elixir', tag, 'slim') }) },
  { label: 'nginx', repository: /^nginx$/, defaultClass: 'fullLanguage', replacement: (tag) => ({ advice: `${variantAdvice('nginx', tag, 'alpine')} or ${variantAdvice('nginxinc/nginx-unprivileged', tag, 'alpine')}` }) },
  {
    label: '.NET runtime',
    repository: /^mcr\.microsoft\.com\/dotnet\/(?:aspnet|runtime|runtime-deps)$/,
    defaultClass: 'fullLanguage',
    replacement: (tag, repo) => ({ advice: `${repo}:${version(tag) ?? '<version>'}-noble-chiseled` }),
  },
  {
    label: 'Eclipse Temurin',
    repository: /^eclipse-temurin$/,
    defaultClass: 'toolchain',
    variants: [
      [/^jdk$/, 'toolchain'],
      [/^jre$/, 'smallDistro'],
    ],
    replacement: (tag) => {
      const jre = jreTag(tag);
      const java = major(tag);
      const distroless = DISTROLESS_JAVA.has(java ?? '') ? ` or gcr.io/distroless/java${java}-debian13` : '';
      return { advice: `eclipse-temurin:${jre ?? `${java ?? '<version>'}-jre`}${distroless}`, tag: jre };
    },
  },
  {
    label: 'OpenJDK (deprecated)',
    repository: /^openjdk$/,
    defaultClass: 'toolchain',
    variants: [
      [/^jdk$/, 'toolchain'],
      [/^(?:slim|alpine[\d.]*)$/, 'smallDistro'],
      [/^jre$/, 'fullLanguage'],
    ],
    replacement: (tag) => ({ advice: `eclipse-temurin:${major(tag) ?? '<version>'}-jre` }),
  },

  // Build toolchains: whatever the variant, a compiler ships.
  { label: 'Go', repository: /^golang$/, defaultClass: 'toolchain', variants: [], replacement: () => ({ advice: DISTROLESS_STATIC }) },
  { label: 'Rust', repository: /^rust$/, defaultClass: 'toolchain', variants: [], replacement: () => ({ advice: 'gcr.io/distroless/cc-debian13 (or static-debian13 for a static musl build)' }) },
  { label: 'Maven', repository: /^maven$/, defaultClass: 'toolchain', variants: [], replacement: (tag) => ({ advice: `eclipse-temurin:${javaVersion(tag) ?? '<java version>'}-jre` }) },
  { label: 'Gradle', repository: /^gradle$/, defaultClass: 'toolchain', variants: [], replacement: (tag) => ({ advice: `eclipse-temurin:${javaVersion(tag) ?? '<java version>'}-jre` }) },
  { label: '.NET SDK', repository: /^mcr\.microsoft\.com\/dotnet\/sdk$/, defaultClass: 'toolchain', variants: [], replacement: (tag) => ({ advice: `mcr.microsoft.com/dotnet/aspnet:${version(tag) ?? '<version>'}-noble-chiseled` }) },
  // The full tag adds compilers and -dev headers; -scm adds version control and -curl curl to a full Debian, no compilers.
  { label: 'Debian', repository: /^buildpack-deps$/, defaultClass: 'toolchain', variants: [[/^(?:scm|curl)$/, 'fullOs']], replacement: () => ({ advice: 'debian:trixie-slim' }) },
  { label: 'GCC', repository: /^gcc$/, defaultClass: 'toolchain', variants: [], replacement: () => ({ advice: 'gcr.io/distroless/cc-debian13' }) },
];

/** Images whose default user is not root, so a final stage built on them needs no USER. */
export const NON_ROOT_BY_DEFAULT: readonly { repository: RegExp; tag?: RegExp; user: string }[] = [
  // distroless `:nonroot`, `:debug-nonroot`, `:latest-nonroot` (UID 65532).
  { repository: /^gcr\.io\/distroless\//, tag: /(?:^|-)nonroot(?:-|$)/, user: 'nonroot' },
  // Chainguard's distroless images run as nonroot (65532); their -dev variants and wolfi-base may not.
  { repository: /^cgr\.dev\/[^/]+\/(?!wolfi-base$|chainguard-base$)/, tag: /^(?!.*(?:^|-)dev(?:-|$))/, user: 'nonroot' },
  // .NET chiseled and Azure Linux distroless images default to the `app` user (UID 1654; dotnet/dotnet-docker ends them with `USER $APP_UID`).
  { repository: /^mcr\.microsoft\.com\/dotnet\//, tag: /(?:^|-)(?:chiseled|distroless)(?:-|$)/, user: 'app' },
  // Nano Server runs as ContainerUser, not ContainerAdministrator (Server Core's default), and so do the .NET images on it.
  { repository: /^mcr\.microsoft\.com\/windows\/nanoserver$/, user: 'ContainerUser' },
  { repository: /^mcr\.microsoft\.com\/dotnet\//, tag: /(?:^|-)nanoserver(?:-|$)/, user: 'ContainerUser' },
  { repository: /^nginxinc\/nginx-unprivileged$/, user: 'nginx' },
];

/** The non-root user a quick fix switches to, by family; 65532 (distroless' `nonroot`) otherwise. */
export const NON_ROOT_USERS: readonly { repository: RegExp; user: string }[] = [
  { repository: /^node$/, user: 'node' },
  { repository: /^(?:gcr\.io\/distroless|cgr\.dev)\//, user: 'nonroot' },
];
export const FALLBACK_NON_ROOT_USER = '65532';
