#!/usr/bin/env bash
# Refreshes the KaTeX files the pages render maths with (no WebJar of KaTeX is served by Maven
# Central): the npm package's minified script, style sheet, auto-render extension, WOFF2 fonts and
# licence, into plugin/src/main/resources/vendor/katex/<version>/. Usage: scripts/vendor-katex.sh 0.19.1
# (then set StaticResource.MATHS_VERSION to the same version and remove the old folder).
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: scripts/vendor-katex.sh VERSION}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "katex@$version" >/dev/null && tar xzf "katex-$version.tgz")
dist="$work/package/dist"
target="plugin/src/main/resources/vendor/katex/$version"
mkdir -p "$target/contrib" "$target/fonts"
cp "$dist/katex.min.js" "$dist/katex.min.css" "$target/"
cp "$dist/contrib/auto-render.min.js" "$target/contrib/"
cp "$dist"/fonts/*.woff2 "$target/fonts/"
cp "$work/package/LICENSE" "$target/LICENSE"
echo "KaTeX $version in $target"
