#!/usr/bin/env bash
# Refresh the vendored front-end assets from the npm registry (never a CDN at run time).
# Usage: bash scripts/vendor.sh   (needs node + npm; the result is committed)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
cd "$tmp"
npm init -y >/dev/null
npm install --silent bootstrap@5.3.9 htmx.org@2.0.11 echarts@5.6.0 bootstrap-icons@1.13.2
N=$tmp/node_modules
V=$here/src/kinerja/inti/static/vendor
mkdir -p "$V"/{bootstrap,htmx,echarts,bootstrap-icons/fonts}
cp "$N"/bootstrap/dist/css/bootstrap.min.css "$N"/bootstrap/dist/js/bootstrap.bundle.min.js "$N"/bootstrap/LICENSE "$V"/bootstrap/
cp "$N"/htmx.org/dist/htmx.min.js "$N"/htmx.org/LICENSE "$V"/htmx/
cp "$N"/echarts/dist/echarts.min.js "$N"/echarts/LICENSE "$V"/echarts/
cp "$N"/bootstrap-icons/font/bootstrap-icons.min.css "$N"/bootstrap-icons/LICENSE "$V"/bootstrap-icons/
cp "$N"/bootstrap-icons/font/fonts/bootstrap-icons.woff2 "$N"/bootstrap-icons/font/fonts/bootstrap-icons.woff "$V"/bootstrap-icons/fonts/
rm -rf "$tmp"
echo "vendored into $V"
# Source maps are not shipped: drop their references so the hashed static storage finds every file.
grep -rl "sourceMappingURL" "$V" | xargs -r sed -i 's|//# sourceMappingURL=.*$||; s|/\*# sourceMappingURL=.*\*/||'
