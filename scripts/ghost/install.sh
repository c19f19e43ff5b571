#!/usr/bin/env bash
# Installs a pinned Ghost 5.x (the second publish target the tests start, like the test WordPress)
# outside the checkout, so CI and every worktree share one install. Idempotent: when the install
# is present and its native sqlite3 module loads under this Node, it does nothing.
#
# Why not `npm install ghost@5`: as a dependency it fails on its `file:` workspace components, and
# its devDependencies include a tarball from a host this kind of machine cannot reach. What works:
# `npm pack` the published package, unpack, drop devDependencies, install production dependencies.
# Ghost 5.x runs on Node 20 (Ghost 6 needs Node 22). Takes ~7 minutes (about 900 packages).
set -euo pipefail
GHOST_VERSION=5.130.6
GHOST_HOME=${MIDAD_GHOST_HOME:-$HOME/.cache/midad/ghost-$GHOST_VERSION}
READY_MARK="$GHOST_HOME/.midad-installed"

ghost_works() {
    [ -f "$READY_MARK" ] && [ -f "$GHOST_HOME/index.js" ] \
        && (cd "$GHOST_HOME" && node -e "require('sqlite3'); require('./package.json')") >/dev/null 2>&1
}

if ghost_works; then
    echo "ghost: $GHOST_VERSION already installed in $GHOST_HOME"
    exit 0
fi
for tool in node npm tar; do
    command -v "$tool" >/dev/null || { echo "ghost: '$tool' is missing (install nodejs and npm)" >&2; exit 1; }
done

echo "ghost: installing Ghost $GHOST_VERSION into $GHOST_HOME (several minutes)"
staging="$GHOST_HOME.partial"
rm -rf "$staging"
mkdir -p "$staging"
(cd "$staging" && npm pack --silent "ghost@$GHOST_VERSION" >/dev/null)
tar -xzf "$staging/ghost-$GHOST_VERSION.tgz" -C "$staging" --strip-components=1
rm "$staging/ghost-$GHOST_VERSION.tgz"
node -e '
const fs = require("fs");
const path = process.argv[1] + "/package.json";
const manifest = JSON.parse(fs.readFileSync(path, "utf8"));
delete manifest.devDependencies;
fs.writeFileSync(path, JSON.stringify(manifest, null, 2));
' "$staging"
(cd "$staging" && npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=error)
touch "$staging/.midad-installed"
rm -rf "$GHOST_HOME"
mv "$staging" "$GHOST_HOME"
ghost_works || { echo "ghost: installed, but its sqlite3 module does not load" >&2; exit 1; }
echo "ghost: done ($GHOST_HOME)"
