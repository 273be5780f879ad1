#!/usr/bin/env bash
# Ensure a Pulumi CLI of exactly the version in .pulumi-version, with its Python language host,
# the language host's exec runner and the dynamic-provider shim, all in one directory; and the
# YAML language host of the version in .pulumi-yaml-version beside them.
#
# Prints that directory (and nothing else) on stdout; progress goes to stderr.
#   1. A matching `pulumi` already on PATH, with its Python plugins beside it, is used as is.
#   2. Otherwise a previous build in the per-version cache is reused (no second build).
#   3. Otherwise it builds from the Go module proxy into the cache, outside the repository, so
#      other clones, CI and later runs share it. Set PULUMI_UAC_ENGINE_CACHE to move the cache.
# Without Go (or without the proxy) it stops and points the user at the official installer.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
V="$(tr -d '[:space:]' < "$ROOT/.pulumi-version")"
YAML_V="$(tr -d '[:space:]' < "$ROOT/.pulumi-yaml-version")"
CACHE_ROOT="${PULUMI_UAC_ENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-uac/engine}"
DEST="$CACHE_ROOT/v$V"
BIN="$DEST/bin"
REQUIRED_GO="1.25.11"

say() { printf 'install-pulumi: %s\n' "$*" >&2; }

official_hint() {
  cat >&2 <<MSG
install-pulumi: cannot build Pulumi v$V here: $1
install-pulumi: install Pulumi v$V with the official installer instead, then re-run:
    curl -fsSL https://get.pulumi.com | sh -s -- --version $V
install-pulumi: (it installs pulumi, pulumi-language-python and the dynamic-provider plugin side by side)
MSG
  exit 1
}

# complete DIR: DIR holds the four files and its pulumi reports exactly vV.
complete() {
  local dir="$1" f
  for f in pulumi pulumi-language-python pulumi-language-python-exec pulumi-resource-pulumi-python; do
    [ -x "$dir/$f" ] || return 1
  done
  [ "$("$dir/pulumi" version 2>/dev/null)" = "v$V" ]
}

# with_yaml DIR: make sure DIR also holds the YAML language host (official installs ship it;
# our build adds it from the module proxy, where pulumi-yaml builds as a module of its own).
with_yaml() {
  local dir="$1"
  if [ -x "$dir/pulumi-language-yaml" ]; then return 0; fi
  if [ ! -w "$dir" ]; then
    say "no pulumi-language-yaml beside $dir/pulumi: YAML programs (examples/yaml) will not run"
    return 0
  fi
  command -v go >/dev/null 2>&1 || official_hint "Go is not installed (needed for pulumi-language-yaml)"
  say "building pulumi-language-yaml v$YAML_V from the Go module proxy"
  GOBIN="$dir" CGO_ENABLED=0 go install -trimpath \
    "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$YAML_V" >&2 \
    || official_hint "the Go module proxy did not serve pulumi-yaml v$YAML_V"
}

# fresh_langhost: our own language host in the cache is rebuilt (alone, in seconds) whenever
# scripts/langhost/main.go changed since it was built; the stamp holds the source's hash.
LANGHOST_SUM="$(sha256sum "$ROOT/scripts/langhost/main.go" | cut -d' ' -f1)"
fresh_langhost() {
  [ "$(cat "$BIN/.langhost.sha256" 2>/dev/null)" = "$LANGHOST_SUM" ] && return 0
  [ -f "$DEST/build/go.mod" ] || return 1
  command -v go >/dev/null 2>&1 || return 1
  say "rebuilding the language host (scripts/langhost/main.go changed)"
  exec 8>"$DEST/.lock"
  flock 8
  cp "$ROOT/scripts/langhost/main.go" "$DEST/build/langhost/main.go"
  ( cd "$DEST/build" && CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$V" \
      -o "$BIN/pulumi-language-python.tmp" ./langhost >&2 ) || return 1
  mv "$BIN/pulumi-language-python.tmp" "$BIN/pulumi-language-python"
  echo "$LANGHOST_SUM" > "$BIN/.langhost.sha256"
  flock -u 8
}

if existing="$(command -v pulumi 2>/dev/null)"; then
  dir="$(cd "$(dirname "$existing")" && pwd)"
  if [ "$dir" != "$BIN" ] && complete "$dir"; then
    say "using the Pulumi v$V found on PATH in $dir"
    with_yaml "$dir"
    echo "$dir"; exit 0
  fi
fi

if complete "$BIN" && fresh_langhost; then
  say "using the cached Pulumi v$V in $BIN"
  with_yaml "$BIN"
  echo "$BIN"; exit 0
fi

command -v go >/dev/null 2>&1 || official_hint "Go is not installed"
go_version="$(go env GOVERSION | sed 's/^go//')"
if [ "$(printf '%s\n%s\n' "$REQUIRED_GO" "$go_version" | sort -V | head -1)" != "$REQUIRED_GO" ]; then
  official_hint "Go $go_version is older than the $REQUIRED_GO that Pulumi v$V needs"
fi

mkdir -p "$DEST"
exec 9>"$DEST/.lock"
flock 9  # two clones building at once would otherwise race on the same cache folder
if complete "$BIN" && [ "$(cat "$BIN/.langhost.sha256" 2>/dev/null)" = "$LANGHOST_SUM" ]; then echo "$BIN"; exit 0; fi

BUILD="$DEST/build"
rm -rf "$BUILD" "$BIN.tmp"
mkdir -p "$BUILD/langhost" "$BIN.tmp"
cp "$ROOT/scripts/langhost/main.go" "$BUILD/langhost/main.go"
# pkg/v3's own go.mod replaces the clipboard module and points sdk/v3 at a local directory; Go
# ignores a dependency's replace directives, so our build module carries the non-directory one.
cat > "$BUILD/go.mod" <<GOMOD
module pulumiuac.local/engine

go $REQUIRED_GO

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
GOMOD

start=$(date +%s)
say "building Pulumi v$V from the Go module proxy into $DEST (the first build takes 10-25 minutes)"
(
  cd "$BUILD"
  # -tool records the CLI as a tool of this module, so `go mod tidy` keeps pkg/v3 required.
  go get -tool "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$V" >&2 \
    || official_hint "the Go module proxy did not serve github.com/pulumi/pulumi/pkg/v3@v$V"
  go get "github.com/pulumi/pulumi/sdk/v3@v$V" >&2
  go mod tidy >&2
  for m in pkg sdk; do
    got="$(go list -m -f '{{.Version}}' "github.com/pulumi/pulumi/$m/v3")"
    [ "$got" = "v$V" ] || official_hint "module $m/v3 resolved to $got instead of v$V"
  done
  flags=(-trimpath -tags osusergo,grpcnotrace
         -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$V")
  CGO_ENABLED=0 go build "${flags[@]}" -o "$BIN.tmp/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  CGO_ENABLED=0 go build "${flags[@]}" -o "$BIN.tmp/pulumi-language-python" ./langhost >&2
  # The two scripts are plain files in the sdk/v3 module zip, which drops their exec bit.
  sdk_dir="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
  install -m 755 "$sdk_dir/python/cmd/pulumi-language-python-exec" "$BIN.tmp/"
  install -m 755 "$sdk_dir/python/dist/pulumi-resource-pulumi-python" "$BIN.tmp/"
)
rm -rf "$BIN"
mv "$BIN.tmp" "$BIN"
echo "$LANGHOST_SUM" > "$BIN/.langhost.sha256"
complete "$BIN" || official_hint "the build finished but $BIN/pulumi does not report v$V"
with_yaml "$BIN"
say "built Pulumi v$V in $(( $(date +%s) - start ))s; installed in $BIN"
echo "$BIN"
